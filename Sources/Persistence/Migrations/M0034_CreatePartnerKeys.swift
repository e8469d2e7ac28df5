import FluentKit
import SQLKit

/// Partner apps' keys: made by an organization's owners, bound to that organization, only their SHA-256 kept; a
/// revoked key stays on record (who used which key, until when).
struct M0034_CreatePartnerKeys: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PartnerKeyRecord.schema)
            .id()
            .field("organization_id", .uuid, .required, .references(OrganizationRecord.schema, .id, onDelete: .cascade))
            .field("name", .string, .required)
            .field("key_hash", .string, .required)
            .field("key_prefix", .string, .required)
            .field("created_by", .uuid)
            .field("created_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .unique(on: "key_hash", name: "partner_keys_key_hash")
            .create()
        try await (database as! any SQLDatabase).create(index: "partner_keys_organization_id")
            .on(PartnerKeyRecord.schema).column("organization_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PartnerKeyRecord.schema).delete()
    }
}
