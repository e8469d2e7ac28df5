import APIDocs
public import Accounts
import Admission
import Audit
import Catalog
import Crypto
public import Domain
public import FluentKit
import Foundation
public import HTTPCore
import Health
public import Hummingbird
import HummingbirdCore
public import Identity
public import Logging
public import Mail
import Messaging
import Orders
public import Outbox
import OutboxAdmin
public import PaymentGateway
public import Payments
public import Persistence
import RateLimiting
import Sales
public import ServiceLifecycle
public import Storage
public import Tickets
import WebPages

/// The composition root: builds the database, the router with every feature, and the application.
///
/// Commands and tests both start here, so what is tested is what is served.
public struct BoxOffice: Sendable {
    public static let version = "0.1.0"

    public let config: AppConfig
    public let clock: AppClock
    public let logger: Logger
    public let store: DatabaseStore
    public let migrations: [any Migration]
    public let tokens: AccessTokens
    public let hasher: PasswordHasher
    public let ticketKeys: TicketKeys
    /// The change feed, for workers and the features that follow changes live.
    public let eventBus: any EventBus
    /// The HTTP edge's connection counts and limits, shown by `/health`.
    public let http: HTTPStatistics
    /// Outgoing mail: the transport configuration chooses, or the one a test hands in.
    public let mailer: any Mailer
    /// The card processor: configured by `STRIPE_*`, or the one a test hands in.
    public let payments: any PaymentGateway
    /// Where files are kept (`STORAGE_DIR` or `S3_*`); nil when nowhere, and uploads are refused.
    public let blobs: (any BlobStore)?
    /// The one source of randomness every process of this installation draws from (see `Randomness`); the commands
    /// run the server and workers with it (`withRandomness`).
    public let random: any RandomSource
    /// Every feature's services, built once here and handed to the routes (and workers) that use them.
    let services: Services

    /// A class: built once and shared by every copy of `BoxOffice`, never copied itself.
    final class Services: Sendable {
        let health: HealthService
        let auth: AuthService
        let organizations: OrganizationService
        let logos: OrganizationLogos
        let partnerKeys: PartnerKeyService
        let catalog: CatalogServices
        let holds: HoldService
        let orders: OrdersServices
        let admission: AdmissionServices
        let auditLog: AuditLogReader
        let payments: PaymentsServices
        let outbox: OutboxAdministration
        let messaging: MessagingServices

        init(
            health: HealthService, auth: AuthService, organizations: OrganizationService, logos: OrganizationLogos,
            partnerKeys: PartnerKeyService, catalog: CatalogServices,
            holds: HoldService, payments: PaymentsServices, orders: OrdersServices, admission: AdmissionServices,
            auditLog: AuditLogReader, outbox: OutboxAdministration, messaging: MessagingServices
        ) {
            self.health = health
            self.auth = auth
            self.organizations = organizations
            self.logos = logos
            self.partnerKeys = partnerKeys
            self.catalog = catalog
            self.holds = holds
            self.payments = payments
            self.orders = orders
            self.admission = admission
            self.auditLog = auditLog
            self.outbox = outbox
            self.messaging = messaging
        }
    }

    /// The outside services BoxOffice talks to. Nil means "the live one the configuration names"; tests hand in
    /// doubles (or a live one pointed at a real peer).
    public struct Seams: Sendable {
        public var mailer: (any Mailer)?
        public var payments: (any PaymentGateway)?
        public var blobs: (any BlobStore)?
        public var eventBus: (any EventBus)?
        /// Where IDs, tokens, secrets and order numbers are drawn from: the system's generator unless a test hands in
        /// a seeded one (`SeededRandomSource`), which makes its pages and emails the same on every run.
        public var random: (any RandomSource)?

        public init(
            mailer: (any Mailer)? = nil, payments: (any PaymentGateway)? = nil, blobs: (any BlobStore)? = nil,
            eventBus: (any EventBus)? = nil, random: (any RandomSource)? = nil
        ) {
            self.mailer = mailer
            self.payments = payments
            self.blobs = blobs
            self.eventBus = eventBus
            self.random = random
        }
    }

