import Domain
package import FluentKit
import Foundation
package import Persistence
import SQLKit

/// The only code that moves seat counters. Every change is a conditional update decided by the database
/// inside the caller's transaction: the sessions first, in one statement, and the ticket type last. Should two
/// transactions ever wait on each other in a circle over session rows, PostgreSQL aborts one and
/// `DatabaseStore.transaction` runs it again; the buyer never sees it.
package enum SeatLedger {
    package enum Counter: String {
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

    /// Takes `quantity` places in every included session and in the ticket type, or throws
    /// INSUFFICIENT_CAPACITY and leaves every counter as it was. Expired holds are reclaimed once when they stand
    /// in the way, so they never cause a refusal, whether or not the sweeper has run.
    package static func take(_ quantity: Int, of target: Target, into counter: Counter, now: Date, on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        for attempt in 1...2 {
            // One statement for every included session: each row is taken only if it has room; all must be.
            let taken = try await sql.raw("""
                UPDATE sessions SET \(unsafeRaw: counter.rawValue) = \(unsafeRaw: counter.rawValue) + \(bind: quantity)
                WHERE id IN (\(binds: target.sessionIDs)) AND active = \(bind: true) AND sold + held + \(bind: quantity) <= capacity
                RETURNING id
                """).all().map { try $0.decode(column: "id", as: UUID.self) }
            if taken.count == target.sessionIDs.count {
                let row = try await sql.raw("""
                    UPDATE ticket_types SET \(unsafeRaw: counter.rawValue) = \(unsafeRaw: counter.rawValue) + \(bind: quantity)
                    WHERE id = \(bind: target.ticketTypeID) AND (quantity_limit IS NULL OR sold + held + \(bind: quantity) <= quantity_limit)
                    RETURNING id
                    """).first()
                if row != nil { return }
            }
            // Undo this attempt's increments on the rows already locked, then make room by reclaiming expired holds.
            if !taken.isEmpty {
                try await sql.raw("""
                    UPDATE sessions SET \(unsafeRaw: counter.rawValue) = \(unsafeRaw: counter.rawValue) - \(bind: quantity)
                    WHERE id IN (\(binds: taken))
                    """).run()
            }
            if attempt == 1, try await reclaimExpired(touching: target.sessionIDs, now: now, on: db) > 0 { continue }
            break
        }
        throw try await shortage(of: target, requested: quantity, on: db)
    }

    /// PostgreSQL only: the sales a batch decided on rows it has locked (`LockedSales`), as common table expressions of
    /// the statement that also writes the batch's orders: every touched session and ticket type moves once, by the sum of
    /// what the batch took from it. The CHECK constraints still stand behind the decision.
    package static func spendClauses(_ places: PlacesLeft, into counter: Counter, on statement: PostgresStatement) throws -> String {
        let column = counter.rawValue
        func moves(_ table: String, _ taken: [UUID: Int]) throws -> String {
            let rows = taken.sorted { $0.key.uuidString < $1.key.uuidString }
            return try """
                spent_\(table) AS (
                  UPDATE \(table) AS r SET \(column) = r.\(column) + v.quantity
                  FROM unnest(\(statement.bind(rows.map(\.key)))::uuid[], \(statement.bind(rows.map(\.value)))::bigint[]) AS v(id, quantity)
                  WHERE r.id = v.id)
                """
        }
        return try moves("sessions", places.takenFromSessions) + ", " + moves("ticket_types", places.takenFromTypes)
    }

    /// A cheap read that refuses at once when the places are clearly not there (expired holds counted as free), so a
    /// sold-out rush costs one query per refusal instead of a written-then-rolled-back order. It decides nothing on
    /// its own: a sale still happens only if `take`'s conditional updates succeed.
    package static func refuseEarlyIfShort(_ quantity: Int, of target: Target, now: Date, on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        let row = try await sql.raw("""
            SELECT
              (SELECT CAST(MIN(s.capacity - s.sold - s.held + COALESCE((
                 SELECT SUM(h.quantity) FROM holds h JOIN ticket_type_sessions x ON x.ticket_type_id = h.ticket_type_id
                 WHERE x.session_id = s.id AND h.status = 'active' AND h.expires_at <= \(bind: now)), 0)) AS BIGINT)
               FROM sessions s WHERE s.id IN (\(binds: target.sessionIDs)) AND s.active = \(bind: true)) AS sessions_left,
              (SELECT COUNT(*) FROM sessions s WHERE s.id IN (\(binds: target.sessionIDs)) AND s.active = \(bind: true)) AS active_sessions
            """).first()
        guard let row else { return }
        let active = try row.decode(column: "active_sessions", as: Int.self)
        let left = try row.optional("sessions_left", Int.self) ?? 0
        if active < target.sessionIDs.count || left < quantity {
            throw try await shortage(of: target, requested: quantity, on: db)
        }
    }

    /// Gives back `quantity` places taken by `take`.
    package static func give(_ quantity: Int, of target: Target, from counter: Counter, on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.raw("""
            UPDATE sessions SET \(unsafeRaw: counter.rawValue) = \(unsafeRaw: counter.rawValue) - \(bind: quantity)
            WHERE id IN (\(binds: target.sessionIDs))
            """).run()
        try await sql.raw("""
            UPDATE ticket_types SET \(unsafeRaw: counter.rawValue) = \(unsafeRaw: counter.rawValue) - \(bind: quantity)
            WHERE id = \(bind: target.ticketTypeID)
            """).run()
    }

    /// Turns `quantity` held places into sold ones (a pending order paid), in the same lock order as `take`.
    package static func confirmHeld(_ quantity: Int, of target: Target, on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.raw(
            "UPDATE sessions SET held = held - \(bind: quantity), sold = sold + \(bind: quantity) WHERE id IN (\(binds: target.sessionIDs))"
        ).run()
        try await sql.raw("""
            UPDATE ticket_types SET held = held - \(bind: quantity), sold = sold + \(bind: quantity) WHERE id = \(bind: target.ticketTypeID)
            """).run()
    }

    /// Marks active holds past their expiry as expired and returns their places; `touching` limits it to holds of
    /// ticket types that include one of those sessions. On PostgreSQL holds another transaction is already
    /// reclaiming are skipped, not waited for. Returns the number of holds reclaimed.
    @discardableResult
    package static func reclaimExpired(touching sessions: [UUID]? = nil, now: Date, limit: Int = 500, on db: any Database) async throws -> Int {
        let sql = db as! any SQLDatabase
        let scope: SQLQueryString =
            if let sessions, !sessions.isEmpty {
                " AND h.ticket_type_id IN (SELECT ticket_type_id FROM ticket_type_sessions WHERE session_id IN (\(binds: sessions)))"
            } else { "" }
        let lock: SQLQueryString = sql.dialect.name == "postgresql" ? " FOR UPDATE SKIP LOCKED" : ""
        let rows = try await sql.raw("""
            UPDATE holds SET status = 'expired', ended_at = \(bind: now) WHERE id IN (
              SELECT h.id FROM holds h WHERE h.status = 'active' AND h.expires_at <= \(bind: now)
            """ + scope + " ORDER BY h.expires_at LIMIT \(literal: limit)" + lock + """
            ) RETURNING id, ticket_type_id, quantity
            """).all()
        guard !rows.isEmpty else { return 0 }
        try await expireOrders(holding: try rows.map { try $0.decode(column: "id", as: UUID.self) }, now: now, on: sql)
        var perType: [UUID: Int] = [:]
        for row in rows {
            perType[try row.decode(column: "ticket_type_id", as: UUID.self), default: 0] += try row.decode(column: "quantity", as: Int.self)
        }
        var perSession: [UUID: Int] = [:]
        for row in try await sql.raw(
            "SELECT ticket_type_id, session_id FROM ticket_type_sessions WHERE ticket_type_id IN (\(binds: Array(perType.keys)))"
        ).all() {
            let type = try row.decode(column: "ticket_type_id", as: UUID.self)
            perSession[try row.decode(column: "session_id", as: UUID.self), default: 0] += perType[type] ?? 0
        }
        for (session, quantity) in perSession.sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
            try await sql.raw("UPDATE sessions SET held = held - \(bind: quantity) WHERE id = \(bind: session)").run()
        }
        for (type, quantity) in perType.sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
            try await sql.raw("UPDATE ticket_types SET held = held - \(bind: quantity) WHERE id = \(bind: type)").run()
        }
        return rows.count
    }

    /// The refusal, with what is left and which session limits it, read inside the same transaction and worded by the
    /// same rule as a batch's (`PlacesLeft`); an inactive session has nothing left.
    private static func shortage(of target: Target, requested: Int, on db: any Database) async throws -> InventoryError {
        let sql = db as! any SQLDatabase
        var sessions: [UUID: Int] = [:]
        for row in try await sql.raw("""
            SELECT id, capacity - sold - held AS remaining FROM sessions WHERE id IN (\(binds: target.sessionIDs)) AND active = \(bind: true)
            """).all() {
            sessions[try row.decode(column: "id", as: UUID.self)] = try row.decode(column: "remaining", as: Int.self)
        }
        var types: [UUID: Int] = [:]
        if let own = try await sql.raw("""
            SELECT quantity_limit - sold - held AS remaining FROM ticket_types WHERE id = \(bind: target.ticketTypeID) AND quantity_limit IS NOT NULL
            """).first() {
            types[target.ticketTypeID] = try own.decode(column: "remaining", as: Int.self)
        }
        var places = PlacesLeft(sessions: sessions, types: types)
        // The rows said no a moment ago in this transaction; should they read as enough now, nothing is left to promise.
        return places.take(requested, of: target)
            ?? .insufficientCapacity(ticketTypeID: target.ticketTypeID, requested: requested, available: 0, limitingSessionID: nil)
    }

    /// Pending orders whose places were kept by these holds are unpaid at their deadline: they expire.
    private static func expireOrders(holding holds: [UUID], now: Date, on sql: any SQLDatabase) async throws {
        let orders = try await sql.raw("""
            UPDATE orders SET status = 'expired', updated_at = \(bind: now) WHERE hold_id IN (\(binds: holds)) AND status = 'pending'
            RETURNING id
            """).all().map { try $0.decode(column: "id", as: UUID.self) }
        guard !orders.isEmpty else { return }
        try await sql.raw("UPDATE tickets SET status = 'cancelled' WHERE order_id IN (\(binds: orders))").run()
        for order in orders {
            try await sql.raw("""
                INSERT INTO order_transitions (id, order_id, from_status, to_status, actor_kind, reason, occurred_at)
                VALUES (\(bind: UUID.random()), \(bind: order), 'pending', 'expired', 'system', 'payment deadline passed', \(bind: now))
                """).run()
        }
    }
}
