package import FluentKit
package import Foundation
import Persistence
import SQLKit

/// PostgreSQL: everything a purchase needs to know before it writes, in one read: the ticket type and its event (on
/// sale?), its prices, and the room left in each included session and in the type's own limit, with expired holds
/// counted as free (they are, whether or not the sweeper has run). A purchase that is clearly short is refused from
/// this read at once; one that looks possible is still decided only by the conditional updates of the write.
package struct SaleSnapshot: Sendable {
    package var context: SaleContext
    package var priceMinor: Int
    package var memberPriceMinor: Int?
    package var currency: String
    /// Per included session: room left, and whether it is active.
    var sessionRoom: [UUID: (room: Int, active: Bool)]
    /// Room left under the type's own limit; nil without a limit.
    var typeRoom: Int?

    package static func load(_ ticketTypeID: UUID, now: Date, on db: any Database) async throws -> SaleSnapshot {
        let sql = db as! any SQLDatabase
        guard let row = try await sql.raw("""
            SELECT t.event_id, t.active, t.sales_start, t.sales_end, t.max_per_order, e.status, t.price_minor, t.member_price_minor, e.currency,
              t.quantity_limit - t.sold - t.held + COALESCE((SELECT SUM(h.quantity) FROM holds h WHERE h.ticket_type_id = t.id
                AND h.status = 'active' AND h.expires_at <= \(bind: now)), 0) AS type_room,
              (SELECT string_agg(CAST(s.id AS text) || ':' || s.number || ':' || CAST(s.active AS integer) || ':' || (s.capacity - s.sold - s.held
                 + COALESCE((SELECT SUM(h.quantity) FROM holds h JOIN ticket_type_sessions x ON x.ticket_type_id = h.ticket_type_id
                   WHERE x.session_id = s.id AND h.status = 'active' AND h.expires_at <= \(bind: now)), 0)), ',')
               FROM ticket_type_sessions tts JOIN sessions s ON s.id = tts.session_id WHERE tts.ticket_type_id = t.id) AS sessions
            FROM ticket_types t JOIN events e ON e.id = t.event_id WHERE t.id = \(bind: ticketTypeID)
            """).first()
        else { throw InventoryError.ticketTypeNotFound }
        var codes: [UUID: String] = [:]
        var rooms: [UUID: (Int, Bool)] = [:]
        for entry in (try row.optional("sessions", String.self) ?? "").split(separator: ",") {
            let parts = entry.split(separator: ":")
            guard parts.count == 4, let id = UUID(uuidString: String(parts[0])), let number = Int(parts[1]), let room = Int(parts[3]) else { continue }
            codes[id] = "S\(number)"
            rooms[id] = (room, parts[2] == "1")
        }
        let context = SaleContext(
            ticketTypeID: ticketTypeID, eventID: try row.decode(column: "event_id", as: UUID.self),
            eventStatus: try row.decode(column: "status", as: String.self), active: try row.decode(column: "active", as: Bool.self),
            salesStart: try row.optional("sales_start", Date.self), salesEnd: try row.decode(column: "sales_end", as: Date.self),
            maxPerOrder: try row.decode(column: "max_per_order", as: Int.self),
            target: .init(ticketTypeID: ticketTypeID, sessionIDs: codes.keys.sorted { $0.uuidString < $1.uuidString }, sessionCodes: codes))
        return SaleSnapshot(
            context: context, priceMinor: try row.decode(column: "price_minor", as: Int.self),
            memberPriceMinor: try row.optional("member_price_minor", Int.self), currency: try row.decode(column: "currency", as: String.self),
            sessionRoom: rooms, typeRoom: try row.optional("type_room", Int.self))
    }

    /// The refusal this read already shows, worded as the seat ledger words it; nil when the places seem to be there.
    package func shortage(requested quantity: Int) -> InventoryError? {
        var fewest: (code: String, left: Int)?
        for (id, session) in sessionRoom {
            let left = session.active ? max(0, session.room) : 0
            let code = context.target.sessionCodes[id] ?? "?"
            if fewest == nil || left < fewest!.left || (left == fewest!.left && code < fewest!.code) { fewest = (code, left) }
        }
        let sessionLeft = fewest?.left ?? 0
        let own = typeRoom.map { max(0, $0) }
        let available = min(sessionLeft, own ?? .max)
        guard available < quantity else { return nil }
        return .insufficientCapacity(
            ticketTypeID: context.ticketTypeID, requested: quantity, available: available,
            limitingSessionID: own.map { $0 < sessionLeft } == true ? nil : fewest?.code)
    }
}
