import Domain
public import FluentKit
import PostgresNIO

extension DatabaseStore {
    /// Runs `work` in a transaction, again from the start when PostgreSQL aborts it for a deadlock or a
    /// serialization failure: those are the database protecting consistency under contention, never the
    /// buyer's problem, so they are retried here and never reach a response.
    public func transaction<T: Sendable>(
        attempts: Int = 5, _ work: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        var attempt = 1
        while true {
            do {
                // On SQLite the changes this transaction announces are published once it has committed. The driver runs
                // the closure in a task of its own, which inherits no task-local value: the pending changes and the
                // caller's source of randomness are bound again inside it.
                let pending = PendingChanges()
                let source = Randomness.source
                let value = try await database().transaction { db in
                    try await Randomness.$source.withValue(source) {
                        try await PendingChanges.$current.withValue(pending) { try await work(db) }
                    }
                }
                changes.publish(pending.drain())
                return value
            } catch let error as PSQLError where attempt < attempts && Self.isRetryable(error) {
                attempt += 1
                try await Task.sleep(for: .milliseconds(Int.random(in: 1...(5 * attempt))))
            }
        }
    }

    static func isRetryable(_ error: PSQLError) -> Bool {
        // 40001 serialization_failure, 40P01 deadlock_detected.
        ["40001", "40P01"].contains(error.serverInfo?[.sqlState] ?? "")
    }
}
