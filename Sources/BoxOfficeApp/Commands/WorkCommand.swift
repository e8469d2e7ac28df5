import ArgumentParser
import Logging
import Persistence
import ServiceLifecycle

/// `boxoffice work`: runs only the background workers (outbox delivery, the change-feed listener, the sweepers) until
/// SIGTERM or SIGINT, for deployments that keep them apart from the web instances (which then set `WORKERS=false`).
struct WorkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "work",
        abstract: "Run the background workers only (outbox delivery, change feed, sweepers)."
    )

    @Flag(name: .long, help: "Apply pending migrations first (always on for SQLite unless AUTO_MIGRATE=false).")
    var autoMigrate = false

    func run() async throws {
        let config = try CommandStartup.configuration { environment in
            if autoMigrate { environment["AUTO_MIGRATE"] = "true" }
        }
        let boxOffice = try await BoxOffice(config: config)
        do {
            try await boxOffice.store.prepareStorage()
            // Before any worker starts: on a fresh database they would read tables not made yet.
            if config.autoMigrate { try await BoxOffice.migrate(boxOffice.migrationRunner, logger: boxOffice.logger) }
            let workers = boxOffice.platformServices() + boxOffice.workers()
            boxOffice.logger.info(
                "starting BoxOffice workers",
                metadata: [
                    "version": "\(BoxOffice.version)", "workers": "\(workers.count)",
                    "database": "\(config.database.location.kind.rawValue)",
                ])
            boxOffice.logSetting(listening: nil)
            let group = ServiceGroup(
                configuration: .init(
                    services: workers.map { .init(service: $0) }, gracefulShutdownSignals: [.sigterm, .sigint],
                    logger: boxOffice.logger))
            try await boxOffice.withRandomness { try await group.run() }
        } catch {
            await boxOffice.store.shutdown()
            throw error
        }
        await boxOffice.store.shutdown()
    }
}
