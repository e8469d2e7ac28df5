public import Domain
import FluentKit
import Foundation
public import Mail
public import Outbox
public import Persistence
import SQLKit

/// Delivers `email.payment_notice`: a buyer or the event's organizers (its organization's owners and organizers) told
/// of a late payment accepted or refunded, a refund made or failed, an event cancelled. Plain words for now; the
/// templates come with the email issue, on this delivery path.
public struct PaymentNoticeMail: OutboxHandler {
    public var name: String { "payment-notice-mail" }
    public var topics: Set<OutboxTopic> { [.paymentNotice] }
    public var retry: RetryPolicy { RetryPolicy(maxAttempts: 5, baseDelay: .seconds(30), maxDelay: .seconds(1800)) }

    let store: DatabaseStore
    let mailer: any Mailer
    let sender: MailAddress

    public init(store: DatabaseStore, mailer: any Mailer, sender: MailAddress) {
        self.store = store
        self.mailer = mailer
        self.sender = sender
    }

    public func handle(_ message: OutboxDelivery) async throws {
        let notice = try message.decode(PaymentNotice.self)
        let db = store.database()
        guard let order = try await OrderRecord.find(notice.orderId, on: db),
            let event = try await EventRecord.find(order.eventID, on: db)
        else { return }
        let refund = try await notice.refundId.asyncMap { try await RefundRow.find($0, on: store.sql()) } ?? nil
        let recipients: [MailAddress]
        switch notice.recipient {
        case .buyer:
            recipients = [MailAddress(order.buyerEmail, name: order.buyerName)]
        case .organizers:
            recipients = try await (db as! any SQLDatabase).raw(
                """
                SELECT u.email, u.display_name FROM memberships m JOIN users u ON u.id = m.user_id
                WHERE m.organization_id = \(bind: event.organizationID) AND m.role IN ('owner', 'organizer') ORDER BY u.email
                """
            ).all().map {
                MailAddress(
                    try $0.decode(column: "email", as: String.self), name: try $0.optional("display_name", String.self))
            }
        }
        guard !recipients.isEmpty else { return }
        let text = PaymentNoticeText(
            kind: notice.kind, recipient: notice.recipient, orderNumber: order.number, eventTitle: event.title,
            buyerName: order.buyerName, refundMinor: refund?.amountMinor, currency: order.currency,
            refundStatus: refund?.status, refundFailure: refund?.failureReason)
        try await mailer.send(
            MailMessage(from: sender, to: recipients, subject: text.subject, text: text.body))
    }
}

/// The words of a payment notice, apart from the database so that they are tested alone.
struct PaymentNoticeText {
    var kind: PaymentNotice.Kind
    var recipient: PaymentNotice.Recipient
    var orderNumber: String
    var eventTitle: String
    var buyerName: String
    var refundMinor: Int?
    var currency: String
    var refundStatus: RefundStatus?
    var refundFailure: String?

    var amount: String {
        guard let refundMinor else { return "" }
        let money = Money(minorUnits: refundMinor, currency: Currency(currency) ?? Currency("EUR")!)
        return String(format: "%.\(money.currency.minorDigits)f", NSDecimalNumber(decimal: money.decimal).doubleValue)
            + " \(money.currency.code)"
    }

    var subject: String {
        switch kind {
        case .latePaymentAccepted: "Order \(orderNumber): your payment arrived late and your tickets are confirmed"
        case .latePaymentRefunded: "Order \(orderNumber): your late payment is refunded"
        case .refundIssued: "Order \(orderNumber): refund of \(amount)"
        case .refundFailed: "Order \(orderNumber): a refund failed and needs you"
        case .eventCancelled: "\(eventTitle) is cancelled"
        }
    }

    var body: String {
        let greeting = recipient == .buyer ? "Hello \(buyerName)," : "Hello,"
        let line: String =
            switch (kind, recipient) {
            case (.latePaymentAccepted, .buyer):
                "your payment for order \(orderNumber) (\(eventTitle)) arrived after the order had expired. The places "
                    + "were still free, so your order is paid and your tickets are valid."
            case (.latePaymentAccepted, .organizers):
                "a payment for order \(orderNumber) of \(buyerName) (\(eventTitle)) arrived after the order expired; its "
                    + "places were free, and the order is paid."
            case (.latePaymentRefunded, .buyer):
                "your payment for order \(orderNumber) (\(eventTitle)) arrived after the order had expired and its places "
                    + "were taken. We are refunding it in full\(amount.isEmpty ? "" : " (\(amount))"); you need do nothing."
            case (.latePaymentRefunded, .organizers):
                "a payment for order \(orderNumber) of \(buyerName) (\(eventTitle)) arrived after the order expired, when "
                    + "its places were gone. It is being refunded in full\(amount.isEmpty ? "" : " (\(amount))")."
            case (.refundIssued, _):
                "\(amount) of your order \(orderNumber) (\(eventTitle)) has been refunded to your card. Banks take a few "
                    + "days to show it."
            case (.refundFailed, _):
                "the payment processor could not refund \(amount) of order \(orderNumber) of \(buyerName) (\(eventTitle))"
                    + "\(refundFailure.map { ": \($0)" } ?? ""). Please refund the buyer another way or try again."
            case (.eventCancelled, _):
                "we are sorry: \(eventTitle) has been cancelled, and with it your order \(orderNumber). If you paid, "
                    + "your money is being refunded; your tickets no longer open the doors."
            }
        return [greeting, "", line].joined(separator: "\n")
    }
}

extension Optional {
    fileprivate func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
