package import Domain
package import FluentKit
import Foundation
package import Persistence
import SQLKit

/// The only code that writes seat counters. A transaction decides on rows it has locked (`LockedSales`), sums what its
/// decisions move (`PlaceMoves`) and writes each touched row once, sessions first, each table in ID order: the lock order
/// the locks were taken in. The CHECK constraints (`held`, `sold` ≥ 0, `sold + held` ≤ capacity or limit) stand behind
/// every decision.
package enum PlaceLedger {
    package enum Counter: String, Sendable {
        case held, sold
    }

    /// What the ledger needs to know about a ticket type.
    package struct Target: Sendable {
        package var ticketTypeID: UUID
        /// Included sessions, ascending by ID: the lock order.
        package var sessionIDs: [UUID]
        package var sessionCodes: [UUID: String]

        package init(ticketTypeID: UUID, sessionIDs: [UUID], sessionCodes: [UUID: String]) {
            self.ticketTypeID = ticketTypeID
            self.sessionIDs = sessionIDs
            self.sessionCodes = sessionCodes
        }
    }

    /// Writes `moves` in the caller's transaction, whose rows it has locked through `LockedSales`.
    package static func apply(_ moves: PlaceMoves, on db: any Database) async throws {
        guard !moves.isEmpty else { return }
        let sql = db.sql
        if sql.dialect.name == "postgresql" {
            let statement = PostgresStatement()
            statement.append("WITH " + (try clauses(moves, on: statement)) + " SELECT 1 AS written")
            try await statement.run(on: db)
            return
        }
        for (table, rows) in [("sessions", moves.sessionRows), ("ticket_types", moves.typeRows)] {
            for (id, delta) in rows {
                try await sql.raw(
                    """
                    UPDATE \(unsafeRaw: table) SET held = held + \(bind: delta.held), sold = sold + \(bind: delta.sold) WHERE id = \(bind: id)
                    """
                ).run()
            }
        }
    }

    /// PostgreSQL: `moves` as common table expressions, so that a purchase batch writes its counters in the same statement
    /// as its orders: every touched session and ticket type moves once, each by the sum of the batch's decisions.
    package static func clauses(_ moves: PlaceMoves, on statement: PostgresStatement) throws -> String {
        func update(_ table: String, _ rows: [(id: UUID, delta: PlaceMoves.Delta)]) throws -> String {
            try """
            moved_\(table) AS (
              UPDATE \(table) AS r SET held = r.held + v.held, sold = r.sold + v.sold
              FROM unnest(\(statement.bind(rows.map(\.id)))::uuid[], \(statement.bind(rows.map(\.delta.held)))::bigint[],
                \(statement.bind(rows.map(\.delta.sold)))::bigint[]) AS v(id, held, sold)
              WHERE r.id = v.id)
            """
        }
        return try update("sessions", moves.sessionRows) + ", " + update("ticket_types", moves.typeRows)
    }

    /// Ends the active holds past their expiry and gives their places back (with the pending orders they kept, which
    /// expire through the order lifecycle); `sharingSessionsWith` limits it to holds of ticket types that share a session
    /// with one of those types. The seats are locked in the lock order before any hold or order row; a hold another
    /// transaction ended meanwhile is left alone. `worker` names the system actor on the expired orders' transitions.
    /// Returns the number of holds ended.
    @discardableResult
    package static func reclaimExpired(
        sharingSessionsWith typeIDs: [UUID]? = nil, now: Date, limit: Int = 100, by worker: SystemActor = .holdSweeper,
        on db: any Database
    ) async throws -> Int {
        let sql = db.sql
        let scope: SQLQueryString =
            if let typeIDs, !typeIDs.isEmpty {
                """
                 AND h.ticket_type_id IN (SELECT b.ticket_type_id FROM ticket_type_sessions a
                   JOIN ticket_type_sessions b ON b.session_id = a.session_id WHERE a.ticket_type_id IN (\(binds: typeIDs)))
                """
            } else { "" }
        let candidates = try await sql.raw(
            """
            SELECT h.id, h.ticket_type_id, o.id AS order_id FROM holds h
              LEFT JOIN orders o ON o.hold_id = h.id AND o.status = \(bind: OrderStatus.pending.rawValue)
            WHERE h.status = \(bind: HoldStatus.active.rawValue) AND h.expires_at <= \(bind: now)
            """ + scope + " ORDER BY h.expires_at LIMIT \(literal: limit)"
        ).all(rows: ExpiredHoldRow.self)
        guard !candidates.isEmpty else { return 0 }
        let locked = try await LockedSales.lock(Set(candidates.map(\.ticketTypeId)), on: db)
        var ended = 0
        var plain: [UUID] = []
        for hold in candidates {
            guard let order = hold.orderId else {
                plain.append(hold.id)
                continue
            }
            // The order's move ends its hold and gives the places back; one changed a moment ago is left as it is now.
            do {
                if try await OrderLifecycle.move(
                    order, to: .expired, by: .system(worker), reason: "payment deadline passed",
                    now: now, locked: locked, on: db) != nil
                {
                    ended += 1
                }
            } catch SalesError.invalidTransition {}
        }
        // Chosen before the seats were locked: a hold turned into an order meanwhile has a later expiry now, and stays.
        ended += try await HoldLifecycle.end(plain, as: .expired, now: now, expiredBy: now, locked: locked, on: db)
        return ended
    }

    /// Runs `work`, a transaction that decides sales on seats it locks, and when it falls short while expired holds
    /// stand in the way (it throws `insufficientCapacity` or `ExpiredHoldsInTheWay`), reclaims them in a transaction of
    /// their own and runs `work` once more, telling it (`mayReclaim` false) to decide on what it finds then. Expired holds are free places whether or not the sweeper has run; reclaiming
    /// them apart keeps every transaction's locks in the one order.
    package static func decidingOnLockedPlaces<T: Sendable>(
        _ store: DatabaseStore, now: Date,
        _ work: @escaping @Sendable (_ db: any Database, _ mayReclaim: Bool) async throws -> T
    ) async throws -> T {
        do {
            return try await store.transaction { db in try await work(db, true) }
        } catch {
            let typeIDs: [UUID]
            switch error {
            case SalesError.insufficientCapacity(let typeID, _, _, _): typeIDs = [typeID]
            case let inTheWay as ExpiredHoldsInTheWay: typeIDs = inTheWay.ticketTypeIDs
            default: throw error
            }
            let reclaimed = try await store.transaction { db in
                try await reclaimExpired(sharingSessionsWith: typeIDs, now: now, by: .saleReclaim, on: db)
            }
            guard reclaimed > 0 || error is ExpiredHoldsInTheWay else { throw error }
            return try await store.transaction { db in try await work(db, false) }
        }
    }

    /// Thrown by a deciding transaction (a purchase batch) that fell short for these ticket types while expired holds
    /// stand in their way: `decidingOnLockedPlaces` reclaims them and decides again.
    package struct ExpiredHoldsInTheWay: Error {
        package var ticketTypeIDs: [UUID]
        package init(_ ticketTypeIDs: [UUID]) { self.ticketTypeIDs = ticketTypeIDs }
    }

    /// Whether an expired hold, not yet reclaimed, keeps places of a session one of `typeIDs` includes.
    package static func expiredHoldsInTheWay(of typeIDs: [UUID], now: Date, on db: any Database) async throws -> Bool {
        guard !typeIDs.isEmpty else { return false }
        return try await db.sql.raw(
            """
            SELECT 1 AS found FROM holds h WHERE h.status = \(bind: HoldStatus.active.rawValue) AND h.expires_at <= \(bind: now) AND h.ticket_type_id IN (
              SELECT b.ticket_type_id FROM ticket_type_sessions a JOIN ticket_type_sessions b ON b.session_id = a.session_id
              WHERE a.ticket_type_id IN (\(binds: typeIDs))) LIMIT 1
            """
        ).first() != nil
    }
}

/// An active hold past its expiry, with the pending order it keeps places for (if any).
private struct ExpiredHoldRow: Decodable {
    var id: UUID
    var ticketTypeId: UUID
    var orderId: UUID?
}