    public init(
        config: AppConfig,
        clock: AppClock = .system,
        migrations: [any Migration] = SchemaMigrations.all,
        logger: Logger = Logger(label: "boxoffice"),
        seams: Seams = Seams()
    ) async throws {
        self.config = config
        self.clock = clock
        self.migrations = migrations
        var logger = logger
        logger.logLevel = config.logLevel
        self.logger = logger
        self.store = try DatabaseStore(settings: config.database, logger: logger)
        self.tokens = await AccessTokens(
            settings: AccessTokenSettings(
                secret: config.jwtSecret, keyID: config.auth.jwtKeyID, previousKeys: config.auth.jwtPreviousKeys,
                issuer: config.auth.jwtIssuer, audience: config.auth.jwtAudience,
                lifetime: .seconds(config.auth.accessTokenSeconds)))
        self.hasher = PasswordHasher(cost: UInt8(config.auth.bcryptCost), key: PasswordKey(store: store))
        self.ticketKeys = TicketKeys(configured: config.admission.ticketSecretKey, store: store)
        self.eventBus = seams.eventBus ?? DatabaseChangeFeed(store: store)
        self.random = seams.random ?? SystemRandomSource()
        self.mailer = try seams.mailer ?? Self.liveMailer(config.mail, clock: clock, logger: logger)
        self.payments = seams.payments ?? Self.liveGateway(config.payments, logger: logger)
        self.blobs = seams.blobs ?? Self.liveBlobStore(config.storage, jwtSecret: config.jwtSecret, clock: clock)
        let http = HTTPStatistics(
            connections: PeerConnections(
                perPeer: config.http.maxConnectionsPerPeer,
                sheddingThreshold: PeerConnections.sheddingThreshold(maxConnections: config.http.maxConnections),
                keying: AddressKeying(ipv6PrefixLength: config.auth.ipv6PrefixLength), logger: logger),
            maxConnections: config.http.maxConnections)
        self.http = http
        let store = self.store
        let paymentServices = PaymentsServices(
            store: store, gateway: self.payments, ticketKeys: ticketKeys, logger: logger)
        self.services = Services(
            health: HealthService(
                settings: .init(
                    version: Self.version, mailTransport: mailer.transport,
                    storageDirectory: config.storage.directory, storageBucket: config.storage.s3 != nil),
                store: store, migrations: MigrationRunner(store: store, migrations: migrations), http: http),
            auth: AuthService(
                store: store, hasher: hasher, tokens: tokens, limiter: RateLimiter(store: RateLimitStore(store: store)),
                settings: .init(
                    refreshLifetime: .seconds(config.auth.refreshTokenSeconds),
                    attemptLimit: RateLimitRule(
                        name: "auth", limit: config.auth.authAttempts, window: .seconds(config.auth.authWindowSeconds)))
            ),
            organizations: OrganizationService(store: store),
            logos: OrganizationLogos(store: store, blobs: blobs),
            partnerKeys: PartnerKeyService(store: store),
            catalog: CatalogServices(
                store: store,
                settings: .init(
                    defaultCurrency: config.catalog.defaultCurrency,
                    maximumSessionCapacity: config.catalog.maximumSessionCapacity)),
            holds: HoldService(
                store: store, lifetime: .seconds(config.sales.holdSeconds), limits: config.sales.placeLimits),
            payments: paymentServices,
            orders: OrdersServices(
                store: store,
                settings: SaleSettings(
                    paymentWindow: .seconds(config.sales.paymentWindowSeconds), placeLimits: config.sales.placeLimits,
                    guestConfirmWindow: .seconds(config.sales.guestConfirmSeconds),
                    cardPaymentWindow: .seconds(config.sales.cardPaymentWindowSeconds)),
                ticketKeys: ticketKeys, payments: paymentServices.forOrders, logger: logger),
            admission: AdmissionServices(store: store, ticketKeys: ticketKeys),
            auditLog: AuditLogReader(store: store), outbox: OutboxAdministration(store: store, clock: clock),
            messaging: MessagingServices(
                store: store, composer: Self.composer(config, store: store),
                reminderOffsets: config.mail.reminderOffsetsMinutes,
                limiter: RateLimiter(store: RateLimitStore(store: store)),
                attemptLimit: RateLimitRule(
                    name: "newsletter", limit: config.auth.authAttempts,
                    window: .seconds(config.auth.authWindowSeconds))))
    }

    var clientAddress: ClientAddress {
        ClientAddress(
            trustedProxies: config.auth.trustedProxies.compactMap(IPNetwork.init),
            keying: AddressKeying(ipv6PrefixLength: config.auth.ipv6PrefixLength))
    }

