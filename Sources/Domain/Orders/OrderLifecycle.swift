public import Foundation

/// Where an order is in its life. Every change of status goes through `OrderStatus.canMove(to:)`.
public enum OrderStatus: String, Sendable, Codable, CaseIterable {
    /// Waiting for payment; its places are held until the payment deadline.
    case pending
    case paid
    case cancelled
    case refunded
    /// Unpaid at its deadline; its places went back on sale.
    case expired

    /// The status as of `now`: a pending order past its payment deadline is expired from that instant, whether
    /// or not the sweeper has recorded it yet.
    public func effective(paymentDeadline: Date?, now: Date) -> OrderStatus {
        if self == .pending, let paymentDeadline, paymentDeadline <= now { return .expired }
        return self
    }

    public func canMove(to next: OrderStatus) -> Bool {
        switch (self, next) {
        case (.pending, .paid), (.pending, .cancelled), (.pending, .expired), (.paid, .cancelled), (.paid, .refunded):
            true
        default:
            false
        }
    }

    /// What happens to the order's places when it moves to `next`.
    public func seatEffect(to next: OrderStatus) -> SeatEffect {
        switch (self, next) {
        case (.pending, .paid): .confirmHeld
        case (.pending, .cancelled), (.pending, .expired): .releaseHeld
        case (.paid, .cancelled), (.paid, .refunded): .releaseSold
        default: .none
        }
    }

    public enum SeatEffect: Sendable, Equatable {
        case none
        /// Held places become sold.
        case confirmHeld
        case releaseHeld
        case releaseSold
    }

    /// The status of the order's tickets once the order has this status.
    public var ticketStatus: String {
        switch self {
        case .pending: "pending"
        case .paid: "valid"
        case .cancelled, .expired: "cancelled"
        case .refunded: "refunded"
        }
    }
}

/// Short, human-friendly, unguessable order numbers: 10 characters of Crockford base32 (50 random bits).
public enum OrderNumber {
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    public static func generate<G: RandomNumberGenerator>(using generator: inout G) -> String {
        String((0..<10).map { _ in alphabet[Int.random(in: 0..<32, using: &generator)] })
    }

    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return generate(using: &generator)
    }
}
