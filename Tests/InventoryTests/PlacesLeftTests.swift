import Foundation
import Inventory
import Testing

/// The decision a purchase batch makes on its locked rows: purchase after purchase, in arrival order, each one spending
/// what it takes, refusing with seed 002's details when it does not fit, and remembering what to write back.
@Suite struct PlacesLeftTests {
    let s1 = UUID(uuidString: "00000000-0000-0000-0000-000000000001")!
    let s2 = UUID(uuidString: "00000000-0000-0000-0000-000000000002")!
    let both = UUID(uuidString: "00000000-0000-0000-0000-0000000000a1")!
    let second = UUID(uuidString: "00000000-0000-0000-0000-0000000000a2")!

    func target(_ type: UUID, _ sessions: [UUID]) -> SeatLedger.Target {
        SeatLedger.Target(ticketTypeID: type, sessionIDs: sessions, sessionCodes: [s1: "S1", s2: "S2"].filter { sessions.contains($0.key) })
    }

    @Test func purchasesSpendSharedSessionsInTurn() {
        var places = PlacesLeft(sessions: [s1: 3, s2: 2], types: [:])
        #expect(places.take(2, of: target(both, [s1, s2])) == nil)
        // S2 has nothing left for the second type, though S1 still has one place.
        #expect(places.take(1, of: target(second, [s2])) ==
                .insufficientCapacity(ticketTypeID: second, requested: 1, available: 0, limitingSessionID: "S2"))
        #expect(places.take(2, of: target(both, [s1, s2])) ==
                .insufficientCapacity(ticketTypeID: both, requested: 2, available: 0, limitingSessionID: "S2"))
        #expect(places.takenFromSessions == [s1: 2, s2: 2] && places.takenFromTypes == [both: 2])
    }

    @Test func aTypesOwnLimitRefusesWithoutALimitingSession() {
        var places = PlacesLeft(sessions: [s1: 10], types: [second: 1])
        #expect(places.take(1, of: target(second, [s1])) == nil)
        #expect(places.take(1, of: target(second, [s1])) ==
                .insufficientCapacity(ticketTypeID: second, requested: 1, available: 0, limitingSessionID: nil))
        #expect(places.takenFromSessions == [s1: 1] && places.takenFromTypes == [second: 1])
    }

    @Test func anInactiveSessionHasNothingToGiveAndARefusalTakesNothing() {
        var places = PlacesLeft(sessions: [s1: 5], types: [:])  // S2 is inactive: absent
        #expect(places.take(1, of: target(both, [s1, s2])) ==
                .insufficientCapacity(ticketTypeID: both, requested: 1, available: 0, limitingSessionID: "S2"))
        #expect(places.takenFromSessions.isEmpty && places.takenFromTypes.isEmpty)
        #expect(places.take(5, of: target(second, [s1])) == nil)
    }
}
