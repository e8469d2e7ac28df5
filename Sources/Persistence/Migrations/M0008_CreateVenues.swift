import FluentKit

struct M0008_CreateVenues: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(VenueRecord.schema)
            .id()
            .field(
                "organization_id", .uuid, .required, .references(OrganizationRecord.schema, "id", onDelete: .cascade)
            )
            .field("name", .string, .required)
            .field("address", .string, .required)
            .field("capacity", .int, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .check("capacity >= 0", named: "venues_capacity_non_negative")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(VenueRecord.schema).delete()
    }
}