    var rateLimiter: RateLimiter { RateLimiter(store: RateLimitStore(store: store)) }

    public var adminBootstrap: AdminBootstrap { AdminBootstrap(store: store, hasher: hasher) }

    public var migrationRunner: MigrationRunner {
        MigrationRunner(store: store, migrations: migrations)
    }

    /// The API document (openapi.yaml), as served at /openapi.json.
    public static var documentation: JSONValue { APIContract.shared.document }

    /// The router with all middleware and all features' routes.
    ///
    /// - Parameter extraRoutes: lets tests mount probe routes behind the same middleware.
    public func router(extraRoutes: (Router<AppRequestContext>) -> Void = { _ in }) -> Router<AppRequestContext> {
        let router = Router(context: AppRequestContext.self)
        let catalog = RouteCatalog()
        // Outermost first: the request ID must exist before anything logs, and errors are rendered
        // innermost so that every outer middleware sees an ordinary response.
        router.add(middleware: RandomnessMiddleware(source: random))
        router.add(middleware: RequestIDMiddleware())
        router.add(middleware: AccessLogMiddleware())
        router.add(middleware: AllowedOriginsCORSMiddleware(origins: config.http.corsAllowedOrigins))
        router.add(middleware: SecurityHeadersMiddleware(hsts: config.http.hstsEnabled))
        router.add(
            middleware: ErrorMiddleware(
                clock: clock, catalog: catalog, translate: DatabaseErrors.translate, statistics: http))
        router.add(middleware: RequestLimitsMiddleware(maxBodyBytes: config.http.maxBodyBytes))
        router.add(
            middleware: AddressRateLimitMiddleware.api(
                limiter: rateLimiter,
                rule: RateLimitRule(
                    name: "api", limit: config.auth.apiRequests, window: .seconds(config.auth.apiWindowSeconds)),
                clientAddress: clientAddress, clock: clock))
        router.add(
            middleware: AddressRateLimitMiddleware.webhooks(
                limiter: rateLimiter, rule: .webhooks, clientAddress: clientAddress, clock: clock))

        // One edge per kind of caller: each surface authenticates the tokens it takes (people's, kiosks', or both at
        // the door), and its routes' child contexts say who is calling, so no handler checks it again.
        func authentication(_ accepts: AuthenticationMiddleware.Accepts) -> AuthenticationMiddleware {
            AuthenticationMiddleware(tokens: tokens, clock: clock, store: store, accepts: accepts)
        }
        let operations = router.group().add(middleware: authentication(.people))
        let people = router.group().add(middleware: authentication(.people))
        let door = router.group().add(middleware: authentication(.peopleAndKiosks))
        let kiosks = router.group().add(middleware: authentication(.kiosks))
        let partners = router.group().add(middleware: authentication(.partners))

        HealthRoutes(service: services.health).register(on: operations)
        APIDocsRoutes(document: Self.documentation).register(on: operations)
        AccountsRoutes(auth: services.auth, clientAddress: clientAddress, clock: clock).register(on: people)
        OrganizationsRoutes(
            service: services.organizations, logos: services.logos, partnerKeys: services.partnerKeys,
            clientAddress: clientAddress, clock: clock
        ).register(on: people)
        // A folder store's signed links are served here; a bucket's go to the bucket.
        SignedFileRoutes(store: blobs as? FileBlobStore, clock: clock).register(on: operations)
        AuditRoutes(reader: services.auditLog).register(on: people)
        CatalogRoutes(services: services.catalog, clientAddress: clientAddress, clock: clock).register(on: people)
        SalesRoutes(holds: services.holds, clientAddress: clientAddress, clock: clock).register(on: people)
        OrdersRoutes(services: services.orders, clientAddress: clientAddress, clock: clock).register(on: people)
        PaymentsRoutes(services: services.payments, orders: services.orders, clientAddress: clientAddress, clock: clock)
            .register(on: people)
        AdmissionRoutes(services: services.admission, clientAddress: clientAddress, clock: clock)
            .register(people: people, door: door, kiosks: kiosks)
        OutboxAdminRoutes(service: services.outbox, clientAddress: clientAddress).register(on: people)
        MessagingRoutes(services: services.messaging, clientAddress: clientAddress, clock: clock).register(on: people)
        // Embeds are public and framed only by the sites their organization allows.
        let embeds = router.group().add(middleware: EmbedFramingMiddleware(services: services.catalog))
        EmbedRoutes(services: services.catalog, clock: clock).register(on: embeds)
        PartnerCatalogRoutes(services: services.catalog, clock: clock).register(on: partners)
        // Web pages: a person in a browser, signed in by a session cookie; forms carry a CSRF token; errors are HTML.
        // Cookies are Secure (and `__Host-`) in production and whenever HSTS says the site is served over HTTPS.
        let cookies = WebCookies(secure: config.mode == .production || config.http.hstsEnabled)
        let pages = router.group().add(
            middleware: WebPageMiddleware(
                store: store, clock: clock, cookies: cookies, translate: DatabaseErrors.translate))
        AccountPages(
            auth: services.auth, orders: services.orders, clientAddress: clientAddress, clock: clock, cookies: cookies,
            sessionSeconds: config.auth.refreshTokenSeconds
        ).register(on: pages)
        GuestConfirmationPages(guests: services.orders.guests, clock: clock).register(on: pages)
        PasswordResetPages(auth: services.auth, clientAddress: clientAddress, clock: clock).register(on: pages)
        EmailVerificationPages(auth: services.auth, clientAddress: clientAddress, clock: clock).register(on: pages)
        NewsletterPages(
            newsletter: services.messaging.newsletter, clientAddress: clientAddress, clock: clock
        ).register(on: pages)
        NotMePages(store: store, clock: clock).register(on: pages)
        // Webhooks prove who sent them by a signature over the raw body, checked by the handler; no token is read.
        let webhooks = router.group(context: WebhookRequestContext.self)
        PaymentWebhookRoutes(webhooks: services.payments.webhooks, clock: clock).register(on: webhooks)
        extraRoutes(router)

        catalog.record(router.routes)
        return router
    }

