public import Foundation
public import Logging
public import Persistence

/// Every setting BoxOffice reads, decoded once at start by `AppConfig.load(from:)`.
///
/// Features receive the part they need; nothing reads the environment after start.
public struct AppConfig: Sendable {
    public enum Mode: String, Sendable, CaseIterable {
        case development, production, test
    }

    public var mode: Mode
    public var host: String
    public var port: Int
    public var database: DatabaseSettings
    /// Apply pending migrations before serving. Default: on for SQLite, off for PostgreSQL.
    public var autoMigrate: Bool
    public var jwtSecret: String
    /// True when no secret was configured and a random one was made for this process only.
    public var jwtSecretIsEphemeral: Bool
    public var logLevel: Logger.Level
    public var maxBodyBytes: Int
    public var corsAllowedOrigins: [String]
    public var hstsEnabled: Bool
    public var smtpURL: String?
    public var storageDirectory: String?
    public var auth: AuthConfig
    /// Currency of new events unless they name one (ISO 4217).
    public var defaultCurrency: String
    /// The largest capacity a session may have.
    public var maximumSessionCapacity: Int
    /// How long a hold keeps its places.
    public var holdSeconds: Int
    /// How long an unpaid offline order keeps its places.
    public var paymentWindowSeconds: Int
    /// Seals ticket secrets and events' signing keys (`TICKET_SECRET_KEY`, 32 bytes). Nil in development means the
    /// installation keeps a key of its own in the database.
    public var ticketSecretKey: Data?
    /// Seconds between background sweeps of expired holds (`HOLD_SWEEP_INTERVAL`). Correctness never waits for it.
    public var holdSweepSeconds: Int
    /// Whether `serve` also runs the background workers (`WORKERS`, default true); `boxoffice work` runs only them.
    public var runWorkers: Bool
    /// The outbox workers' backstop poll, in seconds (`OUTBOX_POLL_INTERVAL`); the change feed wakes them at once.
    public var outboxPollSeconds: Int

    public init(
        mode: Mode = .development,
        host: String = "127.0.0.1",
        port: Int = 8080,
        database: DatabaseSettings = DatabaseSettings(location: .sqlite(path: "./boxoffice.sqlite")),
        autoMigrate: Bool = true,
        jwtSecret: String,
        jwtSecretIsEphemeral: Bool = false,
        logLevel: Logger.Level = .info,
        maxBodyBytes: Int = 1 << 20,
        corsAllowedOrigins: [String] = [],
        hstsEnabled: Bool = false,
        smtpURL: String? = nil,
        storageDirectory: String? = nil,
        auth: AuthConfig = AuthConfig(),
        defaultCurrency: String = "EUR",
        maximumSessionCapacity: Int = 500,
        holdSeconds: Int = 600,
        paymentWindowSeconds: Int = 72 * 3600,
        ticketSecretKey: Data? = nil,
        holdSweepSeconds: Int = 30,
        runWorkers: Bool = true,
        outboxPollSeconds: Int = 30
    ) {
        self.mode = mode
        self.host = host
        self.port = port
        self.database = database
        self.autoMigrate = autoMigrate
        self.jwtSecret = jwtSecret
        self.jwtSecretIsEphemeral = jwtSecretIsEphemeral
        self.logLevel = logLevel
        self.maxBodyBytes = maxBodyBytes
        self.corsAllowedOrigins = corsAllowedOrigins
        self.hstsEnabled = hstsEnabled
        self.smtpURL = smtpURL
        self.storageDirectory = storageDirectory
        self.auth = auth
        self.defaultCurrency = defaultCurrency
        self.maximumSessionCapacity = maximumSessionCapacity
        self.holdSeconds = holdSeconds
        self.paymentWindowSeconds = paymentWindowSeconds
        self.ticketSecretKey = ticketSecretKey
        self.holdSweepSeconds = holdSweepSeconds
        self.runWorkers = runWorkers
        self.outboxPollSeconds = outboxPollSeconds
    }
}

/// All the problems found in the configuration, reported together so one edit fixes them all.
public struct ConfigurationError: Error, CustomStringConvertible, Equatable {
    public let problems: [String]

    public var description: String {
        "Invalid configuration (\(problems.count) problem\(problems.count == 1 ? "" : "s")):\n"
            + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}
