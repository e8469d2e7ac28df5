public import Foundation

/// Why a ticket type cannot be bought right now.
public enum AvailabilityConstraint: String, Sendable, Codable {
    case eventNotPublished = "EVENT_NOT_PUBLISHED"
    case inactive = "INACTIVE"
    case salesNotStarted = "SALES_NOT_STARTED"
    case salesEnded = "SALES_ENDED"
    /// The ticket type's own quantity is used up.
    case soldOut = "SOLD_OUT"
    /// A session the ticket type includes has no seat left.
    case sessionFull = "SESSION_FULL"
}

/// The counters of one session, as read inside one query.
public struct SessionCounters: Sendable, Equatable {
    public var code: String
    public var capacity: Int
    public var sold: Int
    public var held: Int
    public var active: Bool

    public init(code: String, capacity: Int, sold: Int, held: Int, active: Bool) {
        self.code = code
        self.capacity = capacity
        self.sold = sold
        self.held = held
        self.active = active
    }

    public var remaining: Int { max(0, capacity - sold - held) }
}

/// What availability needs to know about a ticket type.
public struct TicketTypeCounters: Sendable, Equatable {
    public var id: UUID
    public var sessionCodes: [String]
    /// The ticket type's own limit, if it has one.
    public var quantityLimit: Int?
    public var sold: Int
    public var held: Int
    public var maxPerOrder: Int
    public var salesStart: Date?
    public var salesEnd: Date
    public var active: Bool

    public init(
        id: UUID, sessionCodes: [String], quantityLimit: Int?, sold: Int, held: Int, maxPerOrder: Int,
        salesStart: Date?, salesEnd: Date, active: Bool
    ) {
        self.id = id
        self.sessionCodes = sessionCodes
        self.quantityLimit = quantityLimit
        self.sold = sold
        self.held = held
        self.maxPerOrder = maxPerOrder
        self.salesStart = salesStart
        self.salesEnd = salesEnd
        self.active = active
    }
}

/// How many of a ticket type can still be sold, and if none, why.
public struct TicketTypeAvailability: Sendable, Equatable {
    public var ticketTypeID: UUID
    /// min(own remaining, min over included sessions of capacity − sold − held).
    public var available: Int
    public var isAvailable: Bool
    /// What one order may take now: `available` bounded by the per-order maximum; 0 when not available.
    public var maxPurchasable: Int
    public var constraint: AvailabilityConstraint?
    /// The included sessions whose remaining seats are what limits `available`.
    public var limitingSessionCodes: [String]
}

/// Availability in the Event Session Matrix (events, sessions, ticket types spanning sessions): a ticket type sells no more than its own
/// remaining quantity, nor more than the fullest session it includes has left.
public enum AvailabilityCalculator {
    public static func ticketType(
        _ type: TicketTypeCounters, sessions: [String: SessionCounters], eventPublished: Bool, now: Date
    ) -> TicketTypeAvailability {
        let included = type.sessionCodes.compactMap { sessions[$0] }
        let sessionRemaining = included.map(\.remaining).min() ?? 0
        let ownRemaining = type.quantityLimit.map { max(0, $0 - type.sold - type.held) }
        let available = min(ownRemaining ?? .max, sessionRemaining)
        // Sessions are named as limiting when they bind at least as tightly as the type's own limit.
        let limiting =
            included.isEmpty || sessionRemaining > (ownRemaining ?? .max)
            ? [] : included.filter { $0.remaining == sessionRemaining }.map(\.code)

        let constraint: AvailabilityConstraint? =
            if !eventPublished {
                .eventNotPublished
            } else if !type.active || included.contains(where: { !$0.active }) || included.isEmpty {
                .inactive
            } else if let start = type.salesStart, now < start { .salesNotStarted } else if now >= type.salesEnd {
                .salesEnded
            } else if ownRemaining == 0 { .soldOut } else if sessionRemaining == 0 { .sessionFull } else { nil }
        let isAvailable = constraint == nil
        return TicketTypeAvailability(
            ticketTypeID: type.id,
            available: available,
            isAvailable: isAvailable,
            maxPurchasable: isAvailable ? min(available, type.maxPerOrder) : 0,
            constraint: constraint,
            limitingSessionCodes: limiting
        )
    }
}
