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

    /// A payment that succeeds after its order expired or was cancelled for want of payment (the payments decide which
    /// cancellations count: only their own) revives it (`paid`), if its places can be sold again; only the payments
    /// may ask this (`OrderLifecycle.move`).
    public var isRevivedByLatePayment: Bool { self == .expired || self == .cancelled }

    /// What happens to the order's places when it moves to `next`.
    public func placeEffect(to next: OrderStatus) -> PlaceEffect {
        switch (self, next) {
        case (.pending, .paid): .confirmHeld
        case (.pending, .cancelled), (.pending, .expired): .releaseHeld
        case (.paid, .cancelled), (.paid, .refunded): .releaseSold
        case (.expired, .paid), (.cancelled, .paid): .sellAgain
        default: .none
        }
    }

    public enum PlaceEffect: Sendable, Equatable {
        case none
        /// Held places become sold.
        case confirmHeld
        case releaseHeld
        case releaseSold
        /// A late payment revives the order: its places are sold again, if they are there.
        case sellAgain
    }

    /// The status of the order's tickets once the order has this status.
    public var ticketStatus: TicketStatus {
        switch self {
        case .pending: .pending
        case .paid: .valid
        case .cancelled, .expired: .cancelled
        case .refunded: .refunded
        }
    }

    /// What ends the hold that kept a pending order's places, when the order leaves `pending` for `self`.
    public var endOfHold: HoldStatus? {
        switch self {
        case .paid: .converted
        case .cancelled: .released
        case .expired: .expired
        case .pending, .refunded: nil
        }
    }
}

/// Where a ticket is in its life. Tickets follow their order (`OrderStatus.ticketStatus`), except that a buyer may
/// cancel one ticket of a paid order (`cancelled`, or `refunded` when the event's refund rule pays it back).
public enum TicketStatus: String, Sendable, Codable, CaseIterable {
    /// Its order waits for payment: it opens no door.
    case pending
    /// Paid: it opens the doors of its sessions.
    case valid
    case cancelled
    case refunded

    /// The statuses a ticket may leave for `next`: one move each, so a concurrent change makes the other one fail.
    public func canMove(to next: TicketStatus) -> Bool {
        switch (self, next) {
        case (.pending, .valid), (.pending, .cancelled), (.valid, .cancelled), (.valid, .refunded): true
        // A late payment revives an expired order's tickets (with new secrets: the old ones were revoked).
        case (.cancelled, .valid): true
        default: false
        }
    }
}

/// Where a hold is in its life. While `active` its places count as `held` in its ticket type and every session the
/// type includes; every other status is final and gave the places back (or, `converted`, made them sold).
public enum HoldStatus: String, Sendable, Codable, CaseIterable {
    case active
    /// Its owner let it go (or the pending order it kept was cancelled).
    case released
    /// Its time ran out (or the pending order it kept passed its payment deadline).
    case expired
    /// It became a paid order: its places are sold.
    case converted

    /// What the hold's places become when it ends this way.
    public var placeEffect: OrderStatus.PlaceEffect {
        switch self {
        case .active: .none
        case .converted: .confirmHeld
        case .released, .expired: .releaseHeld
        }
    }
}

/// Who changed an order, ticket or hold, as recorded on its transition: a person (signed in or not), a door kiosk, or
/// BoxOffice itself (a worker such as the hold sweeper, or a payment confirmation), named by what it is.
public enum TransitionActor: Sendable, Equatable {
    case anonymous
    case user(UUID)
    case kiosk(UUID)
    case system(SystemActor)
    case partner(UUID)

    public init(_ principal: Principal) {
        switch principal {
        case .anonymous: self = .anonymous
        case .user(let user): self = .user(user.id)
        case .kiosk(let kiosk): self = .kiosk(kiosk.id)
        case .system(let worker): self = .system(worker)
        case .partner(let partner): self = .partner(partner.keyID)
        }
    }

    /// `actor_kind` of a transition row.
    public var kind: String {
        switch self {
        case .anonymous: "anonymous"
        case .user: "user"
        case .kiosk: "kiosk"
        case .system: "system"
        case .partner: "partner"
        }
    }

    /// `actor_id` of a transition row; the system has none (`systemActor` names it).
    public var id: UUID? {
        switch self {
        case .user(let id), .kiosk(let id), .partner(let id): id
        case .anonymous, .system: nil
        }
    }

    /// The worker, when BoxOffice itself made the change: `system_actor` of a transition row.
    public var systemActor: SystemActor? {
        if case .system(let worker) = self { worker } else { nil }
    }
}
