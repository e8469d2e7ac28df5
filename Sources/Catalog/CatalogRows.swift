import Domain
import Foundation
import Persistence
import SQLKit

// Read models of the catalog's hot paths. Reads decode SQL rows column by column into these plain values
// instead of Fluent models: Fluent finds a model's fields by reflection on every row, which measured as a
// quarter of the server's CPU on the availability endpoint (docs/benchmarks.md). Writes keep using Fluent.

struct EventRow: Sendable {
    var id: UUID
    var organizationID: UUID
    var venue: VenueDTO?
    var title: String
    var shortDescription: String
    var fullDescription: String
    var eventType: String
    var category: String?
    var policies: String?
    var imageURL: String?
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

    init(_ row: any SQLRow) throws {
        id = try row.decode(column: "id", as: UUID.self)
        organizationID = try row.decode(column: "organization_id", as: UUID.self)
        if let venueID = try row.optional("venue_id", UUID.self), let name = try row.optional("venue_name", String.self)
        {
            venue = VenueDTO(
                venueId: venueID, organizationId: organizationID, name: name,
                address: try row.optional("venue_address", String.self) ?? "",
                capacity: try row.optional("venue_capacity", Int.self) ?? 0)
        }
        title = try row.decode(column: "title", as: String.self)
        shortDescription = try row.decode(column: "short_description", as: String.self)
        fullDescription = try row.decode(column: "full_description", as: String.self)
        eventType = try row.decode(column: "event_type", as: String.self)
        category = try row.optional("category", String.self)
        policies = try row.optional("policies", String.self)
        imageURL = try row.optional("image_url", String.self)
        currency = try row.decode(column: "currency", as: String.self)
        status = try row.decode(column: "status", as: String.self)
        startsAt = try row.optional("starts_at", Date.self)
        endsAt = try row.optional("ends_at", Date.self)
        createdAt = try row.decode(column: "created_at", as: Date.self)
        updatedAt = try row.decode(column: "updated_at", as: Date.self)
        refundCutoffHours = try row.optional("refund_cutoff_hours", Int.self)
        buyerPlacesLimit = try row.optional("buyer_places_limit", Int.self)
        addressPlacesLimit = try row.optional("address_places_limit", Int.self)
        addressPlacesShare = try row.optional("address_places_share", Int.self)
        guestCheckout = try row.optional("guest_checkout", Bool.self)
    }
}

struct SessionRow: Sendable {
    var id: UUID
    var eventID: UUID
    var number: Int
    var name: String
    var startsAt: Date
    var endsAt: Date
    var capacity: Int
    var sold: Int
    var held: Int
    var active: Bool

    var code: String { "S\(number)" }

    static let columns = "id, event_id, number, name, starts_at, ends_at, capacity, sold, held, active"

    init(_ row: any SQLRow) throws {
        id = try row.decode(column: "id", as: UUID.self)
        eventID = try row.decode(column: "event_id", as: UUID.self)
        number = try row.decode(column: "number", as: Int.self)
        name = try row.decode(column: "name", as: String.self)
        startsAt = try row.decode(column: "starts_at", as: Date.self)
        endsAt = try row.decode(column: "ends_at", as: Date.self)
        capacity = try row.decode(column: "capacity", as: Int.self)
        sold = try row.decode(column: "sold", as: Int.self)
        held = try row.decode(column: "held", as: Int.self)
        active = try row.decode(column: "active", as: Bool.self)
    }

    /// From a record just written, for answers to writes.
    init(_ record: SessionRecord) {
        id = record.id!
        eventID = record.eventID
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

struct TicketTypeRow: Sendable {
    var id: UUID
    var eventID: UUID
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

    init(_ row: any SQLRow) throws {
        id = try row.decode(column: "id", as: UUID.self)
        eventID = try row.decode(column: "event_id", as: UUID.self)
        name = try row.decode(column: "name", as: String.self)
        description = try row.decode(column: "description", as: String.self)
        priceMinor = try row.decode(column: "price_minor", as: Int.self)
        memberPriceMinor = try row.optional("member_price_minor", Int.self)
        quantityLimit = try row.optional("quantity_limit", Int.self)
        sold = try row.decode(column: "sold", as: Int.self)
        held = try row.decode(column: "held", as: Int.self)
        maxPerOrder = try row.decode(column: "max_per_order", as: Int.self)
        salesStart = try row.optional("sales_start", Date.self)
        salesEnd = try row.decode(column: "sales_end", as: Date.self)
        active = try row.decode(column: "active", as: Bool.self)
        hidden = try row.decode(column: "hidden", as: Bool.self)
    }
}
