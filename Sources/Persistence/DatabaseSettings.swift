public import Logging

/// Which database BoxOffice runs on: an embedded SQLite file, or a PostgreSQL server.
public enum DatabaseLocation: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(url: String)

    public var kind: DatabaseKind {
        switch self {
        case .sqlite: .sqlite
        case .postgres: .postgres
        }
    }
}

public enum DatabaseKind: String, Sendable, Codable {
    case sqlite, postgres
}

public struct DatabaseSettings: Sendable, Equatable {
    public var location: DatabaseLocation
    /// PostgreSQL connections per event loop (one event loop per core). SQLite always uses one connection.
    public var connectionsPerEventLoop: Int
    /// Level at which every SQL statement is logged.
    public var sqlLogLevel: Logger.Level
    /// How long a request waits for a free connection before it is answered 503.
    public var poolTimeoutSeconds: Int

    public init(
        location: DatabaseLocation, connectionsPerEventLoop: Int = 2, sqlLogLevel: Logger.Level = .debug,
        poolTimeoutSeconds: Int = 10
    ) {
        self.location = location
        self.connectionsPerEventLoop = connectionsPerEventLoop
        self.sqlLogLevel = sqlLogLevel
        self.poolTimeoutSeconds = poolTimeoutSeconds
    }
}
