import Foundation
public import HTTPCore
public import Persistence
import Synchronization

/// Works out how the server is doing. It never throws: a failing dependency is a finding, not an error.
public final class HealthService: Sendable {
    public struct Settings: Sendable {
        public var version: String
        /// The mail transport in use (`Mailer.transport`).
        public var mailTransport: String
        /// The upload directory, when one is configured.
        public var storageDirectory: String?
        /// True when files go to an S3-compatible bucket instead of a folder.
        public var storageBucket: Bool

        public init(version: String, mailTransport: String, storageDirectory: String?, storageBucket: Bool = false) {
            self.version = version
            self.mailTransport = mailTransport
            self.storageDirectory = storageDirectory
            self.storageBucket = storageBucket
        }
    }

    let settings: Settings
    let store: DatabaseStore
    let migrations: MigrationRunner
    let http: HTTPStatistics
    /// Once this binary's migrations are all applied they stay applied, so readiness stops asking.
    private let migrationsComplete = Mutex(false)

    public init(settings: Settings, store: DatabaseStore, migrations: MigrationRunner, http: HTTPStatistics) {
        self.settings = settings
        self.store = store
        self.migrations = migrations
        self.http = http
    }

    public func report() async -> HealthReport {
        let connected = await databaseAnswers()
        let storage = storageState()
        let status: HealthReport.Status =
            if !connected { .unhealthy } else if storage == "unavailable" { .degraded } else { .healthy }
        return HealthReport(
            status: status,
            version: settings.version,
            database: .init(status: connected ? .healthy : .unhealthy, connected: connected, kind: store.kind.rawValue),
            email: settings.mailTransport,
            storage: storage,
            connections: .init(
                open: http.connections.total, max: http.maxConnections, maxPerPeer: http.connections.perPeer,
                clientsGone: http.clientsGone)
        )
    }

    /// Ready means: the database answers and its schema is the one this binary expects.
    public func readiness() async -> (ready: Bool, checks: [String: String]) {
        guard await databaseAnswers() else {
            return (false, ["database": "unreachable"])
        }
        guard await schemaIsCurrent() else {
            return (false, ["database": "ok", "migrations": "pending"])
        }
        return (true, ["database": "ok", "migrations": "applied"])
    }

    private func databaseAnswers() async -> Bool {
        do {
            try await store.ping()
            return true
        } catch {
            return false
        }
    }

    private func schemaIsCurrent() async -> Bool {
        if migrationsComplete.withLock({ $0 }) { return true }
        guard let pending = try? await migrations.pending(), pending.isEmpty else { return false }
        migrationsComplete.withLock { $0 = true }
        return true
    }

    private func storageState() -> String {
        if settings.storageBucket { return "configured" }
        guard let directory = settings.storageDirectory else { return "not_configured" }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory)
        return exists && isDirectory.boolValue && FileManager.default.isWritableFile(atPath: directory)
            ? "configured" : "unavailable"
    }
}
