import FluentKit
import Foundation
import Logging
import Persistence
import PostgresNIO

/// Gives each PostgreSQL test its own database in milliseconds: the schema is migrated once into a
/// template, and every test gets `CREATE DATABASE … TEMPLATE` of it, dropped when the test ends.
actor PostgresTestDatabases {
    static let shared = PostgresTestDatabases()

    private var templates: [String: Task<String, any Error>] = [:]
    private let logger = Logger(label: "boxoffice.test.postgres")

    /// A fresh, migrated database; returns its name and URL.
    func makeDatabase(migrations: [any Migration]) async throws -> (name: String, url: String) {
        let adminURL = try Self.adminURL()
        let template = try await template(for: migrations, adminURL: adminURL)
        let name = "test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
        // Concurrent clones of one template can collide briefly ("being accessed by other users"); retry.
        var attempt = 0
        while true {
            do {
                try await Self.admin(adminURL, "CREATE DATABASE \"\(name)\" TEMPLATE \"\(template)\"")
                break
            } catch let error as PSQLError where error.serverInfo?[.sqlState] == "55006" && attempt < 20 {
                attempt += 1
                try await Task.sleep(for: .milliseconds(50 * attempt))
            }
        }
        return (String(name), Self.url(adminURL, database: String(name)))
    }

    func dropDatabase(_ name: String) async {
        guard let adminURL = try? Self.adminURL() else { return }
        try? await Self.admin(adminURL, "DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)")
    }

    private func template(for migrations: [any Migration], adminURL: String) async throws -> String {
        let signature = migrations.map(\.name).joined(separator: "|")
        if let existing = templates[signature] { return try await existing.value }
        let name = "template_\(Self.fnv1a(signature))"
        let logger = self.logger
        let task = Task<String, any Error> {
            try await Self.admin(adminURL, "DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)")
            try await Self.admin(adminURL, "CREATE DATABASE \"\(name)\"")
            let store = try DatabaseStore(
                settings: DatabaseSettings(
                    location: .postgres(url: Self.url(adminURL, database: name)), connectionsPerEventLoop: 1),
                logger: logger
            )
            do {
                try await MigrationRunner(store: store, migrations: migrations).migrate()
            } catch {
                await store.shutdown()
                throw error
            }
            // No connection may remain on a template, or cloning it fails.
            await store.shutdown()
            return name
        }
        templates[signature] = task
        return try await task.value
    }

    static func adminURL() throws -> String {
        guard let url = TestDatabase.postgresAdminURL else {
            throw TestSetupError("PostgreSQL tests need BOXOFFICE_TEST_POSTGRES_URL (scripts/test sets it)")
        }
        return url
    }

    /// The admin URL with its database swapped for `database`.
    static func url(_ adminURL: String, database: String) -> String {
        var components = URLComponents(string: adminURL)!
        components.path = "/" + database
        return components.string!
    }

    /// Runs one statement on a short-lived connection to the maintenance database.
    static func admin(_ adminURL: String, _ sql: String) async throws {
        let components = URLComponents(string: adminURL)!
        let configuration = PostgresConnection.Configuration(
            host: components.host ?? "127.0.0.1",
            port: components.port ?? 5432,
            username: components.user ?? "postgres",
            password: components.password,
            database: String(components.path.dropFirst()).isEmpty ? "postgres" : String(components.path.dropFirst()),
            tls: .disable
        )
        let logger = Logger(label: "boxoffice.test.admin")
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        do {
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }

    static func fnv1a(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}

public struct TestSetupError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
