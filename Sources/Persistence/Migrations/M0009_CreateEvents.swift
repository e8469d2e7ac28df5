import FluentKit
import SQLKit

struct M0009_CreateEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(EventRecord.schema)
            .id()
            .field(
                "organization_id", .uuid, .required, .references(OrganizationRecord.schema, "id", onDelete: .cascade)
            )
            .field("venue_id", .uuid, .references(VenueRecord.schema, "id", onDelete: .setNull))
            .field("title", .string, .required)
            .field("short_description", .string, .required)
            .field("full_description", .string, .required)
            .field("event_type", .string, .required)
            .field("category", .string)
            .field("policies", .string)
            .field("image_url", .string)
            .field("currency", .string, .required)
            .field("status", .string, .required)
            .field("starts_at", .datetime)
            .field("ends_at", .datetime)
            .field("next_session_number", .int, .required)
            .field("created_by", .uuid, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("published_at", .datetime)
            .check("status IN ('draft', 'published', 'cancelled', 'archived')", named: "events_status_known")
            .create()
        // The public list filters published events by start time; organizations list their own.
        let sql = database as! any SQLDatabase
        try await sql.create(index: "events_status_starts_at").on(EventRecord.schema).column("status").column(
            "starts_at"
        ).run()
        try await sql.create(index: "events_organization_id").on(EventRecord.schema).column("organization_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(EventRecord.schema).delete()
    }
}
