import Domain
public import Foundation
public import Hummingbird

// Wire shapes of the catalog (EventSummary, EventDetails, Session, TicketType): the shapes of the Event Session Matrix
// API that clients were written against, field for field.
// Amounts are JSON numbers in major units (120.00 → 120) with the event's `currency` beside them.

public struct EventSummaryDTO: Codable, Sendable, Equatable {
    public var eventId: UUID
    public var title: String
    public var shortDescription: String
    public var eventType: String
    public var category: String?
    public var status: String
    public var startDate: Date?
    public var endDate: Date?
    public var venue: String?
    public var organizationId: UUID
    public var imageUrl: String?
    /// The largest session capacity: how many people the event can take.
    public var totalCapacity: Int
    /// The most seats left in any one session.
    public var availableSpots: Int
    public var hasMultipleSessions: Bool
    public var sessionCount: Int
    public var lowestPrice: Decimal?
    public var highestPrice: Decimal?
    public var currency: String
}

public struct EventListDTO: Codable, Sendable, ResponseEncodable {
    public var events: [EventSummaryDTO]
    public var page: Int
    public var perPage: Int
    public var total: Int
}

public struct VenueDTO: Codable, Sendable, Equatable, ResponseEncodable {
    public var venueId: UUID
    public var organizationId: UUID
    public var name: String
    public var address: String
    public var capacity: Int
}

public struct VenueListDTO: Codable, Sendable, ResponseEncodable {
    public var venues: [VenueDTO]
}

public struct OrganizerDTO: Codable, Sendable, Equatable {
    public var userId: UUID
    public var displayName: String
    public var role: String
}

public struct SessionDTO: Codable, Sendable, Equatable, ResponseEncodable {
    public var sessionId: String
    public var sessionName: String
    /// The session's start (the API calls it the session date).
    public var sessionDate: Date
    public var startTime: String
    public var endTime: String
    public var startsAt: Date
    public var endsAt: Date
    public var capacity: Int
    public var currentRegistrations: Int
    public var held: Int
    public var availableSpots: Int
    public var isActive: Bool
}

public struct SessionListDTO: Codable, Sendable, ResponseEncodable {
    public var sessions: [SessionDTO]
}

public struct TicketTypeDTO: Codable, Sendable, Equatable, ResponseEncodable {
    public var ticketTypeId: UUID
    public var eventId: UUID
    public var name: String
    public var description: String
    public var includedSessions: [String]
    public var price: Decimal
    public var memberPrice: Decimal?
    public var priceMinor: Int
    public var memberPriceMinor: Int?
    public var currency: String
    /// The ticket type's own quantity limit, if any.
    public var quantityLimit: Int?
    /// The most one order may take.
    public var maxQuantity: Int
    public var availableQuantity: Int
    public var sold: Int
    public var salesStartDate: Date?
    public var salesEndDate: Date
    public var isActive: Bool
    public var isHidden: Bool
    public var isAvailable: Bool
    public var constraintReason: String?
}

public struct TicketTypeListDTO: Codable, Sendable, ResponseEncodable {
    public var ticketTypes: [TicketTypeDTO]
}

public struct EventDetailsDTO: Codable, Sendable, Equatable, ResponseEncodable {
    public var eventId: UUID
    public var organizationId: UUID
    public var title: String
    public var shortDescription: String
    public var fullDescription: String
    public var eventType: String
    public var category: String?
    public var policiesProcedures: String?
    public var imageUrl: String?
    public var currency: String
    public var status: String
    public var isPublished: Bool
    public var startDate: Date?
    public var endDate: Date?
    public var venue: VenueDTO?
    public var organizers: [OrganizerDTO]
    public var sessions: [SessionDTO]
    public var ticketTypes: [TicketTypeDTO]
    /// Full refund until this many hours before a ticket's first session; absent: no refunds.
    public var refundCutoffHours: Int?
    /// Places one buyer may hold or keep pending for this event, when the event sets its own limit (0: none);
    /// absent: the installation's.
    public var buyerPlacesLimit: Int?
    /// Places one client address may have, when the event sets its own limit (0: none).
    public var addressPlacesLimit: Int?
    /// Percent of the smallest session one client address may have, when the event sets its own share (0: none).
    public var addressPlacesShare: Int?
    /// Whether buyers without an account may hold and order (false: signing in is required).
    public var guestCheckout: Bool
    public var createdAt: Date
    public var updatedAt: Date
}

public struct SessionAvailabilityDTO: Codable, Sendable, Equatable {
    public var sessionId: String
    public var capacity: Int
    public var sold: Int
    public var held: Int
    public var available: Int
    public var isActive: Bool
    public var hasWaitlist: Bool
    public var waitlistCount: Int
}

public struct TicketTypeAvailabilityDTO: Codable, Sendable, Equatable, ResponseEncodable {
    public var ticketTypeId: UUID
    public var eventId: UUID
    public var name: String
    public var availableQuantity: Int
    public var isAvailable: Bool
    public var maxPurchasable: Int
    public var constraintReason: String?
    public var limitingSessionIds: [String]
    /// The sessions this ticket type includes, with their counters.
    public var sessions: [SessionAvailabilityDTO]
    public var lastCalculated: Date
}

public struct AvailabilityDTO: Codable, Sendable, Equatable, ResponseEncodable {
    public var eventId: UUID
    public var sessions: [SessionAvailabilityDTO]
    public var ticketTypes: [TicketTypeAvailabilityDTO]
    public var lastCalculated: Date
}
