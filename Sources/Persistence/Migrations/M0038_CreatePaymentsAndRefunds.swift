import FluentKit
import Foundation
import SQLKit

/// An order's payments and refunds as records. A payment is one attempt to be paid (a card payment at the processor,
/// or a manual one an organizer records); `refunded_minor` is what its refunds take back (pending and done), kept on
/// the row so that a refund is decided by one conditional update, never by a sum read beforehand. A refund is asked of
/// the processor by a worker after its row committed and is tracked until the processor reports it done. No card
/// data is stored anywhere: the processor's references and a client secret (which only lets the buyer's own card form
/// finish that one payment) are all BoxOffice keeps.
struct M0038_CreatePaymentsAndRefunds: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("payments")
            .id()
            .field("order_id", .uuid, .required, .references(OrderRecord.schema, .id, onDelete: .cascade))
            .field("provider", .string, .required)
            .field("method", .string, .required)
            .field("provider_ref", .string)
            .field("amount_minor", .int64, .required)
            .field("currency", .string, .required)
            .field("status", .string, .required)
            .field("client_secret", .string)
            .field("failure_reason", .string)
            .field("refunded_minor", .int64, .required, .sql(.default(0)))
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("succeeded_at", .datetime)
            .check(
                "status IN ('pending', 'requires_action', 'succeeded', 'failed', 'canceled')",
                named: "payments_status_known"
            )
            .check("amount_minor >= 0", named: "payments_amount_non_negative")
            .check("refunded_minor >= 0 AND refunded_minor <= amount_minor", named: "payments_refunds_within_amount")
            .unique(on: "provider", "provider_ref", name: "payments_provider_ref")
            .create()
        try await database.schema("refunds")
            .id()
            .field("order_id", .uuid, .required, .references(OrderRecord.schema, .id, onDelete: .cascade))
            .field("payment_id", .uuid, .references("payments", "id", onDelete: .cascade))
            .field("amount_minor", .int64, .required)
            .field("currency", .string, .required)
            .field("reason", .string, .required)
            .field("status", .string, .required)
            .field("provider_ref", .string)
            .field("failure_reason", .string)
            .field("actor_kind", .string, .required)
            .field("actor_id", .uuid)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .check("status IN ('pending', 'succeeded', 'failed', 'manual')", named: "refunds_status_known")
            .check("amount_minor > 0", named: "refunds_amount_positive")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "payments_order_id").on("payments").column("order_id").run()
        try await sql.create(index: "payments_status").on("payments").column("status").run()
        try await sql.create(index: "refunds_order_id").on("refunds").column("order_id").run()
        try await sql.create(index: "refunds_status").on("refunds").column("status").run()
        // Orders paid before payments were recorded (offline ones an organizer marked paid) get the manual payment
        // they would have now, so that they can be refunded, and flagged for a manual refund if their event is cancelled.
        let paid = try await sql.raw(
            """
            SELECT id, total_minor, currency, status, paid_at, updated_at FROM orders
            WHERE status IN ('paid', 'refunded') AND total_minor > 0
            """
        ).all()
        for row in paid {
            let amount = try row.decode(column: "total_minor", as: Int.self)
            let at =
                try row.decodeNil(column: "paid_at")
                ? row.decode(column: "updated_at", as: Date.self) : row.decode(column: "paid_at", as: Date.self)
            let refunded = try row.decode(column: "status", as: String.self) == "refunded" ? amount : 0
            try await sql.raw(
                """
                INSERT INTO payments (id, order_id, provider, method, amount_minor, currency, status, refunded_minor,
                  created_at, updated_at, succeeded_at)
                VALUES (\(bind: UUID()), \(bind: try row.decode(column: "id", as: UUID.self)), 'manual', 'manual', \(bind: amount),
                  \(bind: try row.decode(column: "currency", as: String.self)), 'succeeded', \(bind: refunded), \(bind: at),
                  \(bind: at), \(bind: at))
                """
            ).run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(table: "refunds").run()
        try await sql.drop(table: "payments").run()
    }
}
