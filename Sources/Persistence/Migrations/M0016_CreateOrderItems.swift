import FluentKit

struct M0016_CreateOrderItems: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OrderItemRecord.schema)
            .id()
            .field("order_id", .uuid, .required, .references(OrderRecord.schema, "id", onDelete: .cascade))
            .field("ticket_type_id", .uuid, .required, .references(TicketTypeRecord.schema, "id", onDelete: .restrict))
            .field("quantity", .int, .required)
            .field("unit_price_minor", .int64, .required)
            .field("member_price", .bool, .required)
            .check("quantity BETWEEN 1 AND 10", named: "order_items_quantity")
            .check("unit_price_minor >= 0", named: "order_items_price_non_negative")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OrderItemRecord.schema).delete()
    }
}
