public import Domain
import FluentKit
import Foundation
public import Mail
public import Outbox
public import Persistence
import SQLKit

/// Delivers `email.order_notice`, which the one lifecycle writes with every move of an order: tells the buyer what the
/// move means to them. A payment received later (now with the tickets and their QR codes), a declined card, an order
/// expired unpaid, a cancellation (by the buyer or by an organizer), a refund made by hand. Moves that other messages
/// tell are passed over: a late payment (`email.payment_notice`), an event's cancellation (its cascade's own notice),
/// a card refund (told when the processor has made it).
public struct OrderNoticeMail: MessageHandler {
    public var name: String { "order-notice-mail" }
    public var retry: RetryPolicy { .mail }

    let buyer: BuyerMail
    var store: DatabaseStore { buyer.store }
    var composer: any MailComposing { buyer.composer }

    public init(
        store: DatabaseStore, mailer: any Mailer, composer: any MailComposing,
        ticketImages: OrderConfirmationMail.TicketImages? = nil
    ) {
        buyer = BuyerMail(store: store, mailer: mailer, composer: composer, ticketImages: ticketImages)
    }

    public func handle(_ notice: OrderNotice, delivery message: OutboxDelivery) async throws {
        guard let template = try await template(for: notice),
            let facts = try await OrderMailFacts.load(notice.orderId, store: store)
        else { return }
        let brand = try await composer.brand(organizationID: facts.event.organizationID)
        var values = facts.values(brand.format)
        var content = MailContent(template)
        var tickets: [OrderMailFacts.Ticket] = []
        switch template {
        case .paymentReceived:
            tickets = facts.validTickets
            content.items = facts.ticketLines(tickets, brand.format, withSessions: true)
        case .paymentFailed:
            if case .cardPaymentFailed(let processorSays)? = notice.cause {
                values["reason"] = QuotedClause.inSentence(processorSays ?? "no reason given")
            }
            content.link = composer.link("/embed/events/\(facts.event.id!.uuidString.lowercased())")
        case .orderExpired:
            content.link = composer.link("/embed/events/\(facts.event.id!.uuidString.lowercased())")
        case .orderCancelled:
            let byBuyer =
                notice.actor == "anonymous" || (notice.actorId != nil && notice.actorId == facts.order.userID)
            if !byBuyer { values["byOrganizer"] = "yes" }
            if notice.from == .paid { values["paid"] = "yes" }
        default:
            break
        }
        content.values = values
        try await buyer.send(content, about: facts, brand: brand, codesOf: tickets, at: message.createdAt)
    }

    /// Which message a move owes the buyer; nil for moves another message tells (the lifecycle writes no notice for
    /// most of those: `OrderNotice.isOwed`).
    func template(for notice: OrderNotice) async throws -> MailTemplate? {
        let system = notice.system.map(TransitionActor.system) ?? .anonymous
        guard OrderNotice.isOwed(from: notice.from, to: notice.to, actor: system) else { return nil }
        switch notice.to {
        case .paid: return .paymentReceived
        case .expired: return .orderExpired
        case .cancelled: return notice.system == .payments ? .paymentFailed : .orderCancelled
        case .refunded:
            // A card refund is told when the processor has made it (`refund_issued`).
            let card = try await store.sql().raw(
                "SELECT id FROM refunds WHERE order_id = \(bind: notice.orderId) AND status <> 'manual' LIMIT 1"
            ).first()
            return card == nil ? .orderRefunded : nil
        case .pending: return nil
        }
    }
}

/// Delivers `email.ticket_reissued`: the ticket's new QR code, to its order's buyer.
public struct TicketReissuedMail: MessageHandler {
    public var name: String { "ticket-reissued-mail" }
    public var retry: RetryPolicy { .mail }

    let buyer: BuyerMail
    var store: DatabaseStore { buyer.store }
    var composer: any MailComposing { buyer.composer }

    public init(
        store: DatabaseStore, mailer: any Mailer, composer: any MailComposing,
        ticketImages: OrderConfirmationMail.TicketImages? = nil
    ) {
        buyer = BuyerMail(store: store, mailer: mailer, composer: composer, ticketImages: ticketImages)
    }

    public func handle(_ reissued: TicketReissued, delivery message: OutboxDelivery) async throws {
        guard let facts = try await OrderMailFacts.load(reissued.orderId, store: store),
            let ticket = facts.validTickets.first(where: { $0.id == reissued.ticketId })
        else { return }
        let brand = try await composer.brand(organizationID: facts.event.organizationID)
        var values = facts.values(brand.format)
        values["ticketLabel"] = ticket.label
        let content = MailContent(
            .ticketReissued, values: values, items: facts.ticketLines([ticket], brand.format, withSessions: true))
        // The code as it is at sending: a second reissue since sends its own message with the newer code.
        try await buyer.send(content, about: facts, brand: brand, codesOf: [ticket], at: message.createdAt)
    }
}
