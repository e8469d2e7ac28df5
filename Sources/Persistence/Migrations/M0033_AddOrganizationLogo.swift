import FluentKit

/// Where an organization's logo is kept in the blob store (its key); nil when it has none. The bytes live in the blob
/// store, not the database, so several instances serve the same logo from the same folder or bucket.
struct M0033_AddOrganizationLogo: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OrganizationRecord.schema).field("logo_key", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OrganizationRecord.schema).deleteField("logo_key").update()
    }
}
