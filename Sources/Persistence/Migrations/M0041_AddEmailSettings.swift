import FluentKit
import SQLKit

/// Email of an organization (language, reply-to, colours, footer address), reminder offsets per event, verified
/// addresses and their links. SQLite adds one column per statement, hence one update each.
struct M0041_AddEmailSettings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let organizations = OrganizationRecord.schema
        try await database.schema(organizations).field("email_language", .string).update()
        try await database.schema(organizations).field("email_reply_to", .string).update()
        try await database.schema(organizations).field("email_primary_color", .string).update()
        try await database.schema(organizations).field("email_background_color", .string).update()
        try await database.schema(organizations).field("email_footer_address", .string).update()
        try await database.schema(organizations).field("email_time_zone", .string).update()
        // Minutes before each session, comma-separated (`1440,120`); null keeps the installation's `REMINDER_OFFSETS`.
        try await database.schema(EventRecord.schema).field("reminder_offsets", .string).update()
        try await database.schema(UserRecord.schema).field("email_verified_at", .datetime).update()
        // Accounts from before verification signed in already: they keep doing so.
        try await (database as! any SQLDatabase).raw("UPDATE users SET email_verified_at = created_at").run()

        try await database.schema("email_verifications")
            .id()
            .field("user_id", .uuid, .required, .references(UserRecord.schema, .id, onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .unique(on: "token_hash", name: "email_verifications_token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(table: "email_verifications").run()
        try await database.schema(UserRecord.schema).deleteField("email_verified_at").update()
        try await database.schema(EventRecord.schema).deleteField("reminder_offsets").update()
        for column in [
            "email_language", "email_reply_to", "email_primary_color", "email_background_color", "email_footer_address",
            "email_time_zone",
        ] {
            try await database.schema(OrganizationRecord.schema).deleteField(.key(.init(stringLiteral: column)))
                .update()
        }
    }
}
