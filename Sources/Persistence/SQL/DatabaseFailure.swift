import PostgresNIO

/// What a PostgreSQL error means to a caller that can do something about it.
public enum DatabaseFailure {
    /// A deadlock or serialization failure: the database protecting consistency; running the work again is right.
    public static func isRetryable(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError else { return false }
        return DatabaseStore.isRetryable(error)
    }

    /// A unique index refused the row (SQLSTATE 23505).
    public static func isUniqueViolation(_ error: any Error) -> Bool {
        (error as? PSQLError)?.serverInfo?[.sqlState] == "23505"
    }
}
