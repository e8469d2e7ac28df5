import FluentKit
import SQLKit

struct M0014_CreateHolds: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(HoldRecord.schema)
            .id()
            .field("event_id", .uuid, .required, .references(EventRecord.schema, "id", onDelete: .cascade))
            .field("ticket_type_id", .uuid, .required, .references(TicketTypeRecord.schema, "id", onDelete: .cascade))
            .field("quantity", .int, .required)
            .field("user_id", .uuid, .references(UserRecord.schema, "id", onDelete: .cascade))
            .field("cart_token_hash", .string)
            .field("status", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("created_at", .datetime, .required)
            .field("ended_at", .datetime)
            .check("quantity BETWEEN 1 AND 10", named: "holds_quantity")
            .check("status IN ('active', 'released', 'expired', 'converted')", named: "holds_status_known")
            .create()
        // The sweeper and the lazy reclaim look for active holds past their expiry; owners list theirs.
        let sql = database as! any SQLDatabase
        try await sql.create(index: "holds_status_expires_at").on(HoldRecord.schema).column("status").column(
            "expires_at"
        ).run()
        try await sql.create(index: "holds_ticket_type_id").on(HoldRecord.schema).column("ticket_type_id").run()
        try await sql.create(index: "holds_user_id").on(HoldRecord.schema).column("user_id").run()
        try await sql.create(index: "holds_cart_token_hash").on(HoldRecord.schema).column("cart_token_hash").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(HoldRecord.schema).delete()
    }
}
