import FluentKit
import SQLKit

struct M0015_CreateOrders: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OrderRecord.schema)
            .id()
            .field("number", .string, .required)
            .field("event_id", .uuid, .required, .references(EventRecord.schema, "id", onDelete: .restrict))
            .field("user_id", .uuid, .references(UserRecord.schema, "id", onDelete: .setNull))
            .field("buyer_name", .string, .required)
            .field("buyer_email", .string, .required)
            .field("status", .string, .required)
            .field("provider", .string, .required)
            .field("total_minor", .int64, .required)
            .field("currency", .string, .required)
            .field("notes", .string)
            .field("hold_id", .uuid, .references(HoldRecord.schema, "id", onDelete: .setNull))
            .field("payment_deadline", .datetime)
            .field("access_token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("paid_at", .datetime)
            .unique(on: "number")
            .check("status IN ('pending', 'paid', 'cancelled', 'refunded', 'expired')", named: "orders_status_known")
            .check("total_minor >= 0", named: "orders_total_non_negative")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "orders_user_id").on(OrderRecord.schema).column("user_id").run()
        try await sql.create(index: "orders_event_id").on(OrderRecord.schema).column("event_id").run()
        try await sql.create(index: "orders_hold_id").on(OrderRecord.schema).column("hold_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OrderRecord.schema).delete()
    }
}
