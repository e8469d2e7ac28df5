public import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
public import Logging
import NIOCore
import NIOPosix
public import SQLKit

/// The application's database: FluentKit's `Databases`, configured for SQLite or PostgreSQL. No other module
/// touches `Databases`.
///
/// It is deliberately not one of the services: it must outlive all of them, including when a service group is
/// cancelled rather than shut down gracefully (then every service stops at once, in no order). Its owner closes
/// it with `shutdown()` after the whole group has stopped (`BoxOffice.serve()`, the commands, the test harness).
public final class DatabaseStore: Sendable {
    public let settings: DatabaseSettings
    private let databases: Databases
    private let logger: Logger
    /// SQLite gets exactly one connection by always using one event loop: a single writer needs no
    /// lock retries, and every write is serialised in order. PostgreSQL spreads over all loops.
    private let pinnedLoop: (any EventLoop)?

    public init(settings: DatabaseSettings, logger: Logger) throws {
        let group = MultiThreadedEventLoopGroup.singleton
        self.settings = settings
        self.logger = logger
        self.databases = Databases(threadPool: .singleton, on: group)
        switch settings.location {
        case .sqlite(let path):
            databases.use(
                .sqlite(
                    .file(path), connectionPoolTimeout: .seconds(Int64(settings.poolTimeoutSeconds)),
                    sqlLogLevel: settings.sqlLogLevel),
                as: .sqlite)
            pinnedLoop = group.next()
        case .postgres(let url):
            databases.use(
                try .postgres(
                    url: url,
                    maxConnectionsPerEventLoop: settings.connectionsPerEventLoop,
                    connectionPoolTimeout: .seconds(Int64(settings.poolTimeoutSeconds)),
                    sqlLogLevel: settings.sqlLogLevel
                ),
                as: .psql
            )
            pinnedLoop = nil
        }
    }

    public var kind: DatabaseKind { settings.location.kind }

    /// The changes committed on this database, for this process's subscribers (workers, live features): published
    /// after each commit on SQLite, and by the `LISTEN` of the change-feed listener on PostgreSQL.
    public let changes = ChangeBroadcaster()

    /// A database handle for one unit of work, logging with the caller's logger (and so its request ID).
    public func database(logger: Logger? = nil) -> any Database {
        let loop = pinnedLoop ?? MultiThreadedEventLoopGroup.singleton.any()
        guard let database = databases.database(logger: logger ?? self.logger, on: loop) else {
            // Only reachable after shutdown, when no request is served any more.
            preconditionFailure("database requested after shutdown")
        }
        return database
    }

    /// The same database for hand-written SQL (see `Database.sql`).
    public func sql(logger: Logger? = nil) -> any SQLDatabase {
        database(logger: logger).sql
    }

    /// Settings that make the embedded file safe and fast; a no-op on PostgreSQL.
    public func prepareStorage() async throws {
        guard kind == .sqlite else { return }
        // WAL lets readers proceed while the single connection writes; it persists in the file.
        try await sql().raw("PRAGMA journal_mode=WAL").run()
    }

    /// Fails when the database cannot answer a trivial query within `timeout`.
    public func ping(timeout: Duration = .seconds(2)) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await self.sql().raw("SELECT 1").run() }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw DatabaseUnavailable(reason: "no answer within \(timeout)")
            }
            defer { group.cancelAll() }
            try await group.next()
        }
    }

    func migrator(_ migrations: [any Migration]) -> Migrator {
        let list = Migrations()
        list.add(migrations)
        return Migrator(
            databases: databases,
            migrations: list,
            logger: logger,
            on: pinnedLoop ?? MultiThreadedEventLoopGroup.singleton.any(),
            // Two lines a migration are for whoever looks closely; the commands log one summary at info.
            migrationLogLevel: .debug
        )
    }

    /// Closes all connections. Call it once nothing can use the store any more.
    public func shutdown() async {
        await databases.shutdownAsync()
    }
}

public struct DatabaseUnavailable: Error, CustomStringConvertible {
    public let reason: String
    public var description: String { "database unavailable: \(reason)" }
}
