import FluentKit
import SQLKit

/// The newsletter's subscribers (double opt-in: pending until the link is followed; the consent's time and address
/// are kept as its proof) and the mail sent to many: an organizer's message, an event's change, a campaign. Each
/// recipient of a broadcast is one row, its key the broadcast and the address, so that nobody receives one twice
/// however often the fan-out runs.
struct M0042_CreateNewsletterAndBroadcasts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("newsletter_subscribers")
            .id()
            .field("organization_id", .uuid, .required, .references(OrganizationRecord.schema, .id, onDelete: .cascade))
            .field("email", .string, .required)
            .field("name", .string)
            .field("status", .string, .required)
            .field("confirm_token_hash", .string)
            .field("confirm_expires_at", .datetime)
            .field("unsubscribe_token", .string, .required)
            .field("consent_ip", .string)
            .field("created_at", .datetime, .required)
            .field("confirmed_at", .datetime)
            .field("unsubscribed_at", .datetime)
            .field("updated_at", .datetime, .required)
            .unique(on: "organization_id", "email", name: "newsletter_subscribers_org_email")
            .unique(on: "unsubscribe_token", name: "newsletter_subscribers_unsubscribe_token")
            .check("status IN ('pending', 'subscribed', 'unsubscribed')", named: "newsletter_subscribers_status")
            .create()
        try await (database as! any SQLDatabase).create(index: "newsletter_subscribers_confirm")
            .on("newsletter_subscribers").column("confirm_token_hash").run()

        try await database.schema("mail_broadcasts")
            .id()
            .field("organization_id", .uuid, .required, .references(OrganizationRecord.schema, .id, onDelete: .cascade))
            .field("event_id", .uuid, .references(EventRecord.schema, .id, onDelete: .cascade))
            .field("kind", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            // Comma-separated session IDs: the sessions whose attendees receive it (none: the whole event).
            .field("session_ids", .string)
            .field("created_by", .uuid)
            .field("created_at", .datetime, .required)
            .field("recipients", .int, .required)
            .field("fanned_out_at", .datetime)
            .check("kind IN ('organizer_message', 'event_changed', 'campaign')", named: "mail_broadcasts_kind")
            .create()

        try await database.schema("mail_broadcast_recipients")
            .field("broadcast_id", .uuid, .required, .references("mail_broadcasts", .id, onDelete: .cascade))
            .field("email", .string, .required)
            .field("name", .string)
            .compositeIdentifier(over: "broadcast_id", "email")
            .create()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(table: "mail_broadcast_recipients").run()
        try await sql.drop(table: "mail_broadcasts").run()
        try await sql.drop(table: "newsletter_subscribers").run()
    }
}