    /// Runs the server and its workers until SIGTERM or SIGINT, then closes the database once all have stopped.
    public func serve() async throws {
        do {
            try await withRandomness { try await application().runService() }
        } catch {
            await store.shutdown()
            throw error
        }
        await store.shutdown()
    }

    /// Runs `body` (the server, the workers, a test) drawing every ID, token and order number from this installation's
    /// source of randomness; tasks started within inherit it.
    public func withRandomness<T: Sendable>(_ body: () async throws -> T) async rethrows -> T {
        try await Randomness.$source.withValue(random) { try await body() }
    }

    /// Every message is composed by one composer: the sender (`MAIL_FROM`), where the installation's pages are reached
    /// (`PUBLIC_URL`, for the links in mail), the installation's language (`MAIL_LANGUAGE`). Messaging's own mail uses
    /// it as it is; the features' mail (orders, payments, accounts) is handed it as their `MailComposing`.
    private var composer: MailComposer { Self.composer(config, store: store) }

    private static func composer(_ config: AppConfig, store: DatabaseStore) -> MailComposer {
        MailComposer(
            store: store, sender: MailSender.parse(config.mail.from) ?? MailAddress("tickets@boxoffice.localhost"),
            publicURL: config.http.publicURL ?? "http://\(config.host):\(config.port)",
            language: MailLanguage(rawValue: config.mail.language) ?? .en, linksPerHour: config.mail.linksPerHour)
    }

    /// Each valid ticket of an order as its QR code's PNG, from the door's module, for the mails that carry tickets.
    private var ticketImages: OrderConfirmationMail.TicketImages {
        { [admission = services.admission] order, now in try await admission.ticketImages(ofOrder: order, now: now) }
    }

    /// The outbox handlers of this installation, one worker each: the topics whose delivery is the change feed. Mail,
    /// payments and webhooks add theirs as they land; a topic without a handler stays pending (and visible in
    /// `GET /api/admin/outbox`) until one is configured.
    var outboxHandlers: [any OutboxHandler] {
        // One composer for all (it parses the catalog once).
        let composer = composer
        return [
            ChangeFeedTopics(),
            OrderConfirmationMail(store: store, mailer: mailer, composer: composer, ticketImages: ticketImages),
            OrderNoticeMail(store: store, mailer: mailer, composer: composer, ticketImages: ticketImages),
            TicketReissuedMail(store: store, mailer: mailer, composer: composer, ticketImages: ticketImages),
            PaymentNoticeMail(store: store, mailer: mailer, composer: composer),
            RefundRequests(store: store, gateway: payments, clock: clock),
            SessionReminderMail(store: store, mailer: mailer, composer: composer, ticketImages: ticketImages),
            PasswordResetMail(store: store, mailer: mailer, composer: composer, clock: clock),
            RegistrationMailHandler(store: store, mailer: mailer, composer: composer, clock: clock),
            NewsletterConfirmationMail(store: store, mailer: mailer, composer: composer, clock: clock),
            EventChangeMail(store: store, clock: clock),
            BroadcastFanOut(store: store, clock: clock),
            BroadcastMail(store: store, mailer: mailer, composer: composer),
            EventCancellationCascade(store: store, clock: clock),
        ]
    }

