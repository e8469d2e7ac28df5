import FluentKit

/// `event_id` gets its foreign key when the events table exists (catalog migrations).
struct M0005_CreateStaffAssignments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(StaffAssignmentRecord.schema)
            .id()
            .field("organization_id", .uuid, .required, .references(OrganizationRecord.schema, "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(UserRecord.schema, "id", onDelete: .cascade))
            .field("event_id", .uuid, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "user_id", "event_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(StaffAssignmentRecord.schema).delete()
    }
}
