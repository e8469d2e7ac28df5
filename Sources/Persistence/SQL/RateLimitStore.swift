public import Foundation
import SQLKit

/// Fixed-window hit counters in the database, so every instance counts against the same limit.
public struct RateLimitStore: Sendable {
    let store: DatabaseStore

    public init(store: DatabaseStore) {
        self.store = store
    }

    /// Counts one hit in `bucket` and returns the hits in the current window and when it started.
    ///
    /// One statement decides atomically: a window older than `window` restarts at `now` with one hit,
    /// otherwise the count goes up by one. Two instances hitting the same bucket serialise on its row.
    public func hit(bucket: String, window: Duration, now: Date) async throws -> (hits: Int, windowStart: Date) {
        let nowMs = Int64((now.timeIntervalSince1970 * 1000).rounded())
        let cutoff = nowMs - Int64(window.components.seconds * 1000)
        let row = try await store.sql().raw(
            """
            INSERT INTO rate_limit_windows (bucket, window_start_ms, hits) VALUES (\(bind: bucket), \(bind: nowMs), 1)
            ON CONFLICT (bucket) DO UPDATE SET
              hits = CASE WHEN rate_limit_windows.window_start_ms <= \(bind: cutoff) THEN 1
                          ELSE rate_limit_windows.hits + 1 END,
              window_start_ms = CASE WHEN rate_limit_windows.window_start_ms <= \(bind: cutoff) THEN \(bind: nowMs)
                          ELSE rate_limit_windows.window_start_ms END
            RETURNING hits, window_start_ms
            """
        ).first(row: WindowRow.self)
        guard let row else { throw DatabaseUnavailable(reason: "rate limit upsert returned no row") }
        return (row.hits, Date(timeIntervalSince1970: Double(row.windowStartMs) / 1000))
    }

    /// The hits in `bucket`'s current window, without counting one.
    public func hits(bucket: String, window: Duration, now: Date) async throws -> Int {
        let nowMs = Int64((now.timeIntervalSince1970 * 1000).rounded())
        let cutoff = nowMs - Int64(window.components.seconds * 1000)
        let row = try await store.sql().raw(
            """
            SELECT hits FROM rate_limit_windows WHERE bucket = \(bind: bucket) AND window_start_ms > \(bind: cutoff)
            """
        ).first(row: HitsRow.self)
        return row?.hits ?? 0
    }

    /// Forgets windows that ended before `cutoff`; returns how many.
    @discardableResult
    public func purge(startedBefore cutoff: Date) async throws -> Int {
        let cutoffMs = Int64(cutoff.timeIntervalSince1970 * 1000)
        let rows = try await store.sql().raw(
            "DELETE FROM rate_limit_windows WHERE window_start_ms < \(bind: cutoffMs) RETURNING bucket"
        ).all()
        return rows.count
    }
}

/// A bucket's window after a hit.
private struct WindowRow: Decodable {
    var hits: Int
    var windowStartMs: Int64
}

private struct HitsRow: Decodable {
    var hits: Int
}
