import Domain
import Foundation
import WireTypes

struct OrganizerAssignment: Decodable, Sendable {
    var userId: UUID
    var role: String?
}

struct UpdateEventRequest: Decodable, Sendable {
    var title: String?
    var shortDescription: String?
    var fullDescription: String?
    var eventType: String?
    var category: Nullable<String>
    var policiesProcedures: Nullable<String>
    var venueId: Nullable<UUID>
    var imageUrl: Nullable<String>
    var currency: String?
    var status: String?
    var organizers: [OrganizerAssignment]?
    var refundCutoffHours: Nullable<Int>
    var buyerPlacesLimit: Nullable<Int>
    var addressPlacesLimit: Nullable<Int>
    var addressPlacesShare: Nullable<Int>
    var guestCheckout: Bool?

    enum CodingKeys: String, CodingKey {
        case title, shortDescription, fullDescription, eventType, category, policiesProcedures, venueId, imageUrl
        case currency, status, organizers, refundCutoffHours, buyerPlacesLimit, addressPlacesLimit
        case addressPlacesShare, guestCheckout
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        title = try container.decodeIfPresent(String.self, forKey: .title)
        shortDescription = try container.decodeIfPresent(String.self, forKey: .shortDescription)
        fullDescription = try container.decodeIfPresent(String.self, forKey: .fullDescription)
        eventType = try container.decodeIfPresent(String.self, forKey: .eventType)
        category = try container.decodeNullable(String.self, forKey: .category)
        policiesProcedures = try container.decodeNullable(String.self, forKey: .policiesProcedures)
        venueId = try container.decodeNullable(UUID.self, forKey: .venueId)
        imageUrl = try container.decodeNullable(String.self, forKey: .imageUrl)
        currency = try container.decodeIfPresent(String.self, forKey: .currency)
        status = try container.decodeIfPresent(String.self, forKey: .status)
        organizers = try container.decodeIfPresent([OrganizerAssignment].self, forKey: .organizers)
        refundCutoffHours = try container.decodeNullable(Int.self, forKey: .refundCutoffHours)
        buyerPlacesLimit = try container.decodeNullable(Int.self, forKey: .buyerPlacesLimit)
        addressPlacesLimit = try container.decodeNullable(Int.self, forKey: .addressPlacesLimit)
        addressPlacesShare = try container.decodeNullable(Int.self, forKey: .addressPlacesShare)
        guestCheckout = try container.decodeIfPresent(Bool.self, forKey: .guestCheckout)
    }
}

/// A session's fields as a request gives them: all of them to create (`SessionRequest`), the changed ones to update
/// (`SessionUpdate`). `name` is some clients' name for `sessionName`; `sessionName` wins when both are sent.
struct SessionChanges: Sendable {
    var sessionName: String?
    var startsAt: Date?
    var endsAt: Date?
    var capacity: Int?
    var isActive: Bool?

    init(_ body: Components.Schemas.SessionRequest) {
        sessionName = body.sessionName
        startsAt = body.startsAt
        endsAt = body.endsAt
        capacity = body.capacity
        isActive = body.isActive
    }

    init(_ body: Components.Schemas.SessionUpdate) {
        sessionName = body.sessionName ?? body.name
        startsAt = body.startsAt
        endsAt = body.endsAt
        capacity = body.capacity
        isActive = body.isActive
    }
}

struct TicketTypeRequest: Decodable, Sendable {
    var name: String?
    var description: String?
    var includedSessions: [String]?
    var price: Double?
    var priceMinor: Int?
    var memberPrice: Nullable<Double>
    var memberPriceMinor: Nullable<Int>
    var quantityLimit: Nullable<Int>
    var maxQuantity: Int?
    var salesStartDate: Nullable<Date>
    var salesEndDate: Date?
    var isActive: Bool?
    var isHidden: Bool?
    var sortOrder: Int?

