public import Foundation

/// How an order starts being paid for.
public enum PaymentStart: Sendable, Equatable {
    /// Settled at once: the order is paid in the checkout's own transaction.
    case paid
    /// Pending until the provider confirms (an organizer marking an offline order paid today; a signed card webhook
    /// later). The order keeps its places until `deadline`.
    case awaiting(deadline: Date)
}

/// A way to pay. Checkout asks the provider how payment starts inside its transaction, so the decision commits with
/// the order. A card provider fits the same shape: it answers `.awaiting`, and the work that talks to the card
/// network (create a payment with the order's idempotency key, refund) runs from outbox rows after commit, with its
/// confirmation arriving by signed webhook and moving the order through `OrderStatus` like any other.
public protocol PaymentProvider: Sendable {
    /// Stored on the order: `free`, `offline`, …
    var name: String { get }
    func start(totalMinor: Int, now: Date) -> PaymentStart
}

/// Nothing to pay: a total of zero is paid at once.
public struct FreeProvider: PaymentProvider {
    public static let name = "free"
    public var name: String { Self.name }
    public init() {}

    public func start(totalMinor: Int, now: Date) -> PaymentStart { .paid }
}

/// Pay by transfer or at the door: the order waits, holding its places, until an organizer marks it paid or its
/// payment window closes.
public struct OfflineProvider: PaymentProvider {
    public let window: Duration
    public static let name = "offline"
    public var name: String { Self.name }

    public init(window: Duration) {
        self.window = window
    }

    public func start(totalMinor: Int, now: Date) -> PaymentStart {
        .awaiting(deadline: now.addingTimeInterval(TimeInterval(window.components.seconds)))
    }
}

/// Pay by card through the configured processor: the order waits, holding its places, for the card payment window
/// (`CARD_PAYMENT_WINDOW`, 15 minutes by default); the payment itself is started after the sale commits
/// (`CardPayments`). The provider's name is the processor's (`stripe`).
public struct CardProvider: PaymentProvider {
    public let name: String
    public let window: Duration

    public init(name: String, window: Duration) {
        self.name = name
        self.window = window
    }

    public func start(totalMinor: Int, now: Date) -> PaymentStart {
        .awaiting(deadline: now.addingTimeInterval(TimeInterval(window.components.seconds)))
    }
}

/// Which provider takes an order: free when there is nothing to pay, otherwise the buyer's method.
struct PaymentProviders: Sendable {
    let offline: OfflineProvider
    /// Nil when no processor is configured: card methods are refused then.
    let card: CardProvider?

    /// Offline methods a buyer may name; card ones are `PaymentMethodName.isCard`.
    static let offlineMethods: Set<String> = ["offline", "transfer", "door", "cash", "invoice", "free"]

    func provider(totalMinor: Int, card wantsCard: Bool) -> any PaymentProvider {
        if totalMinor == 0 { return FreeProvider() }
        if wantsCard, let card { return card }
        return offline
    }
}
