import FluentKit
import SQLKit

/// What the delivery runtime needs on each outbox row: its state (`pending`, `delivered`, `failed`), the lease of the
/// worker delivering it (a claim token and until when; a worker that dies mid-way leaves the row to be claimed again
/// once the lease has passed), the last error, and when it failed for good. Rows delivered before stay delivered.
struct M0029_AddOutboxDeliveryState: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds one column per ALTER TABLE.
        try await database.schema(OutboxRecord.schema).field("state", .string, .required, .sql(.default("pending")))
            .update()
        try await database.schema(OutboxRecord.schema).field("claim_token", .uuid).update()
        try await database.schema(OutboxRecord.schema).field("lease_until", .datetime).update()
        try await database.schema(OutboxRecord.schema).field("last_error", .string).update()
        try await database.schema(OutboxRecord.schema).field("failed_at", .datetime).update()
        let sql = database as! any SQLDatabase
        try await sql.raw("UPDATE outbox SET state = 'delivered' WHERE delivered_at IS NOT NULL").run()
        // Workers look for pending rows of their topics that are due.
        try await sql.create(index: "outbox_state_topic_available_at").on(OutboxRecord.schema)
            .column("state").column("topic").column("available_at").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(index: "outbox_state_topic_available_at").run()
        for field in ["state", "claim_token", "lease_until", "last_error", "failed_at"] {
            try await database.schema(OutboxRecord.schema).deleteField(.key(.init(stringLiteral: field))).update()
        }
    }
}
