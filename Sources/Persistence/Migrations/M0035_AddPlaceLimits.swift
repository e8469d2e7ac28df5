import FluentKit
import SQLKit

/// Limits on the places one buyer, or one client address, may hold or keep pending per event: who took each hold
/// (`buyer_key`: `user:<id>`, `cart:<token hash>` or `email:<address>`; and the client's address), each event's own
/// limits (nil: the installation's), and one lock row per (event, buyer or address) that a sale locks after the seats,
/// so that two purchases by the same buyer on different sessions cannot both pass the limit.
struct M0035_AddPlaceLimits: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(HoldRecord.schema).field("buyer_key", .string).update()
        try await database.schema(HoldRecord.schema).field("client_address", .string).update()
        try await database.schema(EventRecord.schema).field("buyer_places_limit", .int).update()
        try await database.schema(EventRecord.schema).field("address_places_limit", .int).update()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "holds_event_buyer_active").on(HoldRecord.schema)
            .column("event_id").column("buyer_key").column("status").run()
        try await sql.create(index: "holds_event_address_active").on(HoldRecord.schema)
            .column("event_id").column("client_address").column("status").run()
        try await database.schema("place_quota_locks")
            .field("event_id", .uuid, .required, .references(EventRecord.schema, .id, onDelete: .cascade))
            .field("quota_key", .string, .required)
            .compositeIdentifier(over: "event_id", "quota_key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("place_quota_locks").delete()
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "holds_event_buyer_active").run()
        try await sql.drop(index: "holds_event_address_active").run()
        for field in ["buyer_key", "client_address"] {
            try await database.schema(HoldRecord.schema).deleteField(.key(.init(stringLiteral: field))).update()
        }
        for field in ["buyer_places_limit", "address_places_limit"] {
            try await database.schema(EventRecord.schema).deleteField(.key(.init(stringLiteral: field))).update()
        }
    }
}
