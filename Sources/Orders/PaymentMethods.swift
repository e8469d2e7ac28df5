public import Foundation

/// How an order starts being paid for.
public enum PaymentStart: Sendable, Equatable {
    /// Settled at once: the order is paid in the checkout's own transaction.
    case paid
    /// Pending until the payment is confirmed (an organizer marking an offline order paid; the processor's word on a
    /// card payment). The order keeps its places until `deadline`.
    case awaiting(deadline: Date)
}

/// A way to pay, as checkout decides it: synchronously, inside the sale's transaction, so that the decision commits
/// with the order. It never talks to the card processor (that is the payments feature, through the `PaymentGateway`
/// seam): a card method only answers `.awaiting`, and the card payment is started after the sale commits, its
/// confirmation moving the order through `OrderStatus` like any other.
public protocol PaymentMethod: Sendable {
    /// Stored as the order's `provider`: `free`, `offline`, or the card processor's name.
    var name: String { get }
    func start(totalMinor: Int, now: Date) -> PaymentStart
}

/// Nothing to pay: a total of zero is paid at once.
public struct FreeMethod: PaymentMethod {
    public static let name = "free"
    public var name: String { Self.name }
    public init() {}

    public func start(totalMinor: Int, now: Date) -> PaymentStart { .paid }
}

/// Pay by transfer or at the door: the order waits, holding its places, until an organizer marks it paid or its
/// payment window closes.
public struct OfflineMethod: PaymentMethod {
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
/// (`OrderPayments.startCardPayment`). Its name is the processor's (`stripe`).
public struct CardMethod: PaymentMethod {
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

/// Which method takes an order: free when there is nothing to pay, otherwise the buyer's.
struct PaymentMethods: Sendable {
    let offline: OfflineMethod
    /// Nil when no processor is configured: card methods are refused then.
    let card: CardMethod?

    /// Offline methods a buyer may name; card ones are `PaymentMethodName.isCard`.
    static let offlineMethods: Set<String> = ["offline", "transfer", "door", "cash", "invoice", "free"]

    func method(totalMinor: Int, card wantsCard: Bool) -> any PaymentMethod {
        if totalMinor == 0 { return FreeMethod() }
        if wantsCard, let card { return card }
        return offline
    }
}
