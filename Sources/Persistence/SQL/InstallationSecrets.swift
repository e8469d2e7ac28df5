public import FluentKit
import Foundation
import SQLKit

/// A secret the installation keeps for itself in the database when none is configured (development): the first
/// instance to ask makes it, every other instance and restart reads the same one.
public enum InstallationSecrets {
    public static func value(named name: String, makeNew: @Sendable () -> String, on db: any Database) async throws
        -> String
    {
        let sql = db.sql
        try await sql.raw(
            "INSERT INTO installation_secrets (name, value) VALUES (\(bind: name), \(bind: makeNew())) ON CONFLICT DO NOTHING"
        ).run()
        guard
            let row = try await sql.raw("SELECT value FROM installation_secrets WHERE name = \(bind: name)")
                .first(row: SecretRow.self)
        else {
            throw DatabaseUnavailable(reason: "installation secret \(name) vanished")
        }
        return row.value
    }
}

private struct SecretRow: Decodable {
    var value: String
}
