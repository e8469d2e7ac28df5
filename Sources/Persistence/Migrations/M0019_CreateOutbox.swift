import FluentKit
import SQLKit

struct M0019_CreateOutbox: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OutboxRecord.schema)
            .id()
            .field("topic", .string, .required)
            .field("payload", .string, .required)
            .field("created_at", .datetime, .required)
            .field("available_at", .datetime, .required)
            .field("attempts", .int, .required)
            .field("delivered_at", .datetime)
            .create()
        // Workers look for undelivered rows that are due.
        try await (database as! any SQLDatabase).create(index: "outbox_delivered_at_available_at")
            .on(OutboxRecord.schema).column("delivered_at").column("available_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OutboxRecord.schema).delete()
    }
}
