import Foundation
import Sales
import Testing

/// The decision a purchase batch makes on its locked rows: purchase after purchase, in arrival order, each one spending
/// what it takes, refusing with the requested and available quantities when it does not fit, and remembering what to write back.
@Suite struct PlacesLeftTests {
    let s1 = UUID(uuidString: "00000000-0000-0000-0000-000000000001")!
    let s2 = UUID(uuidString: "00000000-0000-0000-0000-000000000002")!
    let both = UUID(uuidString: "00000000-0000-0000-0000-0000000000a1")!
    let second = UUID(uuidString: "00000000-0000-0000-0000-0000000000a2")!

    func target(_ type: UUID, _ sessions: [UUID]) -> PlaceLedger.Target {
        PlaceLedger.Target(
            ticketTypeID: type, sessionIDs: sessions,
            sessionCodes: [s1: "S1", s2: "S2"].filter { sessions.contains($0.key) })
    }

    @Test func purchasesSpendSharedSessionsInTurn() {
        var places = PlacesLeft(sessions: [s1: 3, s2: 2], types: [:])
        #expect(places.take(2, of: target(both, [s1, s2])) == nil)
        // S2 has nothing left for the second type, though S1 still has one place.
        #expect(
            places.take(1, of: target(second, [s2]))
                == .insufficientCapacity(ticketTypeID: second, requested: 1, available: 0, limitingSessionID: "S2"))
        #expect(
            places.take(2, of: target(both, [s1, s2]))
                == .insufficientCapacity(ticketTypeID: both, requested: 2, available: 0, limitingSessionID: "S2"))
        #expect(
            places.moves.sessions == [s1: .init(sold: 2), s2: .init(sold: 2)]
                && places.moves.types == [both: .init(sold: 2)])
    }

    @Test func aTypesOwnLimitRefusesWithoutALimitingSession() {
        var places = PlacesLeft(sessions: [s1: 10], types: [second: 1])
        #expect(places.take(1, of: target(second, [s1])) == nil)
        #expect(
            places.take(1, of: target(second, [s1]))
                == .insufficientCapacity(ticketTypeID: second, requested: 1, available: 0, limitingSessionID: nil))
        #expect(places.moves.sessions == [s1: .init(sold: 1)] && places.moves.types == [second: .init(sold: 1)])
    }

    @Test func anInactiveSessionHasNothingToGiveAndARefusalTakesNothing() {
        var places = PlacesLeft(sessions: [s1: 5], types: [:])  // S2 is inactive: absent
        #expect(
            places.take(1, of: target(both, [s1, s2]))
                == .insufficientCapacity(ticketTypeID: both, requested: 1, available: 0, limitingSessionID: "S2"))
        #expect(places.moves.isEmpty)
        #expect(places.take(5, of: target(second, [s1])) == nil)
    }

    @Test func heldAndSoldPlacesAreCountedApartAndWrittenInIDOrder() {
        var places = PlacesLeft(sessions: [s1: 5, s2: 5], types: [second: 3])
        #expect(places.take(2, of: target(both, [s1, s2]), into: .held) == nil)
        #expect(places.take(1, of: target(second, [s1]), into: .sold) == nil)
        #expect(places.moves.sessions == [s1: .init(held: 2, sold: 1), s2: .init(held: 2)])
        #expect(places.moves.sessionRows.map(\.id) == [s1, s2] && places.moves.typeRows.map(\.id) == [both, second])
        // A hold ending as paid moves its places from held to sold; one given back leaves no move at all.
        var moves = PlaceMoves()
        moves.add(.confirmHeld, 2, of: target(both, [s1, s2]))
        #expect(moves.sessions[s1] == .init(held: -2, sold: 2))
        moves.add(-2, to: .sold, of: target(both, [s1, s2]))
        moves.add(2, to: .held, of: target(both, [s1, s2]))
        #expect(moves.isEmpty && moves.sessionRows.isEmpty)
    }
}
