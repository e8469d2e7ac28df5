import Domain
import Foundation
import Persistence

// Read models of the catalog's hot paths. Reads decode SQL rows straight into these plain values (`all(rows:)`,
// so `event_id` is `eventId`) instead of Fluent models: Fluent finds a model's fields by
// reflection on every row, which measured as a quarter of the server's CPU on the availability endpoint
// (docs/benchmarks.md). Writes keep using Fluent.

struct EventRow: Sendable, Decodable {
    var id: UUID
    var organizationId: UUID
    var venueId: UUID?
    var venueName: String?
    var venueAddress: String?
    var venueCapacity: Int?
    var title: String
    var shortDescription: String
    var fullDescription: String
    var eventType: String
    var category: String?
    var policies: String?
    var imageUrl: String?
    var currency: String
    var status: String
    var startsAt: Date?
    var endsAt: Date?
    var createdAt: Date
    var updatedAt: Date
    var refundCutoffHours: Int?
    var buyerPlacesLimit: Int?
    var addressPlacesLimit: Int?
    var addressPlacesShare: Int?
    var guestCheckout: Bool?

    /// Columns for `SELECT`, with the venue joined as `v`.
    static let columns = """
        e.id, e.organization_id, e.venue_id, e.title, e.short_description, e.full_description, e.event_type, e.category,
        e.policies, e.image_url, e.currency, e.status, e.starts_at, e.ends_at, e.created_at, e.updated_at, e.refund_cutoff_hours,
        e.buyer_places_limit, e.address_places_limit, e.address_places_share, e.guest_checkout, v.name AS venue_name, v.address AS venue_address, v.capacity AS venue_capacity
        """

    /// The joined venue, when the event has one.
    var venue: VenueDTO? {
        guard let venueId, let venueName else { return nil }
        return VenueDTO(
            venueId: venueId, organizationId: organizationId, name: venueName, address: venueAddress ?? "",
            capacity: venueCapacity ?? 0)
    }
}

struct SessionRow: Sendable, Decodable {
    var id: UUID
    var eventId: UUID
    var number: Int
    var name: String
    var startsAt: Date
    var endsAt: Date
    var capacity: Int
    var sold: Int
    var held: Int
    var active: Bool

    var code: String { SessionCode(number: number).description }

    static let columns = "id, event_id, number, name, starts_at, ends_at, capacity, sold, held, active"

    /// From a record just written, for answers to writes.
    init(_ record: SessionRecord) {
        id = record.id!
        eventId = record.eventID
        number = record.number
        name = record.name
        startsAt = record.startsAt
        endsAt = record.endsAt
        capacity = record.capacity
        sold = record.sold
        held = record.held
        active = record.active
    }
}

struct TicketTypeRow: Sendable, Decodable {
    var id: UUID
    var eventId: UUID
    var name: String
    var description: String
    var priceMinor: Int
    var memberPriceMinor: Int?
    var quantityLimit: Int?
    var sold: Int
    var held: Int
    var maxPerOrder: Int
    var salesStart: Date?
    var salesEnd: Date
    var active: Bool
    var hidden: Bool

    static let columns = """
        id, event_id, name, description, price_minor, member_price_minor, quantity_limit, sold, held, max_per_order,
        sales_start, sales_end, active, hidden
        """
}
