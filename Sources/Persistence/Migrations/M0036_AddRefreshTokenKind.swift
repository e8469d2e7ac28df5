import FluentKit

/// What a sign-in session is for: `api` (a refresh token, exchanged for access tokens) or `web` (the pages' session
/// cookie, never exchanged). Each is accepted only where it belongs: the refresh endpoint refuses a web session's
/// token, and the pages refuse an API refresh token.
struct M0036_AddRefreshTokenKind: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RefreshTokenRecord.schema)
            .field("kind", .string, .required, .sql(.default("api"))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RefreshTokenRecord.schema).deleteField("kind").update()
    }
}
