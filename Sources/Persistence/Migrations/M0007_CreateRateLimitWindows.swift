import FluentKit
import SQLKit

/// Fixed-window counters shared by every instance; written only by `RateLimitStore` with one upsert.
struct M0007_CreateRateLimitWindows: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.create(table: "rate_limit_windows")
            .column("bucket", type: .text, .primaryKey(autoIncrement: false))
            .column("window_start_ms", type: .bigint, .notNull)
            .column("hits", type: .int, .notNull)
            .check(SQLRaw("hits >= 0") as any SQLExpression, named: "rate_limit_windows_hits_non_negative")
            .run()
        try await sql.create(index: "rate_limit_windows_window_start_ms").on("rate_limit_windows")
            .column("window_start_ms").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(table: "rate_limit_windows").run()
    }
}
