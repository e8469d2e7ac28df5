public import BoxOfficeApp
public import FluentKit
import Foundation
public import HTTPCore
public import Hummingbird
public import HummingbirdTesting
public import Logging
public import Persistence

/// Everything a test body gets: an HTTP client for the app, the app's parts, and its clock.
public struct TestApp: Sendable {
    public let client: any TestClientProtocol
    public let boxOffice: BoxOffice
    public let clock: TestClock
    public let database: TestDatabase
    public let logs: LogCapture

    public var store: DatabaseStore { boxOffice.store }
}

/// Runs `body` against a fully wired BoxOffice on a fresh, migrated database of the given kind.
///
/// The app is the one `serve` runs (same router, middleware and services); only its configuration is
/// the test's: a fixed clock at `TestClock.t0`, a throwaway database, logs kept in memory.
/// - Parameters:
///   - testing: `.router` sends requests in process (fast); `.live` runs a real HTTP server on a free port.
///   - migrations: the schema to start from (tests of migration mechanics pass their own).
///   - configure: adjusts the configuration before the app is built.
///   - extraRoutes: probe routes mounted behind the production middleware.
public func withApp(
    _ database: TestDatabase = .sqlite,
    testing: TestingSetup = .router,
    migrations: [any Migration] = SchemaMigrations.all,
    configure: (inout AppConfig) -> Void = { _ in },
    extraRoutes: (Router<AppRequestContext>) -> Void = { _ in },
    _ body: @Sendable (TestApp) async throws -> Void
) async throws {
    let clock = TestClock()
    let logs = LogCapture()
    let location: DatabaseLocation
    var cleanup: @Sendable () async -> Void
    switch database {
    case .sqlite:
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("boxoffice-test-\(UUID().uuidString).sqlite").path
        location = .sqlite(path: path)
        cleanup = {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
    case .postgres:
        let (name, url) = try await PostgresTestDatabases.shared.makeDatabase(migrations: migrations)
        location = .postgres(url: url)
        cleanup = { await PostgresTestDatabases.shared.dropDatabase(name) }
    }

    var config = AppConfig(
        mode: .test,
        host: "127.0.0.1",
        port: 0,
        database: DatabaseSettings(location: location, connectionsPerEventLoop: 2),
        autoMigrate: true,
        jwtSecret: "test-secret-that-is-at-least-32-bytes-long",
        logLevel: TestEnvironment.logLevel
    )
    configure(&config)

    let boxOffice = try BoxOffice(config: config, clock: clock.appClock, migrations: migrations, logger: logs.logger(level: config.logLevel))
    let app = boxOffice.application(extraRoutes: extraRoutes)
    do {
        try await app.test(testing) { client in
            try await body(TestApp(client: client, boxOffice: boxOffice, clock: clock, database: database, logs: logs))
        }
    } catch {
        await boxOffice.store.shutdown()
        await cleanup()
        throw error
    }
    await boxOffice.store.shutdown()
    await cleanup()
}

enum TestEnvironment {
    /// `TEST_LOG_LEVEL=debug swift test` shows what the app logs; tests can read captured lines at any level.
    static var logLevel: Logger.Level {
        ProcessInfo.processInfo.environment["TEST_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .debug
    }
}
