import Domain
import FluentKit
public import Foundation
import HTTPCore
public import Hummingbird
import Identity
import Persistence
import SQLKit
import Sales

public struct TicketCancellationDTO: Codable, Sendable, Equatable, ResponseEncodable {
    public var ticketId: UUID
    public var status: String
    public var refundAmount: Decimal
    public var refundMinor: Int
    public var currency: String
    /// Why this refund: the event's rule as applied at this moment.
    public var rule: String
}

public struct UserTicketDTO: Codable, Sendable, Equatable {
    public var ticketId: UUID
    public var orderId: UUID
    public var orderNumber: String
    public var eventId: UUID
    public var eventTitle: String
    public var ticketTypeId: UUID
    public var ticketTypeName: String
    public var sessions: [String]
    public var status: String
    public var attendeeName: String
}

public struct UserTicketListDTO: Codable, Sendable, ResponseEncodable {
    public var tickets: [UserTicketDTO]
}

/// Tickets after checkout: a user's tickets, and cancelling one under the event's refund rule.
struct TicketService: Sendable {
    let store: DatabaseStore
    let payments: any OrderPayments

    func tickets(of userID: UUID, now: Date) async throws -> UserTicketListDTO {
        let sql = store.sql()
        let rows = try await sql.raw(
            """
            SELECT t.id, t.order_id, o.number, o.status AS order_status, o.payment_deadline, t.event_id, e.title, t.ticket_type_id,
                   tt.name, t.status, t.attendee_name
            FROM tickets t JOIN orders o ON o.id = t.order_id JOIN events e ON e.id = t.event_id JOIN ticket_types tt ON tt.id = t.ticket_type_id
            WHERE o.user_id = \(bind: userID) ORDER BY t.created_at DESC, t.id
            """
        ).all(rows: UserTicketRow.self)
        var codes: [UUID: [String]] = [:]
        let types = Set(rows.map(\.ticketTypeId))
        if !types.isEmpty {
            for row in try await sql.raw(
                """
                SELECT tts.ticket_type_id, s.number FROM ticket_type_sessions tts JOIN sessions s ON s.id = tts.session_id
                WHERE tts.ticket_type_id IN (\(binds: Array(types))) ORDER BY s.number
                """
            ).all(rows: SessionNumberRow.self) {
                codes[row.ticketTypeId, default: []].append(SessionCode(number: row.number).description)
            }
        }
        return UserTicketListDTO(
            tickets: rows.map { row in
                let typeID = row.ticketTypeId
                var status = row.status
                let orderStatus = OrderStatus(rawValue: row.orderStatus) ?? .pending
                if orderStatus.effective(paymentDeadline: row.paymentDeadline, now: now) == .expired {
                    status = OrderStatus.expired.ticketStatus.rawValue
                }
                return UserTicketDTO(
                    ticketId: row.id, orderId: row.orderId, orderNumber: row.number, eventId: row.eventId,
                    eventTitle: row.title, ticketTypeId: typeID, ticketTypeName: row.name,
                    sessions: codes[typeID] ?? [], status: status, attendeeName: row.attendeeName)
            })
    }

    /// Cancels one ticket of a paid order, frees its place in every session it includes, and refunds it in full
    /// if the event's refund cutoff before the ticket's first session has not passed (none otherwise).
    func cancel(_ ticketID: UUID, viewer: OrderViewer, now: Date) async throws -> TicketCancellationDTO {
        try await store.transaction { db in
            guard let ticket = try await TicketRecord.find(ticketID, on: db),
                let order = try await OrderRecord.find(ticket.orderID, on: db), viewer.owns(order)
            else { throw OrdersError.orderNotFound }
            guard order.status == OrderStatus.paid.rawValue else {
                throw OrdersError.invalidTransition(
                    from: "order \(OrderReads.effectiveStatus(order, now: now).rawValue)", to: "ticket cancelled")
            }
            guard let event = try await EventRecord.find(order.eventID, on: db) else { throw OrdersError.orderNotFound }
            let sql = db.sql
            let firstStart = try await sql.raw(
                """
                SELECT MIN(s.starts_at) AS starts_at FROM sessions s JOIN ticket_type_sessions tts ON tts.session_id = s.id
                WHERE tts.ticket_type_id = \(bind: ticket.ticketTypeID)
                """
            ).first(row: FirstStartRow.self)?.startsAt
            let unit =
                try await OrderItemRecord.query(on: db).filter(\.$orderID == order.id!).filter(
                    \.$ticketTypeID == ticket.ticketTypeID
                )
                .first()?.unitPriceMinor ?? 0
            let (refund, rule): (Int, String) =
                if let hours = event.refundCutoffHours, let firstStart {
                    now < firstStart.addingTimeInterval(-TimeInterval(hours * 3600))
                        ? (unit, "full refund until \(hours) hours before the first session")
                        : (0, "no refund within \(hours) hours of the first session")
                } else { (0, "this event gives no refunds") }
            let status: TicketStatus = refund > 0 ? .refunded : .cancelled
            do {
                try await TicketLifecycle.cancel(
                    ticketID, to: status, by: viewer.principal, reason: rule, unlessAdmitted: true, now: now, on: db)
            } catch SalesError.invalidTransition {
                throw OrdersError.invalidTransition(from: "ticket \(ticket.status)", to: status.rawValue)
            }
            if refund > 0 {
                // Paid back through the processor (or flagged for a manual refund), up to what is left of the order.
                let left = try await payments.refundableMinor(order: order.id!, on: db)
                if min(refund, left) > 0 {
                    try await payments.refund(
                        order: order.id!, amountMinor: min(refund, left), reason: "ticket cancelled: \(rule)",
                        actor: TransitionActor(viewer.principal), now: now, on: db)
                }
            }
            let currency = Currency.stored(order.currency)
            return TicketCancellationDTO(
                ticketId: ticketID, status: status.rawValue,
                refundAmount: Money(minorUnits: refund, currency: currency).decimal,
                refundMinor: refund, currency: currency.code, rule: rule)
        }
    }
}

/// One of a user's tickets with its order, event and ticket type.
private struct UserTicketRow: Decodable {
    var id: UUID
    var orderId: UUID
    var number: String
    var orderStatus: String
    var paymentDeadline: Date?
    var eventId: UUID
    var title: String
    var ticketTypeId: UUID
    var name: String
    var status: String
    var attendeeName: String
}

/// A session a ticket type includes, by its number.
private struct SessionNumberRow: Decodable {
    var ticketTypeId: UUID
    var number: Int
}

/// The first session's start of a ticket type (nil when it includes none).
private struct FirstStartRow: Decodable {
    var startsAt: Date?
}