    enum CodingKeys: String, CodingKey {
        case name, description, includedSessions, price, priceMinor, memberPrice, memberPriceMinor, quantityLimit
        case maxQuantity, salesStartDate, salesEndDate, isActive, isHidden, sortOrder
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        includedSessions = try container.decodeIfPresent([String].self, forKey: .includedSessions)
        price = try container.decodeIfPresent(Double.self, forKey: .price)
        priceMinor = try container.decodeIfPresent(Int.self, forKey: .priceMinor)
        memberPrice = try container.decodeNullable(Double.self, forKey: .memberPrice)
        memberPriceMinor = try container.decodeNullable(Int.self, forKey: .memberPriceMinor)
        quantityLimit = try container.decodeNullable(Int.self, forKey: .quantityLimit)
        maxQuantity = try container.decodeIfPresent(Int.self, forKey: .maxQuantity)
        salesStartDate = try container.decodeNullable(Date.self, forKey: .salesStartDate)
        salesEndDate = try container.decodeIfPresent(Date.self, forKey: .salesEndDate)
        isActive = try container.decodeIfPresent(Bool.self, forKey: .isActive)
        isHidden = try container.decodeIfPresent(Bool.self, forKey: .isHidden)
        sortOrder = try container.decodeIfPresent(Int.self, forKey: .sortOrder)
    }

    /// The price in minor units from either `priceMinor` or `price`, recording a problem when neither fits.
    /// (Too many decimals for the event's currency is a conflict with the event, recorded in `conflicts`: 422.)
    func minorUnits(
        major: Double?, minor: Int?, field: String, currency: Currency, into problems: inout FieldProblems,
        conflicts: inout FieldProblems
    ) -> Int? {
        if let minor {
            problems.require(minor >= 0, field + "Minor", "must not be negative")
            return minor
        }
        guard let major else { return nil }
        guard let value = currency.minorUnits(fromMajor: major) else {
            if major.isFinite, abs(major) < 1e12 {
                conflicts.add(
                    field, "must be an amount in \(currency.code) with at most \(currency.minorDigits) decimals")
            } else {
                problems.add(field, "must be a finite amount below 10^12")
            }
            return nil
        }
        problems.require(value >= 0, field, "must not be negative")
        return value
    }
}

/// A venue's fields as a request gives them (all of them to create, the changed ones to update), read from the
/// request's wire type, which the API document has already checked: lengths, plain text, the capacity's range.
struct VenueChanges: Sendable {
    var name: String?
    var address: String?
    var capacity: Int?
}

/// The rules every event field obeys, shared by create and update.
enum EventRules {
    /// An event's own limits on places per buyer and per client address: 0 (no limit) to 10,000.
    static func checkPlaceLimits(
        _ buyer: Int?, _ address: Int?, share: Int? = nil, into problems: inout FieldProblems
    ) {
        if let share { problems.require((0...100).contains(share), "addressPlacesShare", "must be from 0 to 100") }
        if let buyer { problems.require((0...10_000).contains(buyer), "buyerPlacesLimit", "must be from 0 to 10000") }
        if let address {
            problems.require((0...10_000).contains(address), "addressPlacesLimit", "must be from 0 to 10000")
        }
    }

    static let titleLengths = 3...200
    static let shortDescriptionMaximum = 500
    static let fullDescriptionMaximum = 50_000
    static let organizerRoles: Set<String> = ["Primary", "CoOrganizer", "Assistant"]

    static func checkTitle(_ title: String?, required: Bool, into problems: inout FieldProblems) {
        guard let title else {
            if required { problems.add("title", "is required") }
            return
        }
        problems.requireText(title, "title", lengths: titleLengths, singleLine: true)
        problems.requirePlainText(title, "title")
    }

    static func checkImageURL(_ url: String?, into problems: inout FieldProblems) {
        guard let url else { return }
        problems.require(
            WebURL.isValid(url), "imageUrl", "must be an absolute http(s) URL without quotes, angle brackets or spaces")
    }
}
