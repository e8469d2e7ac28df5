package import Domain
package import Foundation

/// The places left in sessions and ticket types, as read from rows the deciding transaction has locked (`LockedSales`).
/// `take` spends them one purchase at a time, in arrival order, so a batch of purchases is decided exactly as the same
/// purchases made one after another would be; what was taken is then written back once (`PlaceLedger.apply`).
package struct PlacesLeft: Sendable {
    /// Room left per active session; an inactive session has none to give.
    private var sessions: [UUID: Int]
    /// Room left under each ticket type's own limit; types without a limit are absent.
    private var types: [UUID: Int]
    /// What the decisions so far take, per counter, to be written back.
    package private(set) var moves = PlaceMoves()

    package init(sessions: [UUID: Int], types: [UUID: Int]) {
        self.sessions = sessions
        self.types = types
    }

    /// What `target` can take now, and the session that limits it.
    func available(_ target: PlaceLedger.Target) -> (available: Int, limitingSession: String?, ownLimitBinds: Bool) {
        var fewest: (code: String, left: Int)?
        for id in target.sessionIDs {
            let left = max(0, sessions[id] ?? 0)
            let code = target.sessionCodes[id] ?? "?"
            if fewest == nil || left < fewest!.left || (left == fewest!.left && code < fewest!.code) {
                fewest = (code, left)
            }
        }
        let sessionLeft = fewest?.left ?? 0
        let own = types[target.ticketTypeID].map { max(0, $0) }
        return (min(sessionLeft, own ?? .max), fewest?.code, own.map { $0 < sessionLeft } == true)
    }

    /// Takes `quantity` places into `counter` in every included session and under the type's own limit, or takes
    /// nothing and returns the refusal, with what is left and which session limits it.
    package mutating func take(
        _ quantity: Int, of target: PlaceLedger.Target, into counter: PlaceLedger.Counter = .sold
    )
        -> SalesError?
    {
        let (available, limiting, ownLimitBinds) = available(target)
        guard available >= quantity else {
            return .insufficientCapacity(
                ticketTypeID: target.ticketTypeID, requested: quantity, available: available,
                limitingSessionID: ownLimitBinds ? nil : limiting)
        }
        for id in target.sessionIDs { sessions[id]! -= quantity }
        types[target.ticketTypeID]? -= quantity
        moves.add(quantity, to: counter, of: target)
        return nil
    }
}

/// How much each seat counter moves, per session and per ticket type: the sum of a transaction's decisions, written
/// back by `PlaceLedger.apply` with one change per row, sessions first, each table in ID order.
package struct PlaceMoves: Sendable, Equatable {
    package struct Delta: Sendable, Equatable {
        package var held = 0
        package var sold = 0

        package init(held: Int = 0, sold: Int = 0) {
            self.held = held
            self.sold = sold
        }
    }

    package private(set) var sessions: [UUID: Delta] = [:]
    package private(set) var types: [UUID: Delta] = [:]

    package init() {}

    package var isEmpty: Bool {
        sessions.values.allSatisfy { $0 == Delta() } && types.values.allSatisfy { $0 == Delta() }
    }

    /// `quantity` more places in `counter` (negative: fewer) in every session of `target` and in its type.
    package mutating func add(_ quantity: Int, to counter: PlaceLedger.Counter, of target: PlaceLedger.Target) {
        for id in target.sessionIDs { sessions[id, default: Delta()].add(quantity, to: counter) }
        types[target.ticketTypeID, default: Delta()].add(quantity, to: counter)
    }

    /// The places of `target` that `effect` moves: held ones become sold, or held or sold ones go back on sale.
    package mutating func add(_ effect: OrderStatus.PlaceEffect, _ quantity: Int, of target: PlaceLedger.Target) {
        switch effect {
        case .confirmHeld:
            add(-quantity, to: .held, of: target)
            add(quantity, to: .sold, of: target)
        case .releaseHeld: add(-quantity, to: .held, of: target)
        case .releaseSold: add(-quantity, to: .sold, of: target)
        case .sellAgain: add(quantity, to: .sold, of: target)
        case .none: break
        }
    }

    /// Rows in the order they are written: by ID.
    package var sessionRows: [(id: UUID, delta: Delta)] { Self.rows(sessions) }
    package var typeRows: [(id: UUID, delta: Delta)] { Self.rows(types) }

    private static func rows(_ deltas: [UUID: Delta]) -> [(id: UUID, delta: Delta)] {
        deltas.filter { $0.value != Delta() }.sorted { $0.key.uuidString < $1.key.uuidString }.map {
            ($0.key, $0.value)
        }
    }
}

extension PlaceMoves.Delta {
    mutating func add(_ quantity: Int, to counter: PlaceLedger.Counter) {
        switch counter {
        case .held: held += quantity
        case .sold: sold += quantity
        }
    }
}
