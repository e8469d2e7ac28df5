import Domain
public import FluentKit
import Foundation

/// A place where sessions happen, owned by an organization.
public final class VenueRecord: Model, @unchecked Sendable {
    public static let schema = "venues"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organization_id") public var organizationID: UUID
    @Field(key: "name") public var name: String
    @Field(key: "address") public var address: String
    @Field(key: "capacity") public var capacity: Int
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}

    public init(organizationID: UUID, name: String, address: String, capacity: Int, now: Date) {
        self.id = UUID.random()
        self.organizationID = organizationID
        self.name = name
        self.address = address
        self.capacity = capacity
        self.createdAt = now
        self.updatedAt = now
    }
}

/// An event: what is on, who runs it, in which state. Its start and end are kept equal to the earliest
/// start and latest end of its sessions, so lists can filter and sort on them with an index.
public final class EventRecord: Model, @unchecked Sendable {
    public static let schema = "events"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organization_id") public var organizationID: UUID
    @OptionalField(key: "venue_id") public var venueID: UUID?
    @Field(key: "title") public var title: String
    @Field(key: "short_description") public var shortDescription: String
    /// Sanitised HTML (`RichText.sanitize`), safe to show as it is.
    @Field(key: "full_description") public var fullDescription: String
    /// `EventType` raw value.
    @Field(key: "event_type") public var eventType: String
    @OptionalField(key: "category") public var category: String?
    @OptionalField(key: "policies") public var policies: String?
    @OptionalField(key: "image_url") public var imageURL: String?
    @Field(key: "currency") public var currency: String
    /// `EventStatus` raw value.
    @Field(key: "status") public var status: String
    @OptionalField(key: "starts_at") public var startsAt: Date?
    @OptionalField(key: "ends_at") public var endsAt: Date?
    /// The number the next session gets (S1, S2, …); never decreases, so numbers are never reused.
    @Field(key: "next_session_number") public var nextSessionNumber: Int
    @Field(key: "created_by") public var createdBy: UUID
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date
    @OptionalField(key: "published_at") public var publishedAt: Date?
    /// Full refund until this many hours before a ticket's first session, none after; nil: no refunds.
    @OptionalField(key: "refund_cutoff_hours") public var refundCutoffHours: Int?
    /// Places one buyer may hold or keep pending (nil: the installation's `BUYER_PLACES_LIMIT`; 0: no limit).
    @OptionalField(key: "buyer_places_limit") public var buyerPlacesLimit: Int?
    /// Places one client address may hold or keep pending (nil: `ADDRESS_PLACES_LIMIT`; 0: no limit).
    @OptionalField(key: "address_places_limit") public var addressPlacesLimit: Int?
    @OptionalField(key: "address_places_share") public var addressPlacesShare: Int?
    /// False: buyers must sign in to hold or order; nil or true: guests may.
    @OptionalField(key: "guest_checkout") public var guestCheckout: Bool?
    /// Minutes before each session that its ticket holders are reminded, comma-separated; null is the installation's.
    @OptionalField(key: "reminder_offsets") public var reminderOffsets: String?

    public init() {}

    public init(
        organizationID: UUID, venueID: UUID?, title: String, shortDescription: String, fullDescription: String,
        eventType: String, category: String?, policies: String?, imageURL: String?, currency: String, createdBy: UUID,
        now: Date
    ) {
        self.id = UUID.random()
        self.organizationID = organizationID
        self.venueID = venueID
        self.title = title
        self.shortDescription = shortDescription
        self.fullDescription = fullDescription
        self.eventType = eventType
        self.category = category
        self.policies = policies
        self.imageURL = imageURL
        self.currency = currency
        self.status = "draft"
        self.nextSessionNumber = 1
        self.createdBy = createdBy
        self.createdAt = now
        self.updatedAt = now
    }
}

/// A person who runs an event, with their role on it (`Primary`, `CoOrganizer`, `Assistant`).
public final class EventOrganizerRecord: Model, @unchecked Sendable {
    public static let schema = "event_organizers"

