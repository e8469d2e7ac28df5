public import Domain
package import FluentKit
public import Foundation
import HTTPCore
import Hummingbird
import Identity
package import Persistence
import SQLKit

/// The query of a page of orders: `page`, `perPage` (up to 100) and an optional `status`, read from the request.
struct OrderPage: Sendable {
    var number: Int
    var perPage: Int
    var status: String?

    init(_ query: QueryReader) throws {
        var reader = query
        number = reader.integerOrDefault("page")
        perPage = reader.integerOrDefault("perPage")
        status = reader.choice("status", as: OrderStatus.self)?.rawValue
        try reader.throwIfAny()
    }
}

/// Reading orders, tickets and registrations, each with the permission it needs decided here (the one layer that
/// authorizes): a buyer's own, an event's for its managers, the installation's for admins.
public struct OrderQueries: Sendable {
    let store: DatabaseStore
    let tickets: TicketService
    let authorizer = Authorizer()

    /// The signed-in buyer's orders, newest first.
    public func mine(_ user: UserIdentity, now: Date) async throws -> OrderListDTO {
        let db = store.database()
        let orders = try await OrderRecord.query(on: db).filter(\.$userID == user.id).sort(\.$createdAt, .descending)
            .all()
        return OrderListDTO(orders: try await OrderReads.dtos(orders, now: now, on: db))
    }

    /// Every order of the installation (admins).
    func all(_ page: OrderPage, by principal: Principal, now: Date) async throws -> OrderPageDTO {
        let db = store.database()
        try await authorizer.require(.platformOrdersRead, on: .platform, by: principal, database: db)
        return try await self.page(OrderRecord.query(on: db), page, now: now)
    }

    /// An event's orders (its managers).
    func ofEvent(_ eventID: UUID, _ page: OrderPage, by principal: Principal, now: Date) async throws -> OrderPageDTO {
        let db = store.database()
        guard let event = try await EventRecord.find(eventID, on: db) else { throw OrdersError.orderNotFound }
        try await authorizer.require(
            .eventManage, on: .event(organizationID: event.organizationID, eventID: eventID), by: principal,
            database: db)
        return try await self.page(OrderRecord.query(on: db).filter(\.$eventID == eventID), page, now: now)
    }

    /// One order by ID (its buyer, with the account or the order's token, or the event's managers) or by
    /// number with the buyer's email (or the token), so that numbers cannot be tried.
    func order(_ raw: String, viewer: OrderViewer, email: String?, now: Date) async throws -> OrderDTO {
        let db = store.database()
        if let id = UUID(uuidString: raw) {
            guard let order = try await OrderRecord.find(id, on: db) else { throw OrdersError.orderNotFound }
            if !viewer.owns(order) { try await requireManager(of: order, viewer.principal, db) }
            return try await OrderReads.order(id, now: now, on: db)
        }
        guard let order = try await OrderRecord.query(on: db).filter(\.$number == raw.uppercased()).first(),
            email.flatMap(EmailAddress.init)?.value == order.buyerEmail || viewer.owns(order)
        else { throw OrdersError.orderNotFound }
        return try await OrderReads.order(order.id!, now: now, on: db)
    }

    /// A user's tickets: their own, or anyone's for admins.
    func tickets(of userID: UUID, by caller: UserIdentity, now: Date) async throws -> UserTicketListDTO {
        if userID != caller.id {
            try await authorizer.require(
                .platformOrdersRead, on: .platform, by: .user(caller), database: store.database())
        }
        return try await tickets.tickets(of: userID, now: now)
    }

    package func requireManager(of order: OrderRecord, _ principal: Principal, _ db: any Database) async throws {
        guard case .user = principal, let event = try await EventRecord.find(order.eventID, on: db) else {
            throw OrdersError.orderNotFound
        }
        do {
            try await authorizer.require(
                .eventManage, on: .event(organizationID: event.organizationID, eventID: event.id!), by: principal,
                database: db)
        } catch {
            // To anyone else the order does not exist: numbers and IDs reveal nothing.
            throw OrdersError.orderNotFound
        }
    }

    private func page(_ query: QueryBuilder<OrderRecord>, _ page: OrderPage, now: Date) async throws -> OrderPageDTO {
        var query = query
        if let status = page.status { query = query.filter(\.$status == status) }
        let total = try await query.copy().count()
        let orders = try await query.sort(\.$createdAt, .descending).sort(\.$id)
            .range(lower: (page.number - 1) * page.perPage, upper: page.number * page.perPage - 1).all()
        return OrderPageDTO(
            orders: try await OrderReads.dtos(orders, now: now, on: store.database()), page: page.number,
            perPage: page.perPage, total: total)
    }

    /// Everyone registered for a session: the tickets, paid or awaiting payment, whose ticket type includes it.
    func registrations(_ sessionID: UUID, by principal: Principal, now: Date) async throws -> RegistrationListDTO {
        let db = store.database()
        guard let session = try await SessionRecord.find(sessionID, on: db),
            let event = try await EventRecord.find(session.eventID, on: db)
        else { throw OrdersError.sessionNotFound }
        try await authorizer.require(
            .eventManage, on: .event(organizationID: event.organizationID, eventID: event.id!),
            by: principal, database: db)
        let rows = try await db.sql.raw(
            """
            SELECT t.id, t.ticket_type_id, t.status, t.attendee_name, t.attendee_email, t.dietary_restrictions, t.emergency_contact,
                   o.number, o.status AS order_status, o.payment_deadline, tt.name AS type_name
            FROM tickets t
            JOIN ticket_type_sessions tts ON tts.ticket_type_id = t.ticket_type_id
            JOIN orders o ON o.id = t.order_id
            JOIN ticket_types tt ON tt.id = t.ticket_type_id
            WHERE tts.session_id = \(bind: sessionID) AND t.status IN ('valid', 'pending')
            ORDER BY t.attendee_name, t.id
            """
        ).all(rows: RegistrationRow.self)
        var registrations: [RegistrationDTO] = []
        for row in rows {
            let orderStatus = OrderStatus(rawValue: row.orderStatus) ?? .pending
            if orderStatus.effective(paymentDeadline: row.paymentDeadline, now: now) == .expired {
                continue
            }
            registrations.append(
                RegistrationDTO(
                    ticketId: row.id, orderNumber: row.number, ticketTypeId: row.ticketTypeId,
                    ticketTypeName: row.typeName, status: row.status, attendeeName: row.attendeeName,
                    attendeeEmail: row.attendeeEmail, dietaryRestrictions: row.dietaryRestrictions,
                    emergencyContact: row.emergencyContact))
        }
        return RegistrationListDTO(
            sessionId: SessionCode(number: session.number).description, eventId: event.id!, registrations: registrations
        )
    }
}

/// A ticket registered for a session, with its order and ticket type.
private struct RegistrationRow: Decodable {
    var id: UUID
    var ticketTypeId: UUID
    var status: String
    var attendeeName: String
    var attendeeEmail: String
    var dietaryRestrictions: String?
    var emergencyContact: String?
    var number: String
    var orderStatus: String
    var paymentDeadline: Date?
    var typeName: String
}
