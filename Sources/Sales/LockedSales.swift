package import Domain
package import FluentKit
import Foundation
import Persistence
import SQLKit

/// The seat rows a transaction decides on, read from rows it locks in the one lock order of BoxOffice: the included
/// sessions by ID, then the ticket types by ID, then anything else (holds, orders, tickets). Every path that moves a
/// seat counter starts here (a purchase batch, a hold, an order's or a ticket's change of status, the hold sweeper), so
/// no two transactions can wait on each other in a circle over these rows.
///
/// PostgreSQL takes `FOR NO KEY UPDATE`: it excludes other writers of the same rows but not the key-share locks that
/// inserting an order item, ticket or hold takes on its ticket type (a full `FOR UPDATE` would wait on those, and
/// with them form a cycle). SQLite has one connection and one writer: reading is enough.
package struct LockedSales: Sendable {
    package struct TicketType: Sendable {
        package var context: SaleContext
        package var priceMinor: Int
        package var memberPriceMinor: Int?
        package var currency: String
        /// The event's own limits on places per buyer and per address (nil: the installation's).
        package var buyerPlacesLimit: Int?
        package var addressPlacesLimit: Int?
        /// The event's own share of a session one address may take, in percent (nil: the installation's).
        package var addressPlacesShare: Int?
        /// The capacity of the smallest session the type includes: an address's share is of it.
        package var smallestCapacity: Int?
        /// Whether buyers without an account may take its places (the event's `guest_checkout`, true unless off).
        package var guestCheckout: Bool
    }

    /// Ticket types that exist; an unknown ID is absent.
    package var types: [UUID: TicketType]
    package var places: PlacesLeft

    /// Locks the sessions of `ticketTypeIDs`, then the types themselves, and reads what a sale decides on.
    package static func lock(_ ticketTypeIDs: some Collection<UUID>, on db: any Database) async throws -> LockedSales {
        let sql = db.sql
        guard !ticketTypeIDs.isEmpty else {
            return LockedSales(types: [:], places: PlacesLeft(sessions: [:], types: [:]))
        }
        let ids = Array(Set(ticketTypeIDs))
        let postgres = sql.dialect.name == "postgresql"
        // One statement locks every included session and says which type includes which.
        var sessions: [UUID: LockedSessionRow] = [:]
        var included: [UUID: [UUID]] = [:]
        for row in try await sql.raw(
            """
            SELECT s.id, s.number, s.active, s.capacity, s.capacity - s.sold - s.held AS room, x.ticket_type_id
            FROM sessions s JOIN ticket_type_sessions x ON x.session_id = s.id WHERE x.ticket_type_id IN (\(binds: ids))
            ORDER BY s.id
            """ + (postgres ? " FOR NO KEY UPDATE OF s" : "")
        ).all(rows: LockedSessionRow.self) {
            sessions[row.id] = row
            included[row.ticketTypeId, default: []].append(row.id)
        }
        let rows = try await sql.raw(
            """
            SELECT t.id, t.event_id, t.active, t.sales_start, t.sales_end, t.max_per_order, t.price_minor, t.member_price_minor,
              t.quantity_limit - t.sold - t.held AS own_room, e.status, e.currency, e.buyer_places_limit,
              e.address_places_limit, e.address_places_share, e.guest_checkout
            FROM ticket_types t JOIN events e ON e.id = t.event_id WHERE t.id IN (\(binds: ids))
            ORDER BY t.id
            """ + (postgres ? " FOR NO KEY UPDATE OF t" : "")
        ).all(rows: LockedTypeRow.self)
        var types: [UUID: TicketType] = [:]
        var ownRoom: [UUID: Int] = [:]
        for row in rows {
            let id = row.id
            let sessionIDs = (included[id] ?? []).sorted { $0.uuidString < $1.uuidString }
            let context = SaleContext(
                ticketTypeID: id, eventID: row.eventId, eventStatus: row.status, active: row.active,
                salesStart: row.salesStart, salesEnd: row.salesEnd, maxPerOrder: row.maxPerOrder,
                target: .init(
                    ticketTypeID: id, sessionIDs: sessionIDs,
                    sessionCodes: sessionIDs.reduce(into: [:]) { codes, session in
                        codes[session] = sessions[session].map { SessionCode(number: $0.number).description }
                    }))
            types[id] = TicketType(
                context: context, priceMinor: row.priceMinor, memberPriceMinor: row.memberPriceMinor,
                currency: row.currency, buyerPlacesLimit: row.buyerPlacesLimit,
                addressPlacesLimit: row.addressPlacesLimit, addressPlacesShare: row.addressPlacesShare,
                smallestCapacity: sessionIDs.compactMap { sessions[$0]?.capacity }.min(),
                guestCheckout: row.guestCheckout ?? true)
            if let room = row.ownRoom { ownRoom[id] = room }
        }
        let room = sessions.compactMapValues { $0.active ? $0.room : nil }
        return LockedSales(types: types, places: PlacesLeft(sessions: room, types: ownRoom))
    }

    /// The one decision of a sale, for every way to take places (a purchase, paid at once or pending; a hold; a
    /// reserve): the ticket type exists and belongs to the request's event, the catalog has it on sale now for this
    /// quantity, and the places are there, in every included session and under the type's own limit. On success the
    /// places are taken into `counter` (which may depend on the type, as a price decides whether an order waits for
    /// payment) and the type is returned; otherwise nothing is taken and the refusal is thrown.
    /// - Parameter guest: the buyer has no account; refused where the event sells to signed-in buyers only.
    package mutating func decide(
        _ ticketTypeID: UUID?, quantity: Int, eventID: UUID?, now: Date, guest: Bool = false,
        into counter: (TicketType) -> PlaceLedger.Counter
    ) throws -> TicketType {
        guard let ticketTypeID, let type = types[ticketTypeID] else { throw SalesError.ticketTypeNotFound }
        try type.context.requireEvent(eventID)
        if guest, !type.guestCheckout { throw SalesError.signInRequired }
        try type.context.checkOnSale(quantity: quantity, now: now)
        if let shortage = places.take(quantity, of: type.context.target, into: counter(type)) { throw shortage }
        return type
    }

    /// What the type can still sell after this transaction's decisions.
    package func remaining(_ ticketTypeID: UUID) -> Int {
        guard let type = types[ticketTypeID] else { return 0 }
        return places.available(type.context.target).available
    }
}

