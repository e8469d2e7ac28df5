import Audit
import Domain
import FluentKit
import Foundation
import HTTPCore
import Identity
import Persistence
import SQLKit
import Sales

/// An order's money and names after checkout: its payments and refunds (buyer and organizers), a card payment started
/// again by the buyer (after they gave up on 3-D Secure, or to pay an offline order by card), and the attendee of a
/// ticket named or renamed later (seed 002's purchase names fewer attendees than tickets).
struct OrderPaymentsService: Sendable {
    let store: DatabaseStore
    let queries: OrderQueries
    let cardPayments: CardPayments
    let audit = AuditTrail()

    func payments(of orderID: UUID, viewer: OrderViewer, now: Date) async throws -> OrderPaymentsDTO {
        let db = store.database()
        guard let order = try await OrderRecord.find(orderID, on: db) else { throw OrdersError.orderNotFound }
        let buyer = viewer.owns(order)
        if !buyer { try await queries.requireManager(of: order, viewer.principal, db) }
        let sql = store.sql()
        let payments = try await PaymentRow.of(order: orderID, on: sql)
        let refunds = try await RefundRow.of(order: orderID, on: sql)
        let paid = payments.filter { $0.status == .succeeded }
        let paidMinor = paid.reduce(0) { $0 + $1.amountMinor }
        let refundedMinor = paid.reduce(0) { $0 + $1.refundedMinor }
        return OrderPaymentsDTO(
            orderId: orderID, currency: order.currency, paidMinor: paidMinor, refundedMinor: refundedMinor,
            refundableMinor: PaymentRow.refundable(payments),
            // The client secret finishes a payment: the buyer's alone.
            payments: payments.map { $0.dto(showSecret: buyer) }, refunds: refunds.map(\.dto))
    }

    /// The buyer starts a card payment of their pending order.
    func pay(_ orderID: UUID, _ body: PayOrderRequest, viewer: OrderViewer, now: Date) async throws -> PaymentDTO {
        var problems = FieldProblems()
        if let token = body.paymentToken {
            problems.require((1...255).contains(token.count), "paymentToken", "must be 1 to 255 characters")
        }
        try problems.throwIfAny()
        guard let order = try await OrderRecord.find(orderID, on: store.database()), viewer.owns(order) else {
            throw OrdersError.orderNotFound
        }
        guard cardPayments.available else { throw OrdersError.cardPaymentsUnavailable("card") }
        return try await cardPayments.start(orderID, paymentToken: body.paymentToken, now: now)
    }

    /// Names (or renames) a ticket's attendee: its buyer, or the event's managers.
    func nameAttendee(
        _ ticketID: UUID, _ body: AttendeeRequest, viewer: OrderViewer, now: Date, meta: RequestMetadata
    ) async throws -> OrderTicketDTO {
        var problems = FieldProblems()
        let name = body.name?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        problems.require((1...100).contains(name.count), "name", "must be 1 to 100 characters")
        let email = body.email.flatMap(EmailAddress.init)?.value
        problems.require(email != nil, "email", "is not a valid email address")
        problems.require((body.dietaryRestrictions ?? "").count <= 500, "dietaryRestrictions", "is too long")
        problems.require((body.emergencyContact ?? "").count <= 200, "emergencyContact", "is too long")
        try problems.throwIfAny()
        let db = store.database()
        guard let ticket = try await TicketRecord.find(ticketID, on: db),
            let order = try await OrderRecord.find(ticket.orderID, on: db)
        else { throw OrdersError.orderNotFound }
        let buyer = viewer.owns(order)
        if !buyer { try await queries.requireManager(of: order, viewer.principal, db) }
        return try await store.transaction { db in
            guard
                let row = try await (db as! any SQLDatabase).raw(
                    """
                    UPDATE tickets SET attendee_name = \(bind: name), attendee_email = \(bind: email!),
                      dietary_restrictions = \(bind: body.dietaryRestrictions), emergency_contact = \(bind: body.emergencyContact)
                    WHERE id = \(bind: ticketID) AND status IN ('pending', 'valid') RETURNING status
                    """
                ).first()
            else { throw OrdersError.invalidTransition(from: "ticket \(ticket.status)", to: "renamed") }
            if !buyer, let event = try await EventRecord.find(order.eventID, on: db) {
                try await audit.record(
                    AuditEntry(
                        actor: AuditActor(viewer.principal), action: "ticket.attendee_named", targetType: "ticket",
                        targetID: ticketID.uuidString, organizationID: event.organizationID,
                        details: ["number": .string(order.number)]),
                    from: meta, at: now, on: db)
            }
            return OrderTicketDTO(
                ticketId: ticketID, ticketTypeId: ticket.ticketTypeID,
                status: try row.decode(column: "status", as: String.self), attendeeName: name, attendeeEmail: email!,
                dietaryRestrictions: body.dietaryRestrictions, emergencyContact: body.emergencyContact)
        }
    }
}

struct PayOrderRequest: Decodable, Sendable {
    var paymentToken: String?
}
