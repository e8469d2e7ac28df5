public import Domain
public import FluentKit
import APIDocs
import Health
public import HTTPCore
public import Hummingbird
public import Logging
public import Persistence

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

    public init(
        config: AppConfig,
        clock: AppClock = .system,
        migrations: [any Migration] = SchemaMigrations.all,
        logger: Logger = Logger(label: "boxoffice")
    ) throws {
        self.config = config
        self.clock = clock
        self.migrations = migrations
        var logger = logger
        logger.logLevel = config.logLevel
        self.logger = logger
        self.store = try DatabaseStore(settings: config.database, logger: logger)
    }

    public var migrationRunner: MigrationRunner {
        MigrationRunner(store: store, migrations: migrations)
    }

    /// Every feature's share of the API document, merged.
    public static var documentation: JSONValue {
        OpenAPIDocument.assemble(
            version: version,
            parts: [HealthRoutes.documentation, APIDocsRoutes.documentation]
        )
    }

    /// The router with all middleware and all features' routes.
    ///
    /// - Parameter extraRoutes: lets tests mount probe routes behind the same middleware.
    public func router(extraRoutes: (Router<AppRequestContext>) -> Void = { _ in }) -> Router<AppRequestContext> {
        let router = Router(context: AppRequestContext.self)
        let catalog = RouteCatalog()
        // Outermost first: the request ID must exist before anything logs, and errors are rendered
        // innermost so that every outer middleware sees an ordinary response.
        router.add(middleware: RequestIDMiddleware())
        router.add(middleware: AccessLogMiddleware())
        router.add(middleware: AllowedOriginsCORSMiddleware(origins: config.corsAllowedOrigins))
        router.add(middleware: SecurityHeadersMiddleware(hsts: config.hstsEnabled))
        router.add(middleware: ErrorMiddleware(clock: clock, catalog: catalog))
        router.add(middleware: RequestLimitsMiddleware(maxBodyBytes: config.maxBodyBytes))

        let health = HealthService(
            settings: .init(
                version: Self.version,
                emailConfigured: config.smtpURL != nil,
                storageDirectory: config.storageDirectory
            ),
            store: store,
            migrations: migrationRunner
        )
        HealthRoutes(service: health).register(on: router)
        APIDocsRoutes(document: Self.documentation).register(on: router)
        extraRoutes(router)

        catalog.record(router.routes)
        return router
    }

    /// The HTTP server and the services it depends on, ready to run.
    public func application(extraRoutes: (Router<AppRequestContext>) -> Void = { _ in }) -> some ApplicationProtocol {
        var app = Application(
            router: router(extraRoutes: extraRoutes),
            configuration: .init(address: .hostname(config.host, port: config.port), serverName: "BoxOffice"),
            // The database is listed first so it is shut down last, after the server has drained.
            services: [store],
            logger: logger
        )
        let store = self.store
        let runner = migrationRunner
        let autoMigrate = config.autoMigrate
        let logger = self.logger
        app.beforeServerStarts {
            try await store.prepareStorage()
            if autoMigrate {
                let applied = try await runner.migrate()
                if !applied.isEmpty { logger.info("applied migrations", metadata: ["names": "\(applied)"]) }
            }
        }
        return app
    }
}
