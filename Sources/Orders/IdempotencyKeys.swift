import Domain
import FluentKit
import Foundation
import HTTPCore
import Identity
import SQLKit

/// `Idempotency-Key` for checkout: a retry with the same key and the same body gets the same order; the same key
/// with another body is refused. Claimed inside the checkout's transaction, so a failed checkout frees its key.
struct IdempotencyKey: Sendable {
    var scope: String
    var key: String
    var requestHash: String

    enum Claim {
        /// First use: go on, then `remember` the order.
        case claimed
        /// Seen before with the same request: this is the order.
        case replay(UUID)
    }

    /// Claims the key, or finds what it already stands for. On PostgreSQL a concurrent first use of the same key
    /// waits on the primary key until the other transaction ends, then sees its outcome.
    func claim(now: Date, on db: any Database) async throws -> Claim {
        let sql = db as! any SQLDatabase
        let inserted = try await sql.raw("""
            INSERT INTO idempotency_keys (scope, idempotency_key, request_hash, created_at_ms)
            VALUES (\(bind: scope), \(bind: key), \(bind: requestHash), \(bind: Int64(now.timeIntervalSince1970 * 1000)))
            ON CONFLICT (scope, idempotency_key) DO NOTHING RETURNING scope
            """).first()
        if inserted != nil { return .claimed }
        guard let row = try await sql.raw("""
            SELECT request_hash, order_id FROM idempotency_keys WHERE scope = \(bind: scope) AND idempotency_key = \(bind: key)
            """).first()
        else { return .claimed }
        guard try row.decode(column: "request_hash", as: String.self) == requestHash,
            !(try row.decodeNil(column: "order_id")),
            let order = UUID(uuidString: try row.decode(column: "order_id", as: String.self))
        else { throw HTTPFailure.conflict("This Idempotency-Key was used with a different request.") }
        return .replay(order)
    }

    func remember(_ orderID: UUID, on db: any Database) async throws {
        try await (db as! any SQLDatabase).raw("""
            UPDATE idempotency_keys SET order_id = \(bind: orderID.uuidString) WHERE scope = \(bind: scope) AND idempotency_key = \(bind: key)
            """).run()
    }

    /// Keys are scoped to their buyer: a signed-in user, or a guest's email, so nobody can replay another's key.
    static func from(header: String?, body: Data, userID: UUID?, guestEmail: String?) throws -> IdempotencyKey? {
        guard let header, !header.isEmpty else { return nil }
        guard header.count <= 255 else {
            throw HTTPFailure.validationFailed(FieldProblems("Idempotency-Key", "must be at most 255 characters"))
        }
        let scope = userID.map { "user:\($0.uuidString)" } ?? "guest:\((guestEmail ?? "").lowercased())"
        return IdempotencyKey(scope: scope, key: header, requestHash: OpaqueToken.hash(canonical(body)))
    }

    /// The body with its keys sorted and its spacing normalised, so that a retry is recognised however its JSON
    /// was laid out; a body that is not JSON is compared as it is.
    static func canonical(_ body: Data) -> String {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: body) else { return String(decoding: body, as: UTF8.self) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? String(decoding: body, as: UTF8.self)
    }
}
