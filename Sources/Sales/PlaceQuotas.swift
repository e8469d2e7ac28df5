package import Domain
package import FluentKit
import Foundation
import Persistence
import SQLKit

/// The per-buyer and per-address limits on the places each has for an event (held, pending or sold), read and locked in the transaction that takes places: after the seats (the
/// one lock order: sessions, ticket types, then these quota rows, each by key), one row per (event, buyer) and (event,
/// address) is locked, so that two purchases of the same buyer on different sessions, in two transactions on two
/// instances, are decided one after the other on what the first one took.
package enum PlaceQuotas {
    /// The ledger for `takers` on `eventIDs`, with every event's limits (`LockedSales.placeLimits`). When no event
    /// has a limit, nothing is read or locked.
    package static func load(
        events eventIDs: Set<UUID>, takers: Set<PlaceTaker>, limits: [UUID: PlaceLimits], now: Date, on db: any Database
    ) async throws -> PlaceQuotaLedger {
        guard !eventIDs.isEmpty, !takers.isEmpty else { return PlaceQuotaLedger(used: [], limits: [:]) }
        let sql = db.sql
        let limited = eventIDs.filter { !(limits[$0] ?? .none).isNone }.sorted { $0.uuidString < $1.uuidString }
        guard !limited.isEmpty else { return PlaceQuotaLedger(used: [], limits: limits) }
        let keys = Set(takers.flatMap(\.quotaKeys)).sorted()
        // The quota rows, locked in key order (an upsert takes the row's lock until commit; SQLite has one writer).
        var values: [SQLQueryString] = []
        for event in limited { for key in keys { values.append("(\(bind: event), \(bind: key))") } }
        try await sql.raw(
            "INSERT INTO place_quota_locks (event_id, quota_key) VALUES " + values.joined(separator: ", ")
                + " ON CONFLICT (event_id, quota_key) DO UPDATE SET quota_key = EXCLUDED.quota_key"
        ).run()
        // What each has now: active holds not yet expired (a pending order keeps its places as one) and the places of
        // paid orders (free ones included: a place given away is a place taken). One statement: each buyer's and each
        // address's places, keyed as the ledger keys them (`buyer:…`, `address:…`).
        func usage(_ prefix: String, _ column: String, _ values: [String]) -> [SQLQueryString] {
            [
                """
                SELECT event_id, \(literal: prefix + ":") || \(unsafeRaw: column) AS quota_key,
                  CAST(SUM(quantity) AS INTEGER) AS places FROM holds
                WHERE event_id IN (\(binds: limited)) AND \(unsafeRaw: column) IN (\(binds: values))
                  AND status = 'active' AND expires_at > \(bind: now)
                GROUP BY event_id, \(unsafeRaw: column)
                """,
                """
                SELECT o.event_id, \(literal: prefix + ":") || o.\(unsafeRaw: column) AS quota_key,
                  CAST(COUNT(*) AS INTEGER) AS places FROM orders o JOIN tickets t ON t.order_id = o.id
                WHERE o.event_id IN (\(binds: limited)) AND o.\(unsafeRaw: column) IN (\(binds: values))
                  AND o.status = 'paid' AND t.status = 'valid'
                GROUP BY o.event_id, o.\(unsafeRaw: column)
                """,
            ]
        }
        var parts = usage("buyer", "buyer_key", Array(Set(takers.map(\.buyerKey))))
        let addresses = Array(Set(takers.compactMap(\.address)))
        if !addresses.isEmpty { parts += usage("address", "client_address", addresses) }
        let used = try await sql.raw(parts.joined(separator: " UNION ALL "))
            .all(rows: QuotaUsageRow.self)
            .map { (eventID: $0.eventId, quotaKey: $0.quotaKey, places: $0.places) }
        return PlaceQuotaLedger(used: used, limits: limits)
    }
}

/// The places one buyer or address has for an event, keyed as the ledger keys them.
private struct QuotaUsageRow: Decodable {
    var eventId: UUID
    var quotaKey: String
    var places: Int
}
