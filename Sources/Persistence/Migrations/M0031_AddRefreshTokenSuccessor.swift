import FluentKit

/// The token a refresh token was exchanged for, sealed (AES-GCM), kept so that a second tab refreshing with the same
/// token a moment later gets the same successor instead of being taken for a thief.
struct M0031_AddRefreshTokenSuccessor: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RefreshTokenRecord.schema).field("successor_sealed", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RefreshTokenRecord.schema).deleteField("successor_sealed").update()
    }
}
