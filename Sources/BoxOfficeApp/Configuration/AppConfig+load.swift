import Domain
import Foundation
import HTTPCore
import Logging
import Mail
import Persistence

extension AppConfig {
    /// Reads and validates every setting; throws one `ConfigurationError` naming each problem.
    ///
    /// - Parameter environment: the process environment merged over the `.env` file (see `EnvironmentFile`).
    public static func load(from environment: [String: String]) throws(ConfigurationError) -> AppConfig {
        var reader = SettingsReader(environment)

        let mode = reader.choice("APP_ENV", default: Mode.development)
        let host = reader.string("HOST") ?? "127.0.0.1"
        let port = reader.integer("PORT", default: 8080, in: 1...65535)
        let pool = reader.integer("DATABASE_POOL_SIZE", default: 2, in: 1...100)
        let poolTimeout = reader.integer("DATABASE_POOL_TIMEOUT", default: 10, in: 1...300)
        let location = reader.databaseLocation()
        let autoMigrate = reader.boolean("AUTO_MIGRATE", default: location?.kind == .sqlite)
        let logLevel = reader.choice("LOG_LEVEL", default: Logger.Level.info)
        let sqlLogLevel = reader.choice("SQL_LOG_LEVEL", default: Logger.Level.debug)
        let maxBody = reader.integer("MAX_BODY_SIZE", default: 1 << 20, in: 1024...(64 << 20))
        let origins = reader.list("CORS_ALLOWED_ORIGINS").filter { origin in
            reader.require(
                origin == "*" || Self.isOrigin(origin), "CORS_ALLOWED_ORIGINS",
                "'\(origin)' is not an origin such as https://tickets.example.org")
        }
        let hsts = reader.boolean("HSTS_ENABLED", default: false)
        let smtp = reader.string("SMTP_URL")
        if let smtp {
            do {
                _ = try SMTPSettings.parse(smtp)
            } catch {
                reader.problem("SMTP_URL", "\(error)")
            }
        }
        let smtpCA = reader.string("SMTP_CA_FILE")
        if let smtpCA {
            reader.require(
                FileManager.default.isReadableFile(atPath: smtpCA), "SMTP_CA_FILE", "must be a readable PEM file")
        }
        let storage = reader.string("STORAGE_DIR")
        var s3: S3Config?
        if let bucket = reader.string("S3_BUCKET") {
            let endpoint = reader.string("S3_ENDPOINT") ?? ""
            let key = reader.string("S3_ACCESS_KEY_ID") ?? ""
            let secret = reader.string("S3_SECRET_ACCESS_KEY") ?? ""
            reader.require(
                ["http", "https"].contains(URL(string: endpoint)?.scheme ?? "") && URL(string: endpoint)?.host != nil,
                "S3_ENDPOINT",
                "is required with S3_BUCKET (an http(s) URL such as https://s3.eu-central-1.amazonaws.com)")
            reader.require(
                !key.isEmpty && !secret.isEmpty, "S3_ACCESS_KEY_ID",
                "and S3_SECRET_ACCESS_KEY are required with S3_BUCKET")
            s3 = S3Config(
                endpoint: endpoint, bucket: bucket, region: reader.string("S3_REGION") ?? "us-east-1", accessKeyID: key,
                secretAccessKey: secret)
        }
        let mailFrom = reader.string("MAIL_FROM")
        if let mailFrom {
            reader.require(
                MailSender.parse(mailFrom) != nil, "MAIL_FROM", "must be an address or `Name <address>`")
        }
        let mailDirectory = reader.string("MAIL_DIR")
        let mailLanguage = reader.string("MAIL_LANGUAGE")
        if let mailLanguage {
            reader.require(
                MailLanguage(rawValue: mailLanguage) != nil, "MAIL_LANGUAGE",
                "must be one of \(MailLanguage.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var reminderOffsets: [Int]?
        if reader.string("REMINDER_OFFSETS") != nil {
            let raw = reader.list("REMINDER_OFFSETS")
            let minutes = raw.compactMap { Int($0) }.filter { (1...(60 * 24 * 30)).contains($0) }
            reader.require(
                minutes.count == raw.count, "REMINDER_OFFSETS",
                "must be minutes before a session (1 to 43200), comma-separated, e.g. 1440,120")
            reminderOffsets = minutes
        }
        let stripeBase = reader.string("STRIPE_API_BASE")
        if let stripeBase {
            reader.require(
                ["http", "https"].contains(URL(string: stripeBase)?.scheme ?? "")
                    && URL(string: stripeBase)?.host != nil,
                "STRIPE_API_BASE", "must be an http(s) URL such as https://api.stripe.com")
        }
        let stripeKey = reader.string("STRIPE_SECRET_KEY")
        let webhookSecrets = reader.list("STRIPE_WEBHOOK_SECRETS")
        if stripeKey != nil, webhookSecrets.isEmpty {
            reader.problem(
                "STRIPE_WEBHOOK_SECRETS", "is required with STRIPE_SECRET_KEY (the endpoint's whsec_… secret)")
        }

        var secret = reader.string("JWT_SECRET")
        var ephemeral = false
        if let given = secret, given.utf8.count < 32, mode == .production {
            reader.problem("JWT_SECRET", "must be at least 32 bytes in production (it has \(given.utf8.count))")
        } else if secret == nil, mode == .production {
            reader.problem("JWT_SECRET", "is required in production (at least 32 random bytes)")
        } else if secret == nil {
            secret = Self.randomSecret()
            ephemeral = true
        }

        let ticketKeyText = reader.string("TICKET_SECRET_KEY")
        let ticketKey = ticketKeyText.flatMap { Data(base64Encoded: $0) }
        if ticketKeyText != nil, ticketKey?.count != 32 {
            reader.problem(
                "TICKET_SECRET_KEY", "must be 32 random bytes in base64 (for example `openssl rand -base64 32`)")
        } else if ticketKeyText == nil, mode == .production {
            reader.problem(
                "TICKET_SECRET_KEY", "is required in production (32 random bytes in base64: `openssl rand -base64 32`)")
        }

        let auth = reader.authConfig(mode: mode)
        let currency = reader.string("DEFAULT_CURRENCY") ?? "EUR"
        reader.require(
            Currency(currency) != nil, "DEFAULT_CURRENCY", "'\(currency)' is not an ISO 4217 code such as EUR")
        let sessionCapacity = reader.integer("SESSION_CAPACITY_MAX", default: 500, in: 1...1_000_000)
        let holdSeconds = reader.integer("HOLD_TTL", default: 600, in: 30...86_400)
        let paymentWindow = reader.integer("PAYMENT_WINDOW", default: 72 * 3600, in: 300...(30 * 86_400))
        let holdSweep = reader.integer("HOLD_SWEEP_INTERVAL", default: 30, in: 1...3600)
        let buyerPlaces = reader.integer("BUYER_PLACES_LIMIT", default: 10, in: 0...100_000)
        let addressPlaces = reader.integer("ADDRESS_PLACES_LIMIT", default: 50, in: 0...1_000_000)
        let addressShare = reader.integer("ADDRESS_PLACES_SHARE", default: 20, in: 0...100)
        let guestConfirm = reader.integer("GUEST_CONFIRM_WINDOW", default: 1800, in: 0...(7 * 86_400))
        let linksPerHour = reader.integer("MAIL_LINKS_PER_HOUR", default: 5, in: 1...1000)
        let cardWindow = reader.integer("CARD_PAYMENT_WINDOW", default: 900, in: 60...86_400)
        let reconcile = reader.integer("PAYMENT_RECONCILE_INTERVAL", default: 30, in: 1...3600)
        let workers = reader.boolean("WORKERS", default: true)
        let outboxPoll = reader.integer("OUTBOX_POLL_INTERVAL", default: 30, in: 1...3600)
        let idleTimeout = reader.integer("HTTP_IDLE_TIMEOUT", default: 30, in: 1...3600)
        let bodyTimeout = reader.integer("HTTP_BODY_TIMEOUT", default: 60, in: 1...3600)
        let maxConnections = reader.integer("MAX_CONNECTIONS", default: 10_000, in: 1...1_000_000)
        let perPeer = reader.integer("MAX_CONNECTIONS_PER_PEER", default: 256, in: 0...1_000_000)
        let publicURL = reader.string("PUBLIC_URL")
        if let publicURL {
            reader.require(
                ["http", "https"].contains(URL(string: publicURL)?.scheme ?? "") && URL(string: publicURL)?.host != nil,
                "PUBLIC_URL", "must be an http(s) URL such as https://tickets.example.org")
        }

        if !reader.problems.isEmpty { throw ConfigurationError(problems: reader.problems) }
        var http = HTTPConfig()
        http.maxBodyBytes = maxBody
        http.corsAllowedOrigins = origins
        http.hstsEnabled = hsts
        http.idleTimeoutSeconds = idleTimeout
        http.bodyTimeoutSeconds = bodyTimeout
        http.maxConnections = maxConnections
        http.maxConnectionsPerPeer = perPeer
        http.publicURL = publicURL
        var catalog = CatalogConfig()
        catalog.defaultCurrency = currency.uppercased()
        catalog.maximumSessionCapacity = sessionCapacity
        var sales = SalesConfig()
        sales.holdSeconds = holdSeconds
        sales.paymentWindowSeconds = paymentWindow
        sales.holdSweepSeconds = holdSweep
        sales.buyerPlacesLimit = buyerPlaces
        sales.addressPlacesLimit = addressPlaces
        sales.addressPlacesShare = addressShare
        sales.guestConfirmSeconds = guestConfirm
        sales.cardPaymentWindowSeconds = cardWindow
        var admission = AdmissionConfig()
        admission.ticketSecretKey = ticketKey
        var workerSettings = WorkersConfig()
        workerSettings.runWorkers = workers
        workerSettings.outboxPollSeconds = outboxPoll
        var mail = MailConfig()
        mail.smtpURL = smtp
        mail.smtpTrustedCertificates = smtpCA
        if let mailFrom { mail.from = mailFrom }
        if let mailDirectory { mail.directory = mailDirectory }
        if let mailLanguage { mail.language = mailLanguage }
        mail.linksPerHour = linksPerHour
        if let reminderOffsets { mail.reminderOffsetsMinutes = reminderOffsets }
        var payments = PaymentsConfig()
        if let stripeBase { payments.stripeAPIBase = stripeBase }
        payments.stripeSecretKey = stripeKey
        payments.stripeWebhookSecrets = webhookSecrets
        payments.reconcileSeconds = reconcile
        var files = StorageConfig()
        files.directory = storage
        files.s3 = s3
        return AppConfig(
            mode: mode,
            host: host,
            port: port,
            database: DatabaseSettings(
                location: location!, connectionsPerEventLoop: pool, sqlLogLevel: sqlLogLevel,
                poolTimeoutSeconds: poolTimeout),
            autoMigrate: autoMigrate,
            jwtSecret: secret ?? "",
            jwtSecretIsEphemeral: ephemeral,
            logLevel: logLevel,
            auth: auth,
            http: http,
            catalog: catalog,
            sales: sales,
            admission: admission,
            workers: workerSettings,
            mail: mail,
            payments: payments,
            storage: files
        )
    }

    static func isOrigin(_ value: String) -> Bool {
        guard let url = URL(string: value), let scheme = url.scheme, ["http", "https"].contains(scheme),
            url.host != nil
        else { return false }
        return url.path.isEmpty && url.query == nil
    }

    static func randomSecret() -> String {
        Data(Randomness.bytes(32)).base64EncodedString()
    }
}

extension SettingsReader {
    mutating func authConfig(mode: AppConfig.Mode) -> AuthConfig {
        var auth = AuthConfig()
        auth.jwtKeyID = string("JWT_KEY_ID") ?? auth.jwtKeyID
        for entry in list("JWT_PREVIOUS_KEYS") {
            let parts = entry.split(separator: ":", maxSplits: 1).map(String.init)
            if require(
                parts.count == 2 && !parts[0].isEmpty && parts[1].utf8.count >= 32, "JWT_PREVIOUS_KEYS",
                "each entry must be keyID:secret with a secret of at least 32 bytes")
            {
                auth.jwtPreviousKeys[parts[0]] = parts[1]
            }
        }
        auth.jwtIssuer = string("JWT_ISSUER") ?? auth.jwtIssuer
        auth.jwtAudience = string("JWT_AUDIENCE") ?? auth.jwtAudience
        auth.accessTokenSeconds = integer("ACCESS_TOKEN_TTL", default: auth.accessTokenSeconds, in: 60...86_400)
        auth.refreshTokenSeconds = integer(
            "REFRESH_TOKEN_TTL", default: auth.refreshTokenSeconds, in: 3_600...7_776_000)
        // Below 10 bcrypt is too cheap to slow a password guesser; only the test suite may go lower.
        auth.bcryptCost = integer("BCRYPT_COST", default: auth.bcryptCost, in: (mode == .test ? 4 : 10)...15)
        auth.authAttempts = integer("AUTH_RATE_LIMIT_ATTEMPTS", default: auth.authAttempts, in: 1...10_000)
        auth.authWindowSeconds = integer("AUTH_RATE_LIMIT_WINDOW", default: auth.authWindowSeconds, in: 1...86_400)
        auth.apiRequests = integer("API_RATE_LIMIT_REQUESTS", default: auth.apiRequests, in: 0...1_000_000)
        auth.apiWindowSeconds = integer("API_RATE_LIMIT_WINDOW", default: auth.apiWindowSeconds, in: 1...86_400)
        auth.trustedProxies = list("TRUSTED_PROXIES").filter { entry in
            require(IPNetwork(entry) != nil, "TRUSTED_PROXIES", "'\(entry)' is not an IP address or CIDR network")
        }
        auth.ipv6PrefixLength = integer(
            "IPV6_PREFIX_LENGTH", default: auth.ipv6PrefixLength, in: AddressKeying.prefixLengths)
        auth.defaultAdminEmail = string("DEFAULT_ADMIN_EMAIL")
        auth.defaultAdminPassword = string("DEFAULT_ADMIN_PASSWORD")
        if (auth.defaultAdminEmail == nil) != (auth.defaultAdminPassword == nil) {
            problem("DEFAULT_ADMIN_EMAIL", "and DEFAULT_ADMIN_PASSWORD must be set together")
        }
        if let email = auth.defaultAdminEmail {
            require(EmailAddress(email) != nil, "DEFAULT_ADMIN_EMAIL", "is not a valid email address")
        }
        if let password = auth.defaultAdminPassword, let issue = PasswordRules.problem(with: password) {
            problem("DEFAULT_ADMIN_PASSWORD", issue)
        }
        return auth
    }
}

/// Reads typed values, collecting every problem instead of stopping at the first.
struct SettingsReader {
    let environment: [String: String]
    private(set) var problems: [String] = []

    init(_ environment: [String: String]) {
        self.environment = environment
    }

    mutating func problem(_ key: String, _ text: String) {
        problems.append("\(key): \(text)")
    }

    /// Records a problem unless `condition` holds; returns `condition` so it can filter.
    @discardableResult
    mutating func require(_ condition: Bool, _ key: String, _ text: @autoclosure () -> String) -> Bool {
        if !condition { problem(key, text()) }
        return condition
    }

    /// The trimmed value, or nil when unset or blank.
    func string(_ key: String) -> String? {
        guard let value = environment[key]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    func list(_ key: String) -> [String] {
        (string(key) ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    mutating func integer(_ key: String, default fallback: Int, in range: ClosedRange<Int>) -> Int {
        guard let raw = string(key) else { return fallback }
        guard let value = Int(raw), range.contains(value) else {
            problem(key, "'\(raw)' is not a whole number from \(range.lowerBound) to \(range.upperBound)")
            return fallback
        }
        return value
    }

    mutating func boolean(_ key: String, default fallback: Bool) -> Bool {
        guard let raw = string(key)?.lowercased() else { return fallback }
        switch raw {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default:
            problem(key, "'\(raw)' is not true or false")
            return fallback
        }
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(_ key: String, default fallback: T) -> T
    where T.RawValue == String {
        guard let raw = string(key)?.lowercased() else { return fallback }
        guard let value = T(rawValue: raw) else {
            problem(key, "'\(raw)' is not one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
            return fallback
        }
        return value
    }

    /// `DATABASE_URL` selects PostgreSQL; without it BoxOffice uses the SQLite file at `SQLITE_PATH`.
    mutating func databaseLocation() -> DatabaseLocation? {
        guard let raw = string("DATABASE_URL") else {
            return .sqlite(path: string("SQLITE_PATH") ?? "./boxoffice.sqlite")
        }
        guard let url = URL(string: raw), let scheme = url.scheme, ["postgres", "postgresql"].contains(scheme),
            let host = url.host, !host.isEmpty
        else {
            problem("DATABASE_URL", "must look like postgres://user:password@host:5432/database")
            return nil
        }
        guard url.path.count > 1 else {
            problem("DATABASE_URL", "names no database (the path after the host, such as /boxoffice)")
            return nil
        }
        return .postgres(url: raw)
    }
}
