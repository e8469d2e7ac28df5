import FluentKit
import SQLKit

/// Each ticket's QR secret: its SHA-256 (hex) to find the ticket at the door, the secret sealed with the
/// installation's ticket key so the holder can be shown it again, and a version that a reissue moves on.
/// Raw `ALTER TABLE … ADD COLUMN` reads the same on SQLite and PostgreSQL.
struct M0022_AddTicketSecrets: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("ALTER TABLE tickets ADD COLUMN secret_hash TEXT").run()
        try await sql.raw("ALTER TABLE tickets ADD COLUMN secret_sealed TEXT").run()
        try await sql.raw("ALTER TABLE tickets ADD COLUMN secret_version INTEGER NOT NULL DEFAULT 1").run()
        try await sql.create(index: "tickets_secret_hash").on("tickets").column("secret_hash").unique().run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "tickets_secret_hash").run()
        for column in ["secret_version", "secret_sealed", "secret_hash"] {
            try await sql.raw("ALTER TABLE tickets DROP COLUMN \(unsafeRaw: column)").run()
        }
    }
}
