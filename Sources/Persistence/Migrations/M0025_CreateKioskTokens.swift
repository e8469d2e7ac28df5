import FluentKit
import SQLKit

/// Door kiosks: a token (only its SHA-256 kept) bound to one event and station, with what it may do and until when.
struct M0025_CreateKioskTokens: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(KioskTokenRecord.schema)
            .id()
            .field("event_id", .uuid, .required, .references(EventRecord.schema, "id", onDelete: .cascade))
            .field("organization_id", .uuid, .required)
            .field("station_name", .string, .required)
            .field("token_hash", .string, .required)
            .field("capabilities", .string, .required)
            .field("created_by", .uuid)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .field("revoked_by", .uuid)
            .unique(on: "token_hash", name: "kiosk_tokens_token_hash")
            .check("capabilities IN ('scan', 'scan_search')", named: "kiosk_tokens_capabilities_known")
            .create()
        try await (database as! any SQLDatabase).create(index: "kiosk_tokens_event_id").on(KioskTokenRecord.schema)
            .column("event_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(KioskTokenRecord.schema).delete()
    }
}
