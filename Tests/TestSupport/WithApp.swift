import BoxOfficeApp
import FluentKit
import Foundation
import HTTPCore
import Hummingbird
import HummingbirdTesting
import Logging
import Persistence

/// Everything a test body gets: an HTTP client for the app, the app's parts, and its clock.
public struct TestApp: Sendable {
    public let client: any TestClientProtocol
    public let boxOffice: BoxOffice
    public let clock: TestClock
    public let database: TestDatabase
    public let logs: LogCapture
    /// What the app mailed (unless the test handed in a mailer of its own).
    public let mailer: RecordingMailer

    public var store: DatabaseStore { boxOffice.store }

    struct Parts: Sendable {
        let boxOffice: BoxOffice
        let clock: TestClock
        let database: TestDatabase
        let logs: LogCapture
        let mailer: RecordingMailer
    }
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
    seams: BoxOffice.Seams = .init(),
    extraRoutes: (Router<AppRequestContext>) -> Void = { _ in },
    _ body: @Sendable (TestApp) async throws -> Void
) async throws {
    let (location, cleanup) = try await makeTestDatabase(database, migrations: migrations)
    do {
        let app = try await makeTestApp(
            database, location: location, migrations: migrations, configure: configure, seams: seams)
        try await run(app, testing: testing, extraRoutes: extraRoutes, body)
    } catch {
        await cleanup()
        throw error
    }
    await cleanup()
}

/// Two app instances on one database, as in a scaled-out deployment: what one writes, the other must honour.
public func withTwoApps(
    _ database: TestDatabase = .sqlite,
    testing: TestingSetup = .router,
    configure: (inout AppConfig) -> Void = { _ in },
    _ body: @Sendable (TestApp, TestApp) async throws -> Void
) async throws {
    let migrations = SchemaMigrations.all
    let (location, cleanup) = try await makeTestDatabase(database, migrations: migrations)
    do {
        let first = try await makeTestApp(database, location: location, migrations: migrations, configure: configure)
        let second = try await makeTestApp(database, location: location, migrations: migrations, configure: configure)
        try await run(first, testing: testing, extraRoutes: { _ in }) { one in
            try await run(second, testing: testing, extraRoutes: { _ in }) { two in
                try await body(one, two)
            }
        }
    } catch {
        await cleanup()
        throw error
    }
    await cleanup()
}

/// The configuration every test starts from: fast bcrypt, loopback trusted as a proxy (so tests can
/// set client addresses with X-Forwarded-For), and rate limits high enough not to interfere.
public func testConfiguration(_ location: DatabaseLocation) -> AppConfig {
    var auth = AuthConfig()
    auth.bcryptCost = 4
    auth.authAttempts = 1000
    auth.apiRequests = 0
    auth.trustedProxies = ["127.0.0.1", "::1"]
    // Tests sweep explicitly (with the test clock); a background sweep in the middle of one would race its checks.
    var sales = SalesConfig()
    sales.holdSweepSeconds = 3600
    // Most tests stand for many buyers from one loopback address: the limits on places per buyer and per address, and
    // the guest's email confirmation, are off unless a test turns them on (PlaceLimitTests, GuestConfirmationTests).
    sales.buyerPlacesLimit = 0
    sales.addressPlacesLimit = 0
    sales.guestConfirmSeconds = 0
    sales.addressPlacesShare = 0
    // Tests mail one address many times an hour (by the test clock); MailConsentTests bound it.
    var mail = MailConfig()
    mail.linksPerHour = 1000
    return AppConfig(
        mode: .test,
        host: "127.0.0.1",
        port: 0,
        // A request waits for a connection as long as the suite's load may take (many apps' requests and workers on two
        // cores, beside whatever else runs): a 503 here would be the machine's load, not the code's answer.
        database: DatabaseSettings(location: location, connectionsPerEventLoop: 2, poolTimeoutSeconds: 120),
        autoMigrate: true,
        jwtSecret: "test-secret-that-is-at-least-32-bytes-long",
        logLevel: TestEnvironment.logLevel,
        auth: auth,
        sales: sales,
        mail: mail
    )
}

private func makeTestDatabase(_ database: TestDatabase, migrations: [any Migration]) async throws
    -> (DatabaseLocation, @Sendable () async -> Void)
{
    switch database {
    case .sqlite:
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "boxoffice-test-\(UUID().uuidString).sqlite"
        ).path
        return (
            .sqlite(path: path),
            {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
        )
    case .postgres:
        let (name, url) = try await PostgresTestDatabases.shared.makeDatabase(migrations: migrations)
        return (.postgres(url: url), { await PostgresTestDatabases.shared.dropDatabase(name) })
    }
}

private func makeTestApp(
    _ database: TestDatabase, location: DatabaseLocation, migrations: [any Migration],
    configure: (inout AppConfig) -> Void, seams: BoxOffice.Seams = .init()
) async throws -> TestApp.Parts {
    var config = testConfiguration(location)
    configure(&config)
    let clock = TestClock()
    let logs = LogCapture()
    let mailer = RecordingMailer()
    var seams = seams
    if seams.mailer == nil { seams.mailer = mailer }
    let boxOffice = try await BoxOffice(
        config: config, clock: clock.appClock, migrations: migrations, logger: logs.logger(level: config.logLevel),
        seams: seams)
    return TestApp.Parts(boxOffice: boxOffice, clock: clock, database: database, logs: logs, mailer: mailer)
}

private func run(
    _ parts: TestApp.Parts, testing: TestingSetup, extraRoutes: (Router<AppRequestContext>) -> Void,
    _ body: @Sendable (TestApp) async throws -> Void
) async throws {
    let app = parts.boxOffice.application(extraRoutes: extraRoutes)
    do {
        try await parts.boxOffice.withRandomness {
            try await app.test(testing) { client in
                try await body(
                    TestApp(
                        client: client, boxOffice: parts.boxOffice, clock: parts.clock, database: parts.database,
                        logs: parts.logs, mailer: parts.mailer))
            }
        }
    } catch {
        await parts.boxOffice.store.shutdown()
        throw error
    }
    await parts.boxOffice.store.shutdown()
}

enum TestEnvironment {
    /// `TEST_LOG_LEVEL=debug swift test` shows what the app logs; tests can read captured lines at any level.
    static var logLevel: Logger.Level {
        ProcessInfo.processInfo.environment["TEST_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .debug
    }
}
