import ArgumentParser
import Hummingbird
import Logging
import Persistence

/// `boxoffice serve`: runs the HTTP server and its background services until SIGTERM or SIGINT.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the API (SQLite file by default; PostgreSQL when DATABASE_URL is set)."
    )

    @Option(name: .long, help: "Address to listen on (default: HOST, else 127.0.0.1).")
    var hostname: String?

    @Option(name: .long, help: "Port to listen on (default: PORT, else 8080).")
    var port: Int?

    @Flag(
        name: .long, help: "Apply pending migrations before serving (always on for SQLite unless AUTO_MIGRATE=false).")
    var autoMigrate = false

    func run() async throws {
        let config = try CommandStartup.configuration { environment in
            if let hostname { environment["HOST"] = hostname }
            if let port { environment["PORT"] = String(port) }
            if autoMigrate { environment["AUTO_MIGRATE"] = "true" }
        }
        let boxOffice = try await BoxOffice(config: config)
        if config.jwtSecretIsEphemeral {
            boxOffice.logger.warning(
                """
                JWT_SECRET is not set: using a random secret for this process only. Every sign-in ends when \
                the server restarts, and several instances cannot share sessions. Set JWT_SECRET (32+ bytes).
                """
            )
        }
        boxOffice.logger.info(
            "starting BoxOffice",
            metadata: [
                "version": "\(BoxOffice.version)", "mode": "\(config.mode.rawValue)",
                "database": "\(config.database.location.kind.rawValue)", "autoMigrate": "\(config.autoMigrate)",
            ]
        )
        boxOffice.logSetting(listening: "http://\(config.host):\(config.port)")
        try await boxOffice.serve()
    }
}
