import FluentKit
import SQLKit

/// Checkout retries: a key a client sends with `Idempotency-Key`, the hash of the request it came with, and the
/// order it produced. The primary key (scope, key) is what makes two concurrent retries produce one order.
struct M0020_CreateIdempotencyKeys: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.create(table: "idempotency_keys")
            .column("scope", type: .text, .notNull)
            .column("idempotency_key", type: .text, .notNull)
            .column("request_hash", type: .text, .notNull)
            .column("order_id", type: .text)
            .column("created_at_ms", type: .bigint, .notNull)
            .primaryKey("scope", "idempotency_key")
            .run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(table: "idempotency_keys").run()
    }
}
