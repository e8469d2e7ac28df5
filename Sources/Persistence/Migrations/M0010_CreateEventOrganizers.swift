import FluentKit
import SQLKit

struct M0010_CreateEventOrganizers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(EventOrganizerRecord.schema)
            .id()
            .field("event_id", .uuid, .required, .references(EventRecord.schema, "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(UserRecord.schema, "id", onDelete: .cascade))
            .field("role", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "event_id", "user_id")
            .create()
        // "Events by organizer" looks organizers up by user.
        try await (database as! any SQLDatabase).create(index: "event_organizers_user_id")
            .on(EventOrganizerRecord.schema).column("user_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(EventOrganizerRecord.schema).delete()
    }
}
