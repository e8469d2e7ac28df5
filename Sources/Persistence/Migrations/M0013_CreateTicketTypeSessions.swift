import FluentKit
import SQLKit

/// A session included by a ticket type cannot be deleted: the foreign key restricts it.
struct M0013_CreateTicketTypeSessions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(TicketTypeSessionRecord.schema)
            .id()
            .field("ticket_type_id", .uuid, .required, .references(TicketTypeRecord.schema, "id", onDelete: .cascade))
            .field("session_id", .uuid, .required, .references(SessionRecord.schema, "id", onDelete: .restrict))
            .unique(on: "ticket_type_id", "session_id")
            .create()
        try await (database as! any SQLDatabase).create(index: "ticket_type_sessions_session_id")
            .on(TicketTypeSessionRecord.schema).column("session_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(TicketTypeSessionRecord.schema).delete()
    }
}
