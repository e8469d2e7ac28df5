import Foundation
import Persistence
import WireTypes

extension Components.Schemas.Hold {
    /// A hold as its owner sees it; `sessions` are the codes (S1, S2) of the sessions its places are in.
    init(_ record: HoldRecord, sessions: [String]) throws {
        self.init(
            sessions: sessions, eventId: record.eventID.uuidString, holdId: try record.requireID().uuidString,
            quantity: record.quantity, ticketTypeId: record.ticketTypeID.uuidString, expiresAt: record.expiresAt)
    }
}
