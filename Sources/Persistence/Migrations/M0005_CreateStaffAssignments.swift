import FluentKit

/// `event_id` has no foreign key: events arrive in a later migration, and SQLite cannot add one to an existing
/// table. The organization service accepts only the organization's own events, and deleting an event deletes its
/// assignments in the same transaction.
struct M0005_CreateStaffAssignments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(StaffAssignmentRecord.schema)
            .id()
            .field(
                "organization_id", .uuid, .required, .references(OrganizationRecord.schema, "id", onDelete: .cascade)
            )
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
