import FluentKit
import SQLKit

/// The payment processor's webhook events, one row per event ID: a processor delivers an event at least once, so the
/// row is how a second delivery is recognised, acknowledged and ignored. The payment an event is about is indexed for
/// the support question "what did the processor tell us about this payment?".
struct M0032_CreatePaymentEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("payment_events")
            .field("event_id", .string, .identifier(auto: false))
            .field("provider", .string, .required)
            .field("type", .string, .required)
            .field("payment_id", .string)
            .field("created_at", .datetime, .required)
            .field("received_at", .datetime, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "payment_events_payment_id").on("payment_events").column("payment_id").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(table: "payment_events").run()
    }
}
