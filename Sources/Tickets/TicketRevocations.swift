import Domain
public import FluentKit
import Foundation
import SQLKit

/// Puts ticket versions on their event's revocation list, in the caller's transaction. Cancelling and reissuing
/// both come here, so an offline kiosk learns of every ticket that must stop opening doors.
public enum TicketRevocations {
    /// One ticket version to put on its event's list.
    public struct Revoked: Sendable {
        public var ticketID: UUID
        public var eventID: UUID
        public var version: Int

        public init(ticketID: UUID, eventID: UUID, version: Int) {
            self.ticketID = ticketID
            self.eventID = eventID
            self.version = version
        }
    }

    public static func revoke(
        ticketID: UUID, eventID: UUID, version: Int, reason: String, now: Date, on db: any Database
    ) async throws {
        try await revoke(
            [Revoked(ticketID: ticketID, eventID: eventID, version: version)], reason: reason, now: now, on: db)
    }

    /// Several tickets (an order's) in one statement.
    public static func revoke(_ tickets: [Revoked], reason: String, now: Date, on db: any Database) async throws {
        guard !tickets.isEmpty else { return }
        let rows = tickets.map { ticket -> SQLQueryString in
            """
            (\(bind: UUID.random()), \(bind: ticket.eventID), \(bind: ticket.ticketID), \(bind: ticket.version), \(bind: reason), \(bind: now))
            """
        }
        try await db.sql.raw(
            "INSERT INTO ticket_revocations (id, event_id, ticket_id, secret_version, reason, revoked_at) VALUES "
                + rows.joined(separator: ", ") + " ON CONFLICT DO NOTHING"
        ).run()
    }
}
