import FluentKit
import SQLKit

/// Places are taken by people and mail goes only to addresses that asked:
/// - every order keeps who took it (`buyer_key`, `client_address`, as holds do), so a buyer's and an address's limits
///   count their sold places too, not only what they hold or keep pending;
/// - an event may set its own share of a session one address may take (`address_places_share`, percent) and may refuse
///   buyers without an account (`guest_checkout` false);
/// - `mail_addresses`: per address, when it was confirmed (an account's verification, a guest's confirmation link, a
///   newsletter's double opt-in), when its owner said "not me" (never mailed by the anonymous flows again), and the
///   confirmation links it was sent in the current hour (a bound per recipient), and the token of its "not me" link. SQLite adds one column per statement.
struct M0043_AddPlacesByPeopleAndMailConsent: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await database.schema(OrderRecord.schema).field("buyer_key", .string).update()
        try await database.schema(OrderRecord.schema).field("client_address", .string).update()
        // Orders from before kept who took them on their hold, when they had one.
        try await sql.raw(
            """
            UPDATE orders SET buyer_key = (SELECT h.buyer_key FROM holds h WHERE h.id = orders.hold_id),
              client_address = (SELECT h.client_address FROM holds h WHERE h.id = orders.hold_id)
            WHERE hold_id IS NOT NULL
            """
        ).run()
        // A guest's order paid at once had no hold: its buyer was its email, as the limits key it.
        try await sql.raw(
            "UPDATE orders SET buyer_key = 'email:' || lower(buyer_email) WHERE buyer_key IS NULL AND user_id IS NULL"
        ).run()
        try await sql.create(index: "orders_event_buyer_status").on(OrderRecord.schema)
            .column("event_id").column("buyer_key").column("status").run()
        try await sql.create(index: "orders_event_address_status").on(OrderRecord.schema)
            .column("event_id").column("client_address").column("status").run()
        try await database.schema(EventRecord.schema).field("address_places_share", .int).update()
        try await database.schema(EventRecord.schema).field("guest_checkout", .bool).update()
        try await database.schema("mail_addresses")
            .field("email", .string, .identifier(auto: false))
            .field("confirmed_at", .datetime)
            .field("refused_at", .datetime)
            .field("links_window_start", .datetime)
            .field("links_in_window", .int, .required, .sql(.default(0)))
            // The "not me" link's token, shown in every mail to the address: it only ever refuses mail, like a
            // newsletter's unsubscribe token only unsubscribes.
            .field("refusal_token", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "refusal_token", name: "mail_addresses_refusal_token")
            .create()
        // Verified accounts, confirmed subscribers and guests who followed their order's link confirmed their address.
        for source: SQLQueryString in [
            "SELECT email, email_verified_at, created_at FROM users WHERE email_verified_at IS NOT NULL",
            "SELECT email, confirmed_at, created_at FROM newsletter_subscribers WHERE confirmed_at IS NOT NULL",
            """
            SELECT o.buyer_email, g.confirmed_at, g.created_at FROM guest_confirmations g JOIN orders o ON o.id = g.order_id
            WHERE g.confirmed_at IS NOT NULL
            """,
        ] {
            try await sql.raw(
                "INSERT INTO mail_addresses (email, confirmed_at, created_at) SELECT * FROM (" + source
                    + ") AS confirmed WHERE true ON CONFLICT (email) DO NOTHING"
            ).run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(table: "mail_addresses").run()
        try await sql.drop(index: "orders_event_buyer_status").run()
        try await sql.drop(index: "orders_event_address_status").run()
        for field in ["buyer_key", "client_address"] {
            try await database.schema(OrderRecord.schema).deleteField(.key(.init(stringLiteral: field))).update()
        }
        for field in ["address_places_share", "guest_checkout"] {
            try await database.schema(EventRecord.schema).deleteField(.key(.init(stringLiteral: field))).update()
        }
    }
}
