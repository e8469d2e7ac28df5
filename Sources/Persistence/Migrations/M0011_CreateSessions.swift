import FluentKit

struct M0011_CreateSessions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SessionRecord.schema)
            .id()
            .field("event_id", .uuid, .required, .references(EventRecord.schema, "id", onDelete: .cascade))
            .field("number", .int, .required)
            .field("name", .string, .required)
            .field("starts_at", .datetime, .required)
            .field("ends_at", .datetime, .required)
            .field("capacity", .int, .required)
            .field("sold", .int, .required)
            .field("held", .int, .required)
            .field("active", .bool, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "event_id", "number")
            // The backstop against overselling: no code path can make these false and commit.
            .check("sold >= 0 AND held >= 0", named: "sessions_counters_non_negative")
            .check("sold + held <= capacity", named: "sessions_within_capacity")
            .check("capacity >= 1", named: "sessions_capacity_positive")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SessionRecord.schema).delete()
    }
}
