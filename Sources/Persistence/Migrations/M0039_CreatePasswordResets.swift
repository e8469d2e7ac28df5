import FluentKit
import SQLKit

/// Password resets asked by email: one row per link mailed, only its token's SHA-256 kept, valid for an hour and once.
struct M0039_CreatePasswordResets: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("password_resets")
            .id()
            .field("user_id", .uuid, .required, .references(UserRecord.schema, .id, onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .unique(on: "token_hash", name: "password_resets_token_hash")
            .create()
        try await (database as! any SQLDatabase).create(index: "password_resets_user_id").on("password_resets")
            .column("user_id").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(table: "password_resets").run()
    }
}