    /// What every process of an installation runs, web or worker: on PostgreSQL the change-feed listener, so that
    /// this process's subscribers and workers hear every instance's commits (SQLite publishes in-process).
    public func platformServices() -> [any Service] {
        guard case .postgres(let url) = config.database.location else { return [] }
        return [ChangeFeedListener(url: url, store: store, logger: logger)]
    }

    /// Asks the processor about card payments and refunds that webhooks may not have settled (a worker; tests run a
    /// round of it directly).
    public var paymentReconciler: PaymentReconciler {
        PaymentReconciler(
            payments: services.payments.cardPayments, store: store, clock: clock,
            interval: .seconds(config.payments.reconcileSeconds), logger: logger)
    }

    /// The background workers: sweepers and the outbox workers. `serve` runs them beside the server unless
    /// `WORKERS=false`; `boxoffice work` runs them alone (with the platform's services).
    public func workers() -> [any Service] {
        let longestWindow = max(
            config.auth.authWindowSeconds, config.auth.apiWindowSeconds,
            Int(RateLimitRule.webhooks.window.components.seconds))
        var services: [any Service] = [
            RateLimitSweeper(
                store: RateLimitStore(store: store), clock: clock, retention: .seconds(longestWindow), logger: logger),
            HoldSweeper(store: store, clock: clock, interval: .seconds(config.sales.holdSweepSeconds), logger: logger),
            paymentReconciler,
            SessionReminders(
                store: store, clock: clock, offsetsMinutes: config.mail.reminderOffsetsMinutes, logger: logger),
        ]
        for handler in outboxHandlers {
            services.append(
                OutboxWorker(
                    store: store, bus: eventBus, handler: handler, clock: clock,
                    settings: .init(pollInterval: .seconds(config.workers.outboxPollSeconds)), logger: logger))
        }
        return services
    }

    /// The HTTP server and the services it depends on, ready to run. The database is not among the services:
    /// whoever runs the application closes it afterwards (see `DatabaseStore`).
    public func application(extraRoutes: (Router<AppRequestContext>) -> Void = { _ in }) -> some ApplicationProtocol {
        // Slow and silent connections are closed after the idle timeout, one peer cannot hold every socket, and near the
        // cap the longest-idle connections make room for new ones.
        let peers = http.connections
        let gate = StartGate()
        let bodyTimeout = config.http.bodyTimeoutSeconds
        let clock = self.clock
        var app = Application(
            router: router(extraRoutes: extraRoutes),
            server: .http1(
                configuration: .init(
                    additionalChannelHandlers: [
                        PeerConnectionLimitHandler(connections: peers),
                        HTTPEdgeHandler(bodyTimeout: .seconds(Int64(bodyTimeout)), clock: clock),
                    ],
                    idleTimeout: .seconds(Int64(config.http.idleTimeoutSeconds)))),
            configuration: .init(
                address: .hostname(config.host, port: config.port), serverName: "BoxOffice",
                availableConnectionsDelegate: LoggedConnectionCap(config.http.maxConnections, logger: logger)),
            // The workers and the change-feed listener start once the database is ready (below): on a fresh database
            // they would otherwise read tables the migrations have not made yet.
            services: (platformServices() + (config.workers.runWorkers ? workers() : [])).map {
                AfterStartGate(gate: gate, service: $0)
            },
            logger: logger
        )
        let store = self.store
        let runner = migrationRunner
        let autoMigrate = config.autoMigrate
        let logger = self.logger
        let bootstrap = adminBootstrap
        let auth = config.auth
        app.beforeServerStarts {
            try await store.prepareStorage()
            if autoMigrate { try await Self.migrate(runner, logger: logger) }
            if let email = auth.defaultAdminEmail, let password = auth.defaultAdminPassword {
                let outcome = try await bootstrap.ensureFirstAdmin(email: email, password: password, now: clock.now())
                if outcome != .adminExists { logger.notice("first admin ready", metadata: ["email": "\(email)"]) }
            }
            gate.open()
        }
        return app
    }

