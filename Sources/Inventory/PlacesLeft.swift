package import Foundation

/// The places left in sessions and ticket types, as read from rows the deciding transaction has locked. `take` spends
/// them one purchase at a time, in arrival order, so a batch of purchases is decided exactly as the same purchases
/// made one after another would be; what was taken is then written back by `SeatLedger.spendClauses`.
package struct PlacesLeft: Sendable {
    /// Room left per active session; an inactive session has none to give.
    private var sessions: [UUID: Int]
    /// Room left under each ticket type's own limit; types without a limit are absent.
    private var types: [UUID: Int]
    package private(set) var takenFromSessions: [UUID: Int] = [:]
    package private(set) var takenFromTypes: [UUID: Int] = [:]

    package init(sessions: [UUID: Int], types: [UUID: Int]) {
        self.sessions = sessions
        self.types = types
    }

    /// Takes `quantity` places in every included session and under the type's own limit, or takes nothing and returns
    /// the refusal, worded as the seat ledger words it.
    package mutating func take(_ quantity: Int, of target: SeatLedger.Target) -> InventoryError? {
        var fewest: (code: String, left: Int)?
        for id in target.sessionIDs {
            let left = max(0, sessions[id] ?? 0)
            let code = target.sessionCodes[id] ?? "?"
            if fewest == nil || left < fewest!.left || (left == fewest!.left && code < fewest!.code) { fewest = (code, left) }
        }
        let sessionLeft = fewest?.left ?? 0
        let own = types[target.ticketTypeID].map { max(0, $0) }
        let available = min(sessionLeft, own ?? .max)
        guard available >= quantity else {
            return .insufficientCapacity(
                ticketTypeID: target.ticketTypeID, requested: quantity, available: available,
                limitingSessionID: own.map { $0 < sessionLeft } == true ? nil : fewest?.code)
        }
        for id in target.sessionIDs {
            sessions[id]! -= quantity
            takenFromSessions[id, default: 0] += quantity
        }
        types[target.ticketTypeID]? -= quantity
        takenFromTypes[target.ticketTypeID, default: 0] += quantity
        return nil
    }
}
