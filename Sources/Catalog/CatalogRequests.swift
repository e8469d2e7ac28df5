import Domain
import Foundation
import HTTPCore
import WireTypes

struct OrganizerAssignment: Sendable {
    var userId: UUID
    var role: String?
}

/// An event's changed fields as an update sends them (`UpdateEventRequest`), with each clearable field's three states.
struct EventChanges: Sendable {
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

    init(_ body: Components.Schemas.UpdateEventRequest, sent: SentFields) throws {
        title = body.title
        shortDescription = body.shortDescription
        fullDescription = body.fullDescription
        eventType = body.eventType?.rawValue
        category = sent.nullable(body.category, "category")
        policiesProcedures = sent.nullable(body.policiesProcedures, "policiesProcedures")
        venueId = sent.nullable(try body.venueId.map { try WireValue.uuid($0, field: "venueId") }, "venueId")
        imageUrl = sent.nullable(body.imageUrl, "imageUrl")
        currency = body.currency
        status = body.status?.rawValue
        organizers = try body.organizers?.enumerated().map { index, organizer in
            OrganizerAssignment(
                userId: try WireValue.uuid(organizer.userId, field: "organizers[\(index)].userId"),
                role: organizer.role?.rawValue)
        }
        refundCutoffHours = sent.nullable(body.refundCutoffHours, "refundCutoffHours")
        buyerPlacesLimit = sent.nullable(body.buyerPlacesLimit, "buyerPlacesLimit")
        addressPlacesLimit = sent.nullable(body.addressPlacesLimit, "addressPlacesLimit")
        addressPlacesShare = sent.nullable(body.addressPlacesShare, "addressPlacesShare")
        guestCheckout = body.guestCheckout
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

/// A ticket type's fields as a request gives them: all of them to create (checked as `TicketTypeRequest`), the changed
/// ones to update, both read as `TicketTypeUpdate` (the same fields, each optional), with each clearable field's three
/// states.
struct TicketTypeChanges: Sendable {
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

    init(_ body: Components.Schemas.TicketTypeUpdate, sent: SentFields) {
        name = body.name
        description = body.description
        includedSessions = body.includedSessions
        price = body.price
        priceMinor = body.priceMinor
        memberPrice = sent.nullable(body.memberPrice, "memberPrice")
        memberPriceMinor = sent.nullable(body.memberPriceMinor, "memberPriceMinor")
        quantityLimit = sent.nullable(body.quantityLimit, "quantityLimit")
        maxQuantity = body.maxQuantity
        salesStartDate = sent.nullable(body.salesStartDate, "salesStartDate")
        salesEndDate = body.salesEndDate
        isActive = body.isActive
        isHidden = body.isHidden
        sortOrder = body.sortOrder
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
    static let titleLengths = 3...200

    static func checkTitle(_ title: String?, required: Bool, into problems: inout FieldProblems) {
        guard let title else {
            if required { problems.add("title", "is required") }
            return
        }
        // The document states the length and that it is one line without markup; trimming is the server's.
        problems.requireText(title, "title", lengths: titleLengths, singleLine: true)
    }

    static func checkImageURL(_ url: String?, into problems: inout FieldProblems) {
        guard let url else { return }
        problems.require(
            WebURL.isValid(url), "imageUrl", "must be an absolute http(s) URL without quotes, angle brackets or spaces")
    }
}