    /// Applies the pending migrations: one line at info says how many, their names are at debug.
    static func migrate(_ runner: MigrationRunner, logger: Logger) async throws {
        let applied = try await runner.migrate()
        guard !applied.isEmpty else { return }
        logger.info("applied \(applied.count) migration\(applied.count == 1 ? "" : "s")")
        logger.debug("migrations applied", metadata: ["names": "\(applied.joined(separator: ", "))"])
    }

    /// Where this process serves, stores, mails and takes payments, in a few lines at info, so that a start says what
    /// it runs on (never a password or a key).
    func logSetting(listening: String?) {
        if let listening { logger.info("listening on \(listening)") }
        switch config.database.location {
        case .sqlite(let path):
            logger.info("database: SQLite file \(path)")
        case .postgres(let url):
            logger.info("database: PostgreSQL \(Self.withoutSecrets(url))")
        }
        if let smtp = config.mail.smtpURL {
            logger.info("mail: SMTP server \(Self.withoutSecrets(smtp))")
        } else {
            logger.info("mail: written as .eml files into \(config.mail.directory) (MAIL_DIR; set SMTP_URL to send)")
        }
        if config.payments.stripeSecretKey != nil {
            logger.info("payments: Stripe at \(config.payments.stripeAPIBase)")
        } else {
            logger.info("payments: no processor configured (STRIPE_SECRET_KEY unset): no card payments")
        }
    }

    /// A URL's scheme, host, port and path, without its user, password or query.
    static func withoutSecrets(_ url: String) -> String {
        guard var parts = URLComponents(string: url), parts.host != nil else { return "(unreadable URL)" }
        parts.user = nil
        parts.password = nil
        parts.query = nil
        return parts.string ?? "(unreadable URL)"
    }
}

extension BoxOffice {
    /// The mail transport the configuration names: SMTP when `SMTP_URL` is set (checked when the configuration was
    /// read), else `.eml` files in `MAIL_DIR`. An SMTP transport that cannot be set up (an unreadable `SMTP_CA_FILE`)
    /// stops the start: mail meant for a server must not quietly land on disk. Each transport logs at info where each
    /// message went.
    public static func liveMailer(_ settings: MailConfig, clock: AppClock, logger: Logger) throws -> any Mailer {
        if let url = settings.smtpURL {
            var smtp = try SMTPSettings.parse(url)
            smtp.trustedCertificatesFile = settings.smtpTrustedCertificates
            return try SMTPMailer(settings: smtp, clock: clock, logger: logger)
        }
        return FileMailer(directory: URL(fileURLWithPath: settings.directory), clock: clock, logger: logger)
    }

    /// An S3-compatible bucket when `S3_BUCKET` is set, else the folder `STORAGE_DIR`, else none. The folder's links are
    /// signed with a key derived from `JWT_SECRET`, which every instance shares.
    static func liveBlobStore(_ settings: StorageConfig, jwtSecret: String, clock: AppClock) -> (any BlobStore)? {
        if let s3 = settings.s3, let endpoint = URL(string: s3.endpoint) {
            return S3BlobStore(
                settings: .init(
                    endpoint: endpoint, bucket: s3.bucket, region: s3.region, accessKeyID: s3.accessKeyID,
                    secretAccessKey: s3.secretAccessKey),
                now: { clock.now() })
        }
        guard let directory = settings.directory else { return nil }
        let key = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: Array(jwtSecret.utf8)), info: Array("boxoffice files".utf8),
            outputByteCount: 32)
        return FileBlobStore(
            directory: URL(fileURLWithPath: directory), signingKey: key.withUnsafeBytes { Array($0) })
    }

    /// Stripe (or a server speaking its API) when a secret key is configured; otherwise no card processor.
    static func liveGateway(_ settings: PaymentsConfig, logger: Logger) -> any PaymentGateway {
        guard let key = settings.stripeSecretKey, let base = URL(string: settings.stripeAPIBase) else {
            return UnconfiguredGateway()
        }
        return StripeGateway(
            settings: .init(apiBase: base, secretKey: key, webhookSecrets: settings.stripeWebhookSecrets),
            logger: logger)
    }
}
