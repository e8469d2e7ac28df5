package import FluentKit
import Foundation
import Persistence
import SQLKit

/// PostgreSQL: what a batch of purchases decides on, read inside the deciding transaction from rows it locks in the
/// ledger's order (the included sessions by ID, then the ticket types by ID, as `SeatLedger.take` does): each ticket
/// type's sale facts and prices, and the places left. The locks hold until the batch commits, so the decisions made on
/// these values stay true until the counters are written.
package struct LockedSales: Sendable {
    package struct TicketType: Sendable {
        package var context: SaleContext
        package var priceMinor: Int
        package var memberPriceMinor: Int?
        package var currency: String
    }

    /// Ticket types that exist; an unknown ID is absent.
    package var types: [UUID: TicketType]
    package var places: PlacesLeft

    package static func lock(_ ticketTypeIDs: [UUID], on db: any Database) async throws -> LockedSales {
        let sql = db as! any SQLDatabase
        var sessions = try await lockSessions(
            "SELECT session_id FROM ticket_type_sessions WHERE ticket_type_id IN (\(binds: ticketTypeIDs))", on: sql)
        let rows = try await sql.raw("""
            SELECT t.id, t.event_id, t.active, t.sales_start, t.sales_end, t.max_per_order, t.price_minor, t.member_price_minor,
              t.quantity_limit - t.sold - t.held AS own_room, e.status, e.currency,
              (SELECT string_agg(CAST(x.session_id AS text), ',') FROM ticket_type_sessions x WHERE x.ticket_type_id = t.id) AS sessions
            FROM ticket_types t JOIN events e ON e.id = t.event_id WHERE t.id IN (\(binds: ticketTypeIDs))
            ORDER BY t.id FOR UPDATE OF t
            """).all()
        var included: [UUID: [UUID]] = [:]
        for row in rows {
            included[try row.decode(column: "id", as: UUID.self)] =
                (try row.optional("sessions", String.self) ?? "").split(separator: ",").compactMap { UUID(uuidString: String($0)) }
        }
        // A session included after the first statement (possible only while a type has sold nothing) is locked now;
        // out of order, so PostgreSQL may break a lock cycle, and the transaction then runs again.
        let missing = Set(included.values.joined()).subtracting(sessions.keys)
        if !missing.isEmpty {
            sessions.merge(try await lockSessions("\(binds: Array(missing))", on: sql)) { _, new in new }
        }
        var types: [UUID: TicketType] = [:]
        var ownRoom: [UUID: Int] = [:]
        for row in rows {
            let id = try row.decode(column: "id", as: UUID.self)
            let ids = included[id] ?? []
            let context = SaleContext(
                ticketTypeID: id, eventID: try row.decode(column: "event_id", as: UUID.self),
                eventStatus: try row.decode(column: "status", as: String.self), active: try row.decode(column: "active", as: Bool.self),
                salesStart: try row.optional("sales_start", Date.self), salesEnd: try row.decode(column: "sales_end", as: Date.self),
                maxPerOrder: try row.decode(column: "max_per_order", as: Int.self),
                target: .init(ticketTypeID: id, sessionIDs: ids.sorted { $0.uuidString < $1.uuidString },
                              sessionCodes: ids.reduce(into: [:]) { codes, session in codes[session] = sessions[session]?.code }))
            types[id] = TicketType(
                context: context, priceMinor: try row.decode(column: "price_minor", as: Int.self),
                memberPriceMinor: try row.optional("member_price_minor", Int.self), currency: try row.decode(column: "currency", as: String.self))
            if let room = try row.optional("own_room", Int.self) { ownRoom[id] = room }
        }
        let room = sessions.compactMapValues { $0.active ? $0.room : nil }
        return LockedSales(types: types, places: PlacesLeft(sessions: room, types: ownRoom))
    }

    private static func lockSessions(_ ids: SQLQueryString, on sql: any SQLDatabase) async throws
        -> [UUID: (code: String, room: Int, active: Bool)]
    {
        var sessions: [UUID: (code: String, room: Int, active: Bool)] = [:]
        for row in try await sql.raw(
            "SELECT id, number, active, capacity - sold - held AS room FROM sessions WHERE id IN (" + ids + ") ORDER BY id FOR UPDATE"
        ).all() {
            sessions[try row.decode(column: "id", as: UUID.self)] = (
                "S\(try row.decode(column: "number", as: Int.self))", try row.decode(column: "room", as: Int.self),
                try row.decode(column: "active", as: Bool.self)
            )
        }
        return sessions
    }
}
