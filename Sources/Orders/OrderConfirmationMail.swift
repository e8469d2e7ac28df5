public import Domain
import FluentKit
public import Foundation
import HTTPCore
public import Mail
public import Outbox
public import Persistence

/// Delivers `email.order_confirmation`: the buyer's confirmation of an order, sent by the outbox worker after the
/// order committed. It reads the order's rows at delivery and judges its status as of when the message was written, so
/// a confirmation retried later still confirms what was ordered (a later payment has its own message).
/// The message's wording and layout become templates with the email issue; the delivery path is this one.
public struct OrderConfirmationMail: OutboxHandler {
    public var name: String { "order-confirmation-mail" }
    public var topics: Set<OutboxTopic> { [.orderConfirmation] }
    /// Seed 004: up to five tries; a permanent refusal (no such mailbox) fails at once.
    public var retry: RetryPolicy { RetryPolicy(maxAttempts: 5, baseDelay: .seconds(30), maxDelay: .seconds(1800)) }

    let store: DatabaseStore
    let mailer: any Mailer
    let sender: MailAddress
    /// Where the installation's pages are reached from outside (`PUBLIC_URL`), for the links in the message.
    let publicURL: String
    /// The QR code of each valid ticket of an order, as a PNG (the code the kiosk reads): the door's, handed in by the
    /// composition root; nil sends the words alone.
    public typealias TicketImages =
        @Sendable (_ orderID: UUID, _ now: Date) async throws -> [(ticketID: UUID, png: [UInt8])]
    let ticketImages: TicketImages?

    public init(
        store: DatabaseStore, mailer: any Mailer, sender: MailAddress, publicURL: String = "http://localhost:8080",
        ticketImages: TicketImages? = nil
    ) {
        self.store = store
        self.mailer = mailer
        self.sender = sender
        self.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        self.ticketImages = ticketImages
    }

    public func handle(_ message: OutboxDelivery) async throws {
        let notice = try message.decode(OrderConfirmation.self)
        let db = store.database()
        // An order deleted with its event since owes nothing any more.
        guard let order = try await OrderRecord.find(notice.orderId, on: db),
            let event = try await EventRecord.find(order.eventID, on: db)
        else { return }
        let tickets = try await TicketRecord.query(on: db).filter(\.$orderID == notice.orderId).sort(\.$createdAt).all()
        let types = try await TicketTypeRecord.query(on: db).filter(\.$eventID == event.id!).all()
        let typeNames = Dictionary(uniqueKeysWithValues: types.map { ($0.id!, $0.name) })
        let status = OrderReads.effectiveStatus(order, now: message.createdAt)
        var mail = OrderConfirmationText(
            orderNumber: order.number, eventTitle: event.title, buyerName: order.buyerName, status: status,
            totalMinor: order.totalMinor, currency: order.currency, paymentDeadline: order.paymentDeadline,
            tickets: tickets.map { (typeNames[$0.ticketTypeID] ?? "Ticket", $0.attendeeName) },
            confirmationLink: notice.emailConfirmationToken.map {
                "\(publicURL)/orders/confirm-email?token=\($0)"
            }
        ).message(from: sender, to: MailAddress(order.buyerEmail, name: order.buyerName))
        // A paid order carries its tickets: one QR code each, inline, the same the kiosk reads.
        if status == .paid, let ticketImages {
            let labels = Dictionary(
                uniqueKeysWithValues: tickets.map {
                    ($0.id!, "\(typeNames[$0.ticketTypeID] ?? "Ticket"): \($0.attendeeName)")
                })
            mail.attachTicketCodes(try await ticketImages(order.id!, message.createdAt), labels: labels)
        }
        try await mailer.send(mail)
    }
}

extension MailMessage {
    /// Each ticket's QR code inline (a PNG by `Content-ID`), shown under the message's words in an HTML alternative;
    /// nothing changes without images. The confirmation and the reminders carry their tickets this way.
    mutating func attachTicketCodes(_ images: [(ticketID: UUID, png: [UInt8])], labels: [UUID: String]) {
        guard !images.isEmpty else { return }
        func cid(_ ticket: UUID) -> String { "ticket-\(ticket.uuidString.lowercased())@boxoffice" }
        inline = images.map { InlinePart(contentID: cid($0.ticketID), contentType: "image/png", data: Data($0.png)) }
        html = OrderConfirmationText.html(
            text: text, tickets: images.map { (cid: cid($0.ticketID), label: labels[$0.ticketID] ?? "") })
    }
}

/// The words of an order confirmation, apart from the database so that they are tested alone.
struct OrderConfirmationText {
    /// The HTML alternative of a paid order's confirmation: its words, then each ticket with its QR code (`cid:`).
    static func html(text: String, tickets: [(cid: String, label: String)]) -> String {
        let escape = HTMLEscaping.escape
        let paragraphs = text.components(separatedBy: "\n\n").map {
            "<p>\(escape($0).replacingOccurrences(of: "\n", with: "<br>"))</p>"
        }
        let codes = tickets.map {
            """
            <figure><img src="cid:\(escape($0.cid))" alt="QR code of \(escape($0.label))" width="240" height="240">\
            <figcaption>\(escape($0.label))</figcaption></figure>
            """
        }
        return "<!doctype html><html><body>" + paragraphs.joined() + codes.joined() + "</body></html>"
    }

    var orderNumber: String
    var eventTitle: String
    var buyerName: String
    var status: OrderStatus
    var totalMinor: Int
    var currency: String
    var paymentDeadline: Date?
    var tickets: [(type: String, attendee: String)]
    /// A guest's offline order: the link that confirms their email, without which the places are released soon.
    var confirmationLink: String? = nil

    func message(from sender: MailAddress, to buyer: MailAddress) -> MailMessage {
        let money = Money(minorUnits: totalMinor, currency: Currency(currency) ?? Currency("EUR")!)
        let total = String(
            format: "%.\(money.currency.minorDigits)f", NSDecimalNumber(decimal: money.decimal).doubleValue)
        var lines = ["Hello \(buyerName),", ""]
        if status == .pending, let deadline = paymentDeadline, let link = confirmationLink {
            lines += [
                "we have reserved your tickets for \(eventTitle). Order \(orderNumber) waits for your payment of "
                    + "\(total) \(currency).",
                "",
                "Please confirm your email address by \(deadline.formatted(.iso8601)) to keep these places; "
                    + "unconfirmed, they are released then:",
                link,
            ]
        } else if status == .pending, let deadline = paymentDeadline {
            lines.append(
                "we have reserved your tickets for \(eventTitle). Order \(orderNumber) waits for your payment of "
                    + "\(total) \(currency) until \(deadline.formatted(.iso8601)); unpaid, it is released then.")
        } else {
            lines.append("thank you for your order \(orderNumber) for \(eventTitle).")
        }
        lines.append("")
        for ticket in tickets { lines.append("- \(ticket.type): \(ticket.attendee)") }
        lines += ["", "Total: \(total) \(currency)", "", "Your tickets' QR codes are in your order."]
        let subject =
            status == .pending ? "Order \(orderNumber) reserved: \(eventTitle)" : "Your tickets for \(eventTitle)"
        return MailMessage(from: sender, to: [buyer], subject: subject, text: lines.joined(separator: "\n"))
    }
}
