public import Domain
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
    public var auth: AuthConfig
    public var http: HTTPConfig
    public var catalog: CatalogConfig
    public var sales: SalesConfig
    public var admission: AdmissionConfig
    public var workers: WorkersConfig
    public var mail: MailConfig
    public var payments: PaymentsConfig
    public var storage: StorageConfig

    public init(
        mode: Mode = .development,
        host: String = "127.0.0.1",
        port: Int = 8080,
        database: DatabaseSettings = DatabaseSettings(location: .sqlite(path: "./boxoffice.sqlite")),
        autoMigrate: Bool = true,
        jwtSecret: String,
        jwtSecretIsEphemeral: Bool = false,
        logLevel: Logger.Level = .info,
        auth: AuthConfig = AuthConfig(),
        http: HTTPConfig = HTTPConfig(),
        catalog: CatalogConfig = CatalogConfig(),
        sales: SalesConfig = SalesConfig(),
        admission: AdmissionConfig = AdmissionConfig(),
        workers: WorkersConfig = WorkersConfig(),
        mail: MailConfig = MailConfig(),
        payments: PaymentsConfig = PaymentsConfig(),
        storage: StorageConfig = StorageConfig()
    ) {
        self.mode = mode
        self.host = host
        self.port = port
        self.database = database
        self.autoMigrate = autoMigrate
        self.jwtSecret = jwtSecret
        self.jwtSecretIsEphemeral = jwtSecretIsEphemeral
        self.logLevel = logLevel
        self.auth = auth
        self.http = http
        self.catalog = catalog
        self.sales = sales
        self.admission = admission
        self.workers = workers
        self.mail = mail
        self.payments = payments
        self.storage = storage
    }
}

/// The HTTP edge: body size, browsers' cross-origin access, transport security.
public struct HTTPConfig: Sendable {
    /// The largest accepted request body (`MAX_BODY_SIZE`).
    public var maxBodyBytes = 1 << 20
    /// Origins allowed to call the API from browsers (`CORS_ALLOWED_ORIGINS`).
    public var corsAllowedOrigins: [String] = []
    /// Send `Strict-Transport-Security` (`HSTS_ENABLED`).
    public var hstsEnabled = false
    /// Seconds a connection may stay silent (no request, or a request's head or body stalled) before it is closed
    /// (`HTTP_IDLE_TIMEOUT`).
    public var idleTimeoutSeconds = 30
    /// Seconds a request's body may take to arrive whole (`HTTP_BODY_TIMEOUT`); past it the answer is 408 and the
    /// connection is closed.
    public var bodyTimeoutSeconds = 60
    /// Connections open at once, in all (`MAX_CONNECTIONS`); past it new ones wait in the backlog.
    public var maxConnections = 10_000
    /// Connections one peer address may hold open at once (`MAX_CONNECTIONS_PER_PEER`, 0: no limit); past it new ones
    /// are closed at once, so one host cannot take every socket.
    public var maxConnectionsPerPeer = 256
    /// Where people reach this installation (`PUBLIC_URL`, e.g. https://tickets.example.org), for links in messages;
    /// unset, `http://HOST:PORT`.
    public var publicURL: String?

    public init() {}
}

/// The catalog.
public struct CatalogConfig: Sendable {
    /// Currency of new events unless they name one (ISO 4217, `DEFAULT_CURRENCY`).
    public var defaultCurrency = "EUR"
    /// The largest capacity a session may have (`SESSION_CAPACITY_MAX`).
    public var maximumSessionCapacity = 500

    public init() {}
}

/// Holds and orders.
public struct SalesConfig: Sendable {
    /// How long a hold keeps its places (`HOLD_TTL`).
    public var holdSeconds = 600
    /// How long an unpaid offline order keeps its places (`PAYMENT_WINDOW`).
    public var paymentWindowSeconds = 72 * 3600
    /// Seconds between background sweeps of expired holds (`HOLD_SWEEP_INTERVAL`). Correctness never waits for it.
    public var holdSweepSeconds = 30
    /// Places one buyer may have per event, held, pending or sold (`BUYER_PLACES_LIMIT`; 0: no limit). Events may set
    /// their own.
    public var buyerPlacesLimit = 10
    /// Places one client address may have per event (`ADDRESS_PLACES_LIMIT`; 0: no limit).
    public var addressPlacesLimit = 50
    /// Percent of the smallest session's capacity one client address may have (`ADDRESS_PLACES_SHARE`; 0: none).
    public var addressPlacesShare = 20
    /// Minutes in seconds within which a guest must confirm their email for an offline order to keep its places
    /// (`GUEST_CONFIRM_WINDOW`; 0: no confirmation asked).
    public var guestConfirmSeconds = 1800
    /// How long a card order keeps its places while the buyer pays (`CARD_PAYMENT_WINDOW`, seconds).
    public var cardPaymentWindowSeconds = 900

