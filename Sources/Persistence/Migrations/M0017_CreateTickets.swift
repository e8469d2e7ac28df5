import FluentKit
import SQLKit

struct M0017_CreateTickets: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(TicketRecord.schema)
            .id()
            .field("order_id", .uuid, .required, .references(OrderRecord.schema, "id", onDelete: .cascade))
            .field("ticket_type_id", .uuid, .required, .references(TicketTypeRecord.schema, "id", onDelete: .restrict))
            .field("event_id", .uuid, .required, .references(EventRecord.schema, "id", onDelete: .restrict))
            .field("status", .string, .required)
            .field("attendee_name", .string, .required)
            .field("attendee_email", .string, .required)
            .field("dietary_restrictions", .string)
            .field("emergency_contact", .string)
            .field("created_at", .datetime, .required)
            .check("status IN ('pending', 'valid', 'cancelled', 'refunded')", named: "tickets_status_known")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "tickets_order_id").on(TicketRecord.schema).column("order_id").run()
        try await sql.create(index: "tickets_ticket_type_id").on(TicketRecord.schema).column("ticket_type_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(TicketRecord.schema).delete()
    }
}
