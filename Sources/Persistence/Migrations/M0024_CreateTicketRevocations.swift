import FluentKit
import SQLKit

/// Ticket versions that must no longer open a door: the old version on reissue, the current one on cancellation.
/// Offline kiosks receive this list, since a signed ticket verifies without the server.
struct M0024_CreateTicketRevocations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("ticket_revocations")
            .id()
            .field("event_id", .uuid, .required, .references(EventRecord.schema, "id", onDelete: .cascade))
            .field("ticket_id", .uuid, .required, .references(TicketRecord.schema, "id", onDelete: .cascade))
            .field("secret_version", .int, .required)
            .field("reason", .string, .required)
            .field("revoked_at", .datetime, .required)
            .unique(on: "ticket_id", "secret_version", name: "ticket_revocations_once")
            .create()
        try await (database as! any SQLDatabase).create(index: "ticket_revocations_event_id").on("ticket_revocations")
            .column("event_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("ticket_revocations").delete()
    }
}
