import FluentKit
import SQLKit

struct M0018_CreateOrderTransitions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OrderTransitionRecord.schema)
            .id()
            .field("order_id", .uuid, .required, .references(OrderRecord.schema, "id", onDelete: .cascade))
            .field("from_status", .string)
            .field("to_status", .string, .required)
            .field("actor_kind", .string, .required)
            .field("actor_id", .uuid)
            .field("reason", .string)
            .field("occurred_at", .datetime, .required)
            .create()
        try await (database as! any SQLDatabase).create(index: "order_transitions_order_id")
            .on(OrderTransitionRecord.schema).column("order_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OrderTransitionRecord.schema).delete()
    }
}
