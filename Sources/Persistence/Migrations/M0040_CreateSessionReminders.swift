import FluentKit
import SQLKit

/// Reminders before sessions: one row per session and offset once its reminders are queued, so that each is sent once
/// however many instances look and however often they restart (the row's insert decides, in the transaction that
/// queues the messages).
struct M0040_CreateSessionReminders: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("session_reminders")
            .field("session_id", .uuid, .required, .references(SessionRecord.schema, .id, onDelete: .cascade))
            .field("offset_minutes", .int, .required)
            .field("queued_at", .datetime, .required)
            .field("messages", .int, .required)
            .compositeIdentifier(over: "session_id", "offset_minutes")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(table: "session_reminders").run()
    }
}