    @ID(key: .id) public var id: UUID?
    @Field(key: "event_id") public var eventID: UUID
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "role") public var role: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(eventID: UUID, userID: UUID, role: String, now: Date) {
        self.id = UUID.random()
        self.eventID = eventID
        self.userID = userID
        self.role = role
        self.createdAt = now
    }
}

/// One session of an event (S1, S2, …) with its seat counters. `sold + held <= capacity` is a CHECK
/// constraint: the database refuses an oversell even if the code were wrong.
public final class SessionRecord: Model, @unchecked Sendable {
    public static let schema = "sessions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "event_id") public var eventID: UUID
    @Field(key: "number") public var number: Int
    @Field(key: "name") public var name: String
    @Field(key: "starts_at") public var startsAt: Date
    @Field(key: "ends_at") public var endsAt: Date
    @Field(key: "capacity") public var capacity: Int
    @Field(key: "sold") public var sold: Int
    @Field(key: "held") public var held: Int
    @Field(key: "active") public var active: Bool
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}

    public init(
        eventID: UUID, number: Int, name: String, startsAt: Date, endsAt: Date, capacity: Int, active: Bool, now: Date
    ) {
        self.id = UUID.random()
        self.eventID = eventID
        self.number = number
        self.name = name
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.capacity = capacity
        self.sold = 0
        self.held = 0
        self.active = active
        self.createdAt = now
        self.updatedAt = now
    }

    public var code: String { SessionCode(number: number).description }
}

/// What a buyer buys: a price for one or more sessions of one event, with its own counters.
public final class TicketTypeRecord: Model, @unchecked Sendable {
    public static let schema = "ticket_types"

    @ID(key: .id) public var id: UUID?
    @Field(key: "event_id") public var eventID: UUID
    @Field(key: "name") public var name: String
    @Field(key: "description") public var description: String
    @Field(key: "price_minor") public var priceMinor: Int
    @OptionalField(key: "member_price_minor") public var memberPriceMinor: Int?
    /// The ticket type's own limit, beyond the sessions' capacities.
    @OptionalField(key: "quantity_limit") public var quantityLimit: Int?
    @Field(key: "sold") public var sold: Int
    @Field(key: "held") public var held: Int
    @Field(key: "max_per_order") public var maxPerOrder: Int
    @OptionalField(key: "sales_start") public var salesStart: Date?
    @Field(key: "sales_end") public var salesEnd: Date
    @Field(key: "active") public var active: Bool
    @Field(key: "hidden") public var hidden: Bool
    @Field(key: "sort_order") public var sortOrder: Int
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}

    public init(
        eventID: UUID, name: String, description: String, priceMinor: Int, memberPriceMinor: Int?, quantityLimit: Int?,
        maxPerOrder: Int, salesStart: Date?, salesEnd: Date, active: Bool, hidden: Bool, sortOrder: Int, now: Date
    ) {
        self.id = UUID.random()
        self.eventID = eventID
        self.name = name
        self.description = description
        self.priceMinor = priceMinor
        self.memberPriceMinor = memberPriceMinor
        self.quantityLimit = quantityLimit
        self.sold = 0
        self.held = 0
        self.maxPerOrder = maxPerOrder
        self.salesStart = salesStart
        self.salesEnd = salesEnd
        self.active = active
        self.hidden = hidden
        self.sortOrder = sortOrder
        self.createdAt = now
        self.updatedAt = now
    }
}

/// Which sessions a ticket type includes.
public final class TicketTypeSessionRecord: Model, @unchecked Sendable {
    public static let schema = "ticket_type_sessions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "ticket_type_id") public var ticketTypeID: UUID
    @Field(key: "session_id") public var sessionID: UUID

    public init() {}

    public init(ticketTypeID: UUID, sessionID: UUID) {
        self.id = UUID.random()
        self.ticketTypeID = ticketTypeID
        self.sessionID = sessionID
    }
}
