public import Domain
import FluentKit
public import Foundation
import HTTPCore
public import Mail
public import Outbox
public import Persistence

/// Delivers `email.order_confirmation`: the buyer's confirmation of an order, sent by the outbox worker after the
/// order committed. It confirms the order as it was created (its first transition), so a confirmation retried later
/// still confirms what was ordered: a paid order's tickets with the sessions each opens and their QR codes, or a
/// pending order's reservation (with a guest's email confirmation link). A pending order that moved on before its
/// confirmation went out (a card paid a moment later, an expiry) gets none: that move's own message
/// (`OrderNoticeMail`) tells it. A confirmation sent again on request, or after a late payment revived the order, shows it as it stands.
public struct OrderConfirmationMail: MessageHandler {
    public var name: String { "order-confirmation-mail" }
    /// Up to five tries; a permanent refusal (no such mailbox) fails at once.
    public var retry: RetryPolicy { .mail }

    let buyer: BuyerMail
    var store: DatabaseStore { buyer.store }
    var composer: any MailComposing { buyer.composer }
    /// The QR code of each valid ticket of an order, as a PNG (the code the kiosk reads): the door's, handed in by the
    /// composition root; nil sends the words alone.
    public typealias TicketImages =
        @Sendable (_ orderID: UUID, _ now: Date) async throws -> [(ticketID: UUID, png: [UInt8])]

    public init(
        store: DatabaseStore, mailer: any Mailer, composer: any MailComposing, ticketImages: TicketImages? = nil
    ) {
        buyer = BuyerMail(store: store, mailer: mailer, composer: composer, ticketImages: ticketImages)
    }

    public func handle(_ notice: OrderConfirmation, delivery message: OutboxDelivery) async throws {
        // An order deleted with its event since owes nothing any more.
        guard let facts = try await OrderMailFacts.load(notice.orderId, store: store) else { return }
        let now = OrderReads.effectiveStatus(facts.order, now: message.createdAt)
        let status: OrderStatus
        if notice.asItStands == true {
            status = now
        } else {
            let created = try await store.sql().raw(
                """
                SELECT to_status FROM order_transitions WHERE order_id = \(bind: notice.orderId) AND from_status IS NULL
                """
            ).first(row: CreatedRow.self)?.toStatus
            status = created.flatMap(OrderStatus.init(rawValue:)) ?? now
            if status == .pending, now != .pending { return }
        }
        guard status == .pending || status == .paid else { return }
        let brand = try await composer.brand(organizationID: facts.event.organizationID)
        let format = brand.format
        var values = facts.values(format)
        var link: String?
        if status == .pending {
            if facts.order.totalMinor == 0 { values["free"] = "yes" }
            if let token = notice.emailConfirmationToken, let deadline = facts.order.paymentDeadline {
                values["confirmBy"] = format.dateTime(deadline)
                link = composer.link("/orders/confirm-email?token=\(token)")
            } else if let deadline = facts.order.paymentDeadline {
                values["deadline"] = format.dateTime(deadline)
            }
            let content = MailContent(
                .orderReserved, values: values, items: facts.ticketLines(facts.tickets, format, withSessions: false),
                link: link)
            try await buyer.send(content, about: facts, brand: brand, at: message.createdAt)
        } else {
            let tickets = facts.validTickets
            let content = MailContent(
                .orderConfirmation, values: values, items: facts.ticketLines(tickets, format, withSessions: true))
            try await buyer.send(content, about: facts, brand: brand, codesOf: tickets, at: message.createdAt)
        }
    }
}

/// The status an order was created in, from its first transition.
private struct CreatedRow: Decodable {
    var toStatus: String
}
