import FluentKit
import SQLKit

/// Keys the installation makes for itself when none is configured (development only): one row per name, so every
/// instance on the database and every restart uses the same key.
struct M0028_CreateInstallationSecrets: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await (database as! any SQLDatabase).create(table: "installation_secrets")
            .column("name", type: .text, .primaryKey(autoIncrement: false))
            .column("value", type: .text, .notNull)
            .run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(table: "installation_secrets").run()
    }
}
