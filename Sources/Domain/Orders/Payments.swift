import Foundation

/// Where one payment of an order stands. An order may have several (a card payment started again after the buyer gave
/// up on 3-D Secure, a manual payment recorded by an organizer); its status follows the first that succeeds.
public enum PaymentStatus: String, Sendable, Codable, CaseIterable {
    /// Created (at the processor or about to be); the buyer has not paid yet.
    case pending
    /// The buyer must act (3-D Secure) with the payment's client secret.
    case requiresAction = "requires_action"
    case succeeded
    /// Declined or refused; `failureReason` says why.
    case failed
    /// Given up, by us or by the processor.
    case canceled

    /// A payment in a final status never changes again (refunds are counted apart). A failed one is not final: the
    /// buyer's card form may confirm the same payment again with another card.
    public var isFinal: Bool { self == .succeeded || self == .canceled }
}

/// Where one refund stands: asked of the processor (`pending`) until it reports `succeeded` or `failed`; `manual` is
/// money an organizer must pay back outside BoxOffice (an offline order of a cancelled event).
public enum RefundStatus: String, Sendable, Codable, CaseIterable {
    case pending
    case succeeded
    case failed
    case manual
}

/// How a buyer pays, as they name it in a purchase.
public enum PaymentMethodName {
    /// A card, through the configured processor: `card`, and `CreditCard` as older clients send it (any case).
    public static func isCard(_ method: String) -> Bool {
        ["card", "creditcard", "credit_card"].contains(method.lowercased())
    }
}

/// What an order's payments allow refunding: paid in, less what is refunded or being refunded.
public struct RefundableAmount: Sendable, Equatable {
    public var paidMinor: Int
    public var refundedMinor: Int

    public init(paidMinor: Int, refundedMinor: Int) {
        self.paidMinor = paidMinor
        self.refundedMinor = refundedMinor
    }

    public var leftMinor: Int { max(0, paidMinor - refundedMinor) }
}