    public var placeLimits: PlaceLimits {
        PlaceLimits(perBuyer: buyerPlacesLimit, perAddress: addressPlacesLimit, addressShare: addressPlacesShare)
    }

    public init() {}
}

/// The door.
public struct AdmissionConfig: Sendable {
    /// Seals ticket secrets and events' signing keys (`TICKET_SECRET_KEY`, 32 bytes). Nil in development means the
    /// installation keeps a key of its own in the database.
    public var ticketSecretKey: Data?

    public init() {}
}

/// The background workers.
public struct WorkersConfig: Sendable {
    /// Whether `serve` also runs them (`WORKERS`); `boxoffice work` runs only them.
    public var runWorkers = true
    /// The outbox workers' backstop poll, in seconds (`OUTBOX_POLL_INTERVAL`); the change feed wakes them at once.
    public var outboxPollSeconds = 30

    public init() {}
}

/// Mail delivery.
public struct MailConfig: Sendable {
    /// `SMTP_URL`: the mail server (`smtp://user:password@host:587` with STARTTLS required, `smtps://…:465`, or
    /// `smtp://127.0.0.1:2525?starttls=off` for a loopback relay). Without it, mail is written to `directory`.
    public var smtpURL: String?
    /// `SMTP_CA_FILE`: PEM certificates trusted for the mail server besides the system's (a private relay).
    public var smtpTrustedCertificates: String?
    /// The sender of every message (`MAIL_FROM`, `Name <address>` or an address).
    public var from = "BoxOffice <tickets@boxoffice.localhost>"
    /// Where the file transport writes each message as an `.eml` file (`MAIL_DIR`).
    public var directory = "./mail-outbox"
    /// Minutes before each session its ticket holders are reminded (`REMINDER_OFFSETS`, comma-separated).
    public var reminderOffsetsMinutes = [1440, 120]
    /// The language of mail that belongs to no organization, and of organizations that chose none (`MAIL_LANGUAGE`:
    /// `en` or `de`).
    public var language = "en"
    /// Confirmation links (and mail about a guest's own order) one unconfirmed address may get per hour
    /// (`MAIL_LINKS_PER_HOUR`).
    public var linksPerHour = 5

    public init() {}
}

/// Card payments through a processor that speaks Stripe's API.
public struct PaymentsConfig: Sendable {
    /// `STRIPE_API_BASE`: Stripe's own unless a compatible server is named.
    public var stripeAPIBase = "https://api.stripe.com"
    /// `STRIPE_SECRET_KEY`; without it no card payment is offered and payment webhooks are refused.
    public var stripeSecretKey: String?
    /// `STRIPE_WEBHOOK_SECRETS`, comma-separated: every secret whose signature is accepted (several while rotating).
    public var stripeWebhookSecrets: [String] = []
    /// How often the reconciler asks the processor about card payments whose orders are about to expire or expired
    /// lately, and about pending refunds (`PAYMENT_RECONCILE_INTERVAL`, seconds).
    public var reconcileSeconds = 30

    public init() {}
}

/// Files (uploaded logos now; exports later): a folder, or an S3-compatible bucket for several instances.
public struct StorageConfig: Sendable {
    /// A writable directory for uploads (`STORAGE_DIR`).
    public var directory: String?
    /// An S3-compatible bucket (`S3_BUCKET`); when set it is used instead of the folder.
    public var s3: S3Config?

    public init() {}
}

public struct S3Config: Sendable {
    /// `S3_ENDPOINT`, e.g. https://s3.eu-central-1.amazonaws.com or a MinIO server.
    public var endpoint: String
    public var bucket: String
    /// `S3_REGION` (default us-east-1).
    public var region: String
    /// `S3_ACCESS_KEY_ID` and `S3_SECRET_ACCESS_KEY`.
    public var accessKeyID: String
    public var secretAccessKey: String

    public init(endpoint: String, bucket: String, region: String, accessKeyID: String, secretAccessKey: String) {
        self.endpoint = endpoint
        self.bucket = bucket
        self.region = region
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
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
