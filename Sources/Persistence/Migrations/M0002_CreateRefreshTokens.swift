import FluentKit
import SQLKit

struct M0002_CreateRefreshTokens: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RefreshTokenRecord.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserRecord.schema, "id", onDelete: .cascade))
            .field("family_id", .uuid, .required)
            .field("token_hash", .string, .required)
            .field("issued_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("rotated_at", .datetime)
            .field("revoked_at", .datetime)
            .field("ip", .string)
            .field("user_agent", .string)
            .unique(on: "token_hash")
            .create()
        // Logout revokes by user, reuse detection by family.
        let sql = database as! any SQLDatabase
        try await sql.create(index: "refresh_tokens_user_id").on(RefreshTokenRecord.schema).column("user_id").run()
        try await sql.create(index: "refresh_tokens_family_id").on(RefreshTokenRecord.schema).column("family_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RefreshTokenRecord.schema).delete()
    }
}
