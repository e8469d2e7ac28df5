import FluentKit
import SQLKit

struct M0004_CreateMemberships: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(MembershipRecord.schema)
            .id()
            .field(
                "organization_id", .uuid, .required, .references(OrganizationRecord.schema, "id", onDelete: .cascade)
            )
            .field("user_id", .uuid, .required, .references(UserRecord.schema, "id", onDelete: .cascade))
            .field("role", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "organization_id", "user_id")
            .create()
        // "My organizations" looks memberships up by user.
        try await (database as! any SQLDatabase).create(index: "memberships_user_id")
            .on(MembershipRecord.schema).column("user_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MembershipRecord.schema).delete()
    }
}
