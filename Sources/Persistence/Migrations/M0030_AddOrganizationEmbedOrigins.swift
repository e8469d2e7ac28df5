import FluentKit

/// The origins allowed to frame an organization's embeds (`Content-Security-Policy: frame-ancestors`), space-separated
/// as CSP writes them; null or empty means none may.
struct M0030_AddOrganizationEmbedOrigins: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OrganizationRecord.schema).field("embed_origins", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OrganizationRecord.schema).deleteField("embed_origins").update()
    }
}
