import Domain
import FluentKit
import Foundation
import HTTPCore
import Identity
import Persistence
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
        let sql = db.sql
        let inserted = try await sql.raw(
            """
            INSERT INTO idempotency_keys (scope, idempotency_key, request_hash, created_at_ms)
            VALUES (\(bind: scope), \(bind: key), \(bind: requestHash), \(bind: Int64(now.timeIntervalSince1970 * 1000)))
            ON CONFLICT (scope, idempotency_key) DO NOTHING RETURNING scope
            """
        ).first()
        if inserted != nil { return .claimed }
        guard
            let row = try await sql.raw(
                """
                SELECT request_hash, order_id FROM idempotency_keys WHERE scope = \(bind: scope) AND idempotency_key = \(bind: key)
                """
            ).first(row: KeyRow.self)
        else { return .claimed }
        guard row.requestHash == requestHash, let orderId = row.orderId, let order = UUID(uuidString: orderId)
        else { throw HTTPFailure.conflict("This Idempotency-Key was used with a different request.") }
        return .replay(order)
    }

    /// The order this key already stands for, as committed now; nil when the key is free again or its first use is still
    /// in progress. Throws 409 when it was used with another request.
    func existingOrder(on db: any Database) async throws -> UUID? {
        guard
            let row = try await db.sql.raw(
                """
                SELECT request_hash, order_id FROM idempotency_keys WHERE scope = \(bind: scope) AND idempotency_key = \(bind: key)
                """
            ).first(row: KeyRow.self)
        else { return nil }
        guard row.requestHash == requestHash else {
            throw HTTPFailure.conflict("This Idempotency-Key was used with a different request.")
        }
        return row.orderId.flatMap(UUID.init(uuidString:))
    }

    func remember(_ orderID: UUID, on db: any Database) async throws {
        try await db.sql.raw(
            """
            UPDATE idempotency_keys SET order_id = \(bind: orderID.uuidString) WHERE scope = \(bind: scope) AND idempotency_key = \(bind: key)
            """
        ).run()
    }

    /// A purchase batch's claims, in one statement, before any hot row is locked, each already naming the order it will
    /// stand for (the batch deletes the claims of purchases it refuses before it commits, so a claim with an order is only
    /// ever seen with that order written). Returns the indexes of the keys claimed now; a key seen before (or twice in
    /// the batch: the later ones) is not, and its checkout replays that order or refuses the key.
    /// On PostgreSQL a key another transaction is claiming is waited for, as in `claim`.
    static func claimAll(_ keys: [(index: Int, key: IdempotencyKey, orderID: UUID, now: Date)], on db: any Database)
        async throws -> Set<Int>
    {
        var first: [String: (index: Int, key: IdempotencyKey, orderID: UUID, now: Date)] = [:]
        for entry in keys where first[entry.key.identity] == nil { first[entry.key.identity] = entry }
        guard !first.isEmpty else { return [] }
        // In one order (by identity), so two batches that share keys wait on each other's claims in the same order.
        let rows = first.values.sorted { $0.key.identity < $1.key.identity }.map { entry -> SQLQueryString in
            """
            (\(bind: entry.key.scope), \(bind: entry.key.key), \(bind: entry.key.requestHash), \(bind: Int64(entry.now.timeIntervalSince1970 * 1000)),
              \(bind: entry.orderID.uuidString))
            """
        }
        let claimed = try await db.sql.raw(
            """
            INSERT INTO idempotency_keys (scope, idempotency_key, request_hash, created_at_ms, order_id) VALUES
            """ + " " + rows.joined(separator: ", ") + """
                 ON CONFLICT (scope, idempotency_key) DO NOTHING RETURNING scope, idempotency_key
                """
        ).all(rows: ClaimedKeyRow.self).map {
            "\($0.scope)\u{0}\($0.idempotencyKey)"
        }
        return Set(claimed.compactMap { first[$0]?.index })
    }

    /// Frees the keys of purchases the batch refused, in the same transaction: a failed checkout leaves its key free.
    static func releaseAll(_ keys: [IdempotencyKey], on db: any Database) async throws {
        guard !keys.isEmpty else { return }
        let pairs = keys.map { key -> SQLQueryString in "(\(bind: key.scope), \(bind: key.key))" }
        try await db.sql.raw(
            "DELETE FROM idempotency_keys WHERE (scope, idempotency_key) IN (" + pairs.joined(separator: ", ") + ")"
        ).run()
    }

    /// Scope and key together: what the primary key makes unique.
    var identity: String { "\(scope)\u{0}\(key)" }

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
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: body) else {
            return String(decoding: body, as: UTF8.self)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) }
            ?? String(decoding: body, as: UTF8.self)
    }
}

/// What a key stands for: the request it was first used with, and its order once remembered.
private struct KeyRow: Decodable {
    var requestHash: String
    var orderId: String?
}

/// A key a batch claimed.
private struct ClaimedKeyRow: Decodable {
    var scope: String
    var idempotencyKey: String
}
