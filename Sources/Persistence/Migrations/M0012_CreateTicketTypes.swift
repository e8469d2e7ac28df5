import FluentKit
import SQLKit

struct M0012_CreateTicketTypes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(TicketTypeRecord.schema)
            .id()
            .field("event_id", .uuid, .required, .references(EventRecord.schema, "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("description", .string, .required)
            .field("price_minor", .int64, .required)
            .field("member_price_minor", .int64)
            .field("quantity_limit", .int)
            .field("sold", .int, .required)
            .field("held", .int, .required)
            .field("max_per_order", .int, .required)
            .field("sales_start", .datetime)
            .field("sales_end", .datetime, .required)
            .field("active", .bool, .required)
            .field("hidden", .bool, .required)
            .field("sort_order", .int, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .check("sold >= 0 AND held >= 0", named: "ticket_types_counters_non_negative")
            .check("quantity_limit IS NULL OR sold + held <= quantity_limit", named: "ticket_types_within_limit")
            .check(
                "price_minor >= 0 AND (member_price_minor IS NULL OR member_price_minor >= 0)",
                named: "ticket_types_prices_non_negative"
            )
            .check("max_per_order BETWEEN 1 AND 10", named: "ticket_types_max_per_order")
            .create()
        try await (database as! any SQLDatabase).create(index: "ticket_types_event_id")
            .on(TicketTypeRecord.schema).column("event_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(TicketTypeRecord.schema).delete()
    }
}
