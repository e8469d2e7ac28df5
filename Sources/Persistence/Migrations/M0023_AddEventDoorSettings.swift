import FluentKit
import SQLKit

/// How an event's doors work: signed tickets (with the event's Ed25519 key, the private half sealed), the check-in
/// window around each session's start, and the short code a kiosk shows so staff can tell events apart.
struct M0023_AddEventDoorSettings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("ALTER TABLE events ADD COLUMN signed_tickets BOOLEAN NOT NULL DEFAULT FALSE").run()
        try await sql.raw("ALTER TABLE events ADD COLUMN signing_public_key TEXT").run()
        try await sql.raw("ALTER TABLE events ADD COLUMN signing_key_sealed TEXT").run()
        try await sql.raw("ALTER TABLE events ADD COLUMN checkin_opens_minutes INTEGER NOT NULL DEFAULT 120").run()
        try await sql.raw("ALTER TABLE events ADD COLUMN checkin_closes_minutes INTEGER NOT NULL DEFAULT 240").run()
        try await sql.raw("ALTER TABLE events ADD COLUMN door_code TEXT").run()
        try await sql.create(index: "events_door_code").on("events").column("door_code").unique().run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "events_door_code").run()
        for column in [
            "door_code", "checkin_closes_minutes", "checkin_opens_minutes", "signing_key_sealed", "signing_public_key",
            "signed_tickets",
        ] {
            try await sql.raw("ALTER TABLE events DROP COLUMN \(unsafeRaw: column)").run()
        }
    }
}