extension LockedSales {
    /// The limits on places per buyer and per address of every event among the locked types: the event's own where it
    /// sets them, `defaults` otherwise, with an address's share taken of the smallest session among the locked types of
    /// the event. Read with the types, so a sale asks nothing more.
    package func placeLimits(defaults: PlaceLimits) -> [UUID: PlaceLimits] {
        var smallest: [UUID: Int] = [:]
        for type in types.values {
            guard let capacity = type.smallestCapacity else { continue }
            smallest[type.context.eventID] = min(smallest[type.context.eventID] ?? capacity, capacity)
        }
        return types.values.reduce(into: [:]) { limits, type in
            limits[type.context.eventID] = defaults.overridden(
                perBuyer: type.buyerPlacesLimit, perAddress: type.addressPlacesLimit,
                addressShare: type.addressPlacesShare
            ).resolved(smallestCapacity: smallest[type.context.eventID])
        }
    }
}

/// A session `LockedSales.lock` locked, once per ticket type that includes it.
private struct LockedSessionRow: Decodable {
    var id: UUID
    var number: Int
    var active: Bool
    var capacity: Int
    /// Places neither sold nor held.
    var room: Int
    var ticketTypeId: UUID
}

/// A ticket type `LockedSales.lock` locked, with what its event decides.
private struct LockedTypeRow: Decodable {
    var id: UUID
    var eventId: UUID
    var active: Bool
    var salesStart: Date?
    var salesEnd: Date
    var maxPerOrder: Int
    var priceMinor: Int
    var memberPriceMinor: Int?
    /// Under the type's own quantity limit; nil when it has none.
    var ownRoom: Int?
    /// The event's status.
    var status: String
    var currency: String
    var buyerPlacesLimit: Int?
    var addressPlacesLimit: Int?
    var addressPlacesShare: Int?
    var guestCheckout: Bool?
}
