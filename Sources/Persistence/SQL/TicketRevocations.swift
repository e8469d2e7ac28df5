import Domain
public import FluentKit
import Foundation
import SQLKit

/// Puts ticket versions on their event's revocation list, in the caller's transaction. Cancelling and reissuing
/// both come here, so an offline kiosk learns of every ticket that must stop opening doors.
public enum TicketRevocations {
    /// The current version of every ticket of an order (the order was cancelled or refunded).
    public static func revokeOrder(_ orderID: UUID, reason: String, now: Date, on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        for row in try await sql.raw(
            "SELECT id, event_id, secret_version FROM tickets WHERE order_id = \(bind: orderID)"
        ).all() {
            try await revoke(
                ticketID: try row.decode(column: "id", as: UUID.self),
                eventID: try row.decode(column: "event_id", as: UUID.self),
                version: try row.decode(column: "secret_version", as: Int.self), reason: reason, now: now, on: db)
        }
    }

    public static func revoke(
        ticketID: UUID, eventID: UUID, version: Int, reason: String, now: Date, on db: any Database
    ) async throws {
        try await (db as! any SQLDatabase).raw(
            """
            INSERT INTO ticket_revocations (id, event_id, ticket_id, secret_version, reason, revoked_at)
            VALUES (\(bind: UUID.random()), \(bind: eventID), \(bind: ticketID), \(bind: version), \(bind: reason), \(bind: now))
            ON CONFLICT DO NOTHING
            """
        ).run()
    }
}
