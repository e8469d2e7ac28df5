import Domain
import FluentKit
import FluentSQL
import Foundation
import HTTPCore
import Hummingbird
import Persistence

/// The filters of the event lists, read from the query string; every bad value is named.
struct EventFilter: Sendable {
    var eventType: EventType?
    var category: String?
    var showPast = false
    var organizerID: UUID?
    var organization: String?
    var from: Date?
    var to: Date?
    var text: String?
    var statuses: [EventStatus]?
    var page = 1
    var perPage = 20

    init() {}

    init(_ query: Parameters) throws {
        var problems = FieldProblems()
        if let raw = query.get("eventType") {
            eventType = EventType(rawValue: raw)
            problems.require(eventType != nil, "eventType", "must be Class or SocialEvent")
        }
        category = query.get("category")
        if let raw = query.get("showPast") {
            problems.require(["true", "false"].contains(raw), "showPast", "must be true or false")
            showPast = raw == "true"
        }
        if let raw = query.get("organizerId") {
            organizerID = UUID(uuidString: raw)
            problems.require(organizerID != nil, "organizerId", "must be a UUID")
        }
        organization = query.get("organization")
        from = Self.date(query, "from", &problems)
        to = Self.date(query, "to", &problems)
        text = query.get("q").flatMap { $0.isEmpty ? nil : String($0.prefix(100)) }
        if let raw = query.get("status") {
            let parsed = raw.split(separator: ",").map { EventStatus(rawValue: String($0)) }
            problems.require(!parsed.contains(nil), "status", "must be draft, published, cancelled or archived (comma-separated)")
            statuses = parsed.compactMap { $0 }
        }
        page = Self.integer(query, "page", 1...100_000, default: 1, &problems)
        perPage = Self.integer(query, "perPage", 1...100, default: 20, &problems)
        try problems.throwIfAny()
    }

    static func date(_ query: Parameters, _ name: String, _ problems: inout FieldProblems) -> Date? {
        guard let raw = query.get(name) else { return nil }
        let date = try? Date.ISO8601FormatStyle().parse(raw)
        problems.require(date != nil, name, "must be an ISO-8601 date-time such as 2026-06-01T12:00:00Z")
        return date
    }

    static func integer(_ query: Parameters, _ name: String, _ range: ClosedRange<Int>, default fallback: Int,
                        _ problems: inout FieldProblems) -> Int {
        guard let raw = query.get(name) else { return fallback }
        guard let value = Int(raw), range.contains(value) else {
            problems.add(name, "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            return fallback
        }
        return value
    }
}

/// Who a list is for: the public sees published events; insiders see their organizations' events in any state.
enum ListAudience: Sendable {
    case everyone
    case organizations([UUID], events: [UUID])
    case admin
}

/// Lists of events with their summaries, in a fixed number of queries per page.
struct EventListing: Sendable {
    let store: DatabaseStore

    func list(_ filter: EventFilter, for audience: ListAudience, now: Date, upcomingOnly: Bool = false) async throws -> EventListDTO {
        let db = store.database()
        var query = EventRecord.query(on: db)
        switch audience {
        case .everyone:
            query = query.filter(\.$status == EventStatus.published.rawValue)
        case .organizations(let organizations, let events):
            query = query.group(.or) { $0.filter(\.$organizationID ~~ organizations).filter(\.$id ~~ events) }
        case .admin:
            break
        }
        if let statuses = filter.statuses { query = query.filter(\.$status ~~ statuses.map(\.rawValue)) }
        if let type = filter.eventType { query = query.filter(\.$eventType == type.rawValue) }
        if let category = filter.category {
            query = query.filter(.sql(embed: "LOWER(\(ident: "category")) = \(bind: category.lowercased())"))
        }
        if upcomingOnly {
            query = query.filter(\.$startsAt > now)
        } else if !filter.showPast {
            query = query.group(.or) { $0.filter(\.$endsAt == nil).filter(\.$endsAt >= now) }
        }
        if let organizer = filter.organizerID {
            let events = try await EventOrganizerRecord.query(on: db).filter(\.$userID == organizer).all(\.$eventID)
            query = query.filter(\.$id ~~ events)
        }
        if let organization = filter.organization {
            var id = UUID(uuidString: organization)
            if id == nil { id = try await OrganizationRecord.query(on: db).filter(\.$slug == organization.lowercased()).first()?.id }
            query = query.filter(\.$organizationID == (id ?? UUID()))
        }
        if let from = filter.from { query = query.filter(\.$startsAt >= from) }
        if let to = filter.to { query = query.filter(\.$startsAt < to) }
        if let text = filter.text?.lowercased() {
            let pattern = "%" + text.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
            query = query.filter(.sql(embed: """
                (LOWER(\(ident: "title")) LIKE \(bind: pattern) OR LOWER(\(ident: "short_description")) LIKE \(bind: pattern))
                """))
        }
        let total = try await query.copy().count()
        let events = try await query.sort(\.$startsAt).sort(\.$title).sort(\.$id)
            .range(lower: (filter.page - 1) * filter.perPage, upper: filter.page * filter.perPage - 1).all()
        return EventListDTO(
            events: try await summaries(events, includeHidden: !(audienceIsPublic(audience)), on: db),
            page: filter.page, perPage: filter.perPage, total: total)
    }

    private func audienceIsPublic(_ audience: ListAudience) -> Bool {
        if case .everyone = audience { true } else { false }
    }

    /// Summaries of a page of events: sessions, prices and venues for all of them in three queries.
    func summaries(_ events: [EventRecord], includeHidden: Bool, on db: any Database) async throws -> [EventSummaryDTO] {
        guard !events.isEmpty else { return [] }
        let ids = events.map { $0.id! }
        let sessions = Dictionary(grouping: try await SessionRecord.query(on: db).filter(\.$eventID ~~ ids).all(), by: \.eventID)
        let types = Dictionary(
            grouping: try await TicketTypeRecord.query(on: db).filter(\.$eventID ~~ ids).filter(\.$active == true).all()
                .filter { includeHidden || !$0.hidden },
            by: \.eventID)
        let venueIDs = events.compactMap(\.venueID)
        let venues = venueIDs.isEmpty ? [:] : Dictionary(
            try await VenueRecord.query(on: db).filter(\.$id ~~ venueIDs).all().map { ($0.id!, $0.name) },
            uniquingKeysWith: { first, _ in first })
        return events.map { event in
            let eventSessions = sessions[event.id!] ?? []
            let prices = (types[event.id!] ?? []).map(\.priceMinor)
            let currency = Currency(event.currency) ?? Currency("EUR")!
            return EventSummaryDTO(
                eventId: event.id!, title: event.title, shortDescription: event.shortDescription, eventType: event.eventType,
                category: event.category, status: event.status, startDate: event.startsAt, endDate: event.endsAt,
                venue: event.venueID.flatMap { venues[$0] }, organizationId: event.organizationID, imageUrl: event.imageURL,
                totalCapacity: eventSessions.map(\.capacity).max() ?? 0,
                availableSpots: eventSessions.map { max(0, $0.capacity - $0.sold - $0.held) }.max() ?? 0,
                hasMultipleSessions: eventSessions.count > 1, sessionCount: eventSessions.count,
                lowestPrice: prices.min().map { Money(minorUnits: $0, currency: currency).decimal },
                highestPrice: prices.max().map { Money(minorUnits: $0, currency: currency).decimal },
                currency: currency.code)
        }
    }
}
