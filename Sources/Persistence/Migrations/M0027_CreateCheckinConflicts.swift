import FluentKit
import SQLKit

/// Double admits found when an offline kiosk uploads: a scan of a ticket whose session was already admitted
/// elsewhere. Kept for the organizer; the nonce makes a re-upload report it once.
struct M0027_CreateCheckinConflicts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("checkin_conflicts")
            .id()
            .field("event_id", .uuid, .required, .references(EventRecord.schema, "id", onDelete: .cascade))
            .field("ticket_id", .uuid, .required, .references(TicketRecord.schema, "id", onDelete: .cascade))
            .field("session_id", .uuid, .required, .references(SessionRecord.schema, "id", onDelete: .cascade))
            .field("gate", .string)
            .field("station", .string)
            .field("nonce", .string, .required)
            .field("scanned_at", .datetime, .required)
            .field("first_checkin_id", .uuid)
            .field("first_scanned_at", .datetime, .required)
            .field("first_gate", .string)
            .field("recorded_at", .datetime, .required)
            .unique(on: "event_id", "nonce", name: "checkin_conflicts_nonce_once")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("checkin_conflicts").delete()
    }
}
