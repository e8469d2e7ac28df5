import FluentKit

/// The event's refund rule: a full refund until this many hours before the first session a ticket includes, none
/// after. Null means no refunds at all. Adding a nullable column works alike on SQLite and PostgreSQL.
struct M0021_AddEventRefundCutoff: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(EventRecord.schema).field("refund_cutoff_hours", .int).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(EventRecord.schema).deleteField("refund_cutoff_hours").update()
    }
}
