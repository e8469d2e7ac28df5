public import Domain
import FluentKit
import Foundation
public import Mail
import Orders
public import Outbox
public import Persistence
import SQLKit

/// Delivers `email.payment_notice`: a buyer or the event's organizers (its organization's owners and organizers) told
/// of a late payment accepted or refunded, a refund made or failed, an event cancelled.
public struct PaymentNoticeMail: MessageHandler {
    public var name: String { "payment-notice-mail" }
    public var retry: RetryPolicy { .mail }

    let store: DatabaseStore
    let mailer: any Mailer
    let composer: any MailComposing

    public init(store: DatabaseStore, mailer: any Mailer, composer: any MailComposing) {
        self.store = store
        self.mailer = mailer
        self.composer = composer
    }

    public func handle(_ notice: PaymentNotice, delivery message: OutboxDelivery) async throws {
        guard let facts = try await OrderMailFacts.load(notice.orderId, store: store) else { return }
        let refund = try await notice.refundId.asyncMap { try await RefundRow.find($0, on: store.sql()) } ?? nil
        let recipients: [MailAddress]
        switch notice.recipient {
        case .buyer:
            recipients = [facts.buyer]
        case .organizers:
            recipients = try await OrganizerRecipients.of(facts.event.organizationID, on: store.sql())
        }
        guard !recipients.isEmpty else { return }
        let brand = try await composer.brand(organizationID: facts.event.organizationID)
        var values = facts.values(brand.format)
        values["buyerName"] = facts.order.buyerName
        if let refund {
            values["amount"] = brand.format.money(
                minorUnits: refund.amountMinor, currency: facts.order.currency,
                minorDigits: Currency(facts.order.currency)?.minorDigits ?? 2)
            if let failure = refund.failureReason { values["reason"] = QuotedClause.inSentence(failure) }
        }
        // Organizers are greeted without a name: the message goes to all of them.
        if notice.recipient == .organizers { values["name"] = nil }
        let template: MailTemplate =
            switch (notice.kind, notice.recipient) {
            case (.latePaymentAccepted, .buyer): .latePaymentAccepted
            case (.latePaymentAccepted, .organizers): .latePaymentAcceptedOrganizers
            case (.latePaymentRefunded, .buyer): .latePaymentRefunded
            case (.latePaymentRefunded, .organizers): .latePaymentRefundedOrganizers
            case (.refundIssued, _): .refundIssued
            case (.refundFailed, _): .refundFailed
            case (.eventCancelled, _): .eventCancelled
            }
        // The buyer hears about their own order; organizers are accounts, confirmed when verified.
        try await composer.send(
            MailContent(template, values: values), to: recipients,
            as: notice.recipient == .buyer ? .order(confirmationAsked: false) : .confirmedOnly, brand: brand,
            via: mailer, now: message.createdAt)
    }
}

/// An organization's owners and organizers, who are told what needs them.
enum OrganizerRecipients {
    static func of(_ organizationID: UUID, on sql: any SQLDatabase) async throws -> [MailAddress] {
        try await sql.raw(
            """
            SELECT u.email, u.display_name FROM memberships m JOIN users u ON u.id = m.user_id
            WHERE m.organization_id = \(bind: organizationID) AND m.role IN ('owner', 'organizer') ORDER BY u.email
            """
        ).all(rows: OrganizerRow.self).map {
            MailAddress($0.email, name: $0.displayName)
        }
    }
}

extension Optional {
    fileprivate func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}

/// An owner's or organizer's address.
private struct OrganizerRow: Decodable {
    var email: String
    var displayName: String?
}
