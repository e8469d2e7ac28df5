import FluentKit
import SQLKit

/// Admissions. The unique (ticket, session) pair is what makes a ticket open each of its sessions once, whichever
/// door scans it first; the unique (event, nonce) makes a retried upload land once.
struct M0026_CreateCheckins: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CheckinRecord.schema)
            .id()
            .field("event_id", .uuid, .required, .references(EventRecord.schema, "id", onDelete: .cascade))
            .field("ticket_id", .uuid, .required, .references(TicketRecord.schema, "id", onDelete: .cascade))
            .field("session_id", .uuid, .required, .references(SessionRecord.schema, "id", onDelete: .cascade))
            .field("gate", .string)
            .field("station", .string)
            .field("kiosk_id", .uuid)
            .field("user_id", .uuid)
            .field("nonce", .string)
            .field("method", .string, .required)
            .field("scanned_at", .datetime, .required)
            .field("recorded_at", .datetime, .required)
            .unique(on: "ticket_id", "session_id", name: "checkins_once_per_session")
            .unique(on: "event_id", "nonce", name: "checkins_nonce_once")
            .check("method IN ('scan', 'manual', 'offline')", named: "checkins_method_known")
            .create()
        try await (database as! any SQLDatabase).create(index: "checkins_event_scanned").on(CheckinRecord.schema)
            .column("event_id").column("scanned_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CheckinRecord.schema).delete()
    }
}
