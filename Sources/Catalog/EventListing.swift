import Domain
import FluentKit
import Foundation
import HTTPCore
import Hummingbird
import Persistence
import SQLKit

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

    init(_ query: QueryReader) throws {
        var reader = query
        eventType = reader.choice("eventType", as: EventType.self)
        category = reader.string("category")
        showPast = reader.boolean("showPast")
        organizerID = reader.uuid("organizerId")
        organization = reader.string("organization")
        from = reader.date("from")
        to = reader.date("to")
        text = reader.string("q").flatMap { $0.isEmpty ? nil : String($0.prefix(100)) }
        // Only the insiders' list takes a status; the public lists show published events alone.
        if reader.takes("status"), let raw = reader.string("status") {
            let parsed = raw.split(separator: ",").map { EventStatus(rawValue: String($0)) }
            statuses = parsed.compactMap { $0 }
            if parsed.contains(nil) {
                reader.report("status", "must be draft, published, cancelled or archived (comma-separated)")
            }
        }
        page = reader.integerOrDefault("page")
        perPage = reader.integerOrDefault("perPage")
        try reader.throwIfAny()
    }
}

/// Who a list is for: the public sees published events; insiders see their organizations' events in any state.
enum ListAudience: Sendable {
    case everyone
    case organizations([UUID], events: [UUID])
    case admin
}

/// Lists of events with their summaries, in a fixed number of queries per page (see `CatalogRows` for why SQL).
struct EventListing: Sendable {
    let store: DatabaseStore

    /// An insider's list: everything to admins; otherwise the events of the organizations where the user reads all
    /// events, plus the events a staff member is assigned to. Who sees what is decided here, not in the route.
    func insiderList(_ filter: EventFilter, for user: UserIdentity, now: Date) async throws -> EventListDTO {
        try await list(filter, for: try await audience(of: user), now: now)
    }

    private func audience(of user: UserIdentity) async throws -> ListAudience {
        if user.role == .admin { return .admin }
        let db = store.database()
        let memberships = try await MembershipRecord.query(on: db).filter(\.$userID == user.id).all()
        let full = memberships.filter { $0.role != OrganizationRole.staff.rawValue }.map(\.organizationID)
        let assigned = try await StaffAssignmentRecord.query(on: db).filter(\.$userID == user.id).all(\.$eventID)
        return .organizations(full, events: assigned)
    }

    func list(_ filter: EventFilter, for audience: ListAudience, now: Date, upcomingOnly: Bool = false) async throws
        -> EventListDTO
    {
        let sql = store.sql()
        let conditions = try await conditions(filter, audience: audience, now: now, upcomingOnly: upcomingOnly, on: sql)
        let whereClause =
            conditions.isEmpty ? SQLQueryString("") : SQLQueryString(" WHERE ") + conditions.joined(separator: " AND ")
        let total =
            try await sql.raw("SELECT COUNT(*) AS total FROM events e" + whereClause)
            .first(row: EventCountRow.self)?.total ?? 0
        let rows = try await sql.raw(
            """
            SELECT \(unsafeRaw: EventRow.columns) FROM events e LEFT JOIN venues v ON v.id = e.venue_id
            """ + whereClause + """
                 ORDER BY (e.starts_at IS NULL), e.starts_at, e.title, e.id LIMIT \(literal: filter.perPage) OFFSET \(literal: (filter.page - 1) * filter.perPage)
                """
        ).all(rows: EventRow.self)
        return EventListDTO(
            events: try await summaries(rows, includeHidden: !audienceIsPublic(audience), now: now, on: sql),
            page: filter.page, perPage: filter.perPage, total: total)
    }

    private func conditions(
        _ filter: EventFilter, audience: ListAudience, now: Date, upcomingOnly: Bool, on sql: any SQLDatabase
    )
        async throws -> [SQLQueryString]
    {
        var conditions: [SQLQueryString] = []
        switch audience {
        case .everyone:
            conditions.append("e.status = \(bind: EventStatus.published.rawValue)")
        case .organizations(let organizations, let events):
            var either: [SQLQueryString] = []
            if !organizations.isEmpty { either.append("e.organization_id IN (\(binds: organizations))") }
            if !events.isEmpty { either.append("e.id IN (\(binds: events))") }
            conditions.append(either.isEmpty ? "1 = 0" : "(" + either.joined(separator: " OR ") + ")")
        case .admin:
            break
        }
        if let statuses = filter.statuses, !statuses.isEmpty {
            conditions.append("e.status IN (\(binds: statuses.map(\.rawValue)))")
        }
        if let type = filter.eventType { conditions.append("e.event_type = \(bind: type.rawValue)") }
        if let category = filter.category { conditions.append("LOWER(e.category) = \(bind: category.lowercased())") }
        if upcomingOnly {
            conditions.append("e.starts_at > \(bind: now)")
        } else if !filter.showPast {
            conditions.append("(e.ends_at IS NULL OR e.ends_at >= \(bind: now))")
        }
        if let organizer = filter.organizerID {
            conditions.append("e.id IN (SELECT event_id FROM event_organizers WHERE user_id = \(bind: organizer))")
        }
        if let organization = filter.organization {
            if let id = UUID(uuidString: organization) {
                conditions.append("e.organization_id = \(bind: id)")
            } else {
                conditions.append(
                    "e.organization_id IN (SELECT id FROM organizations WHERE slug = \(bind: organization.lowercased()))"
                )
            }
        }
        if let from = filter.from { conditions.append("e.starts_at >= \(bind: from)") }
        if let to = filter.to { conditions.append("e.starts_at < \(bind: to)") }
        if let text = filter.text?.lowercased() {
            let pattern =
                "%" + text.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
            conditions.append(
                "(LOWER(e.title) LIKE \(bind: pattern) OR LOWER(e.short_description) LIKE \(bind: pattern))")
        }
        return conditions
    }

    private func audienceIsPublic(_ audience: ListAudience) -> Bool {
        if case .everyone = audience { true } else { false }
    }

    /// Summaries of a page of events: their sessions, expired holds and prices in three or four queries.
    func summaries(_ events: [EventRow], includeHidden: Bool, now: Date, on sql: any SQLDatabase) async throws
        -> [EventSummaryDTO]
    {
        guard !events.isEmpty else { return [] }
        let ids = events.map(\.id)
        let stale = try await expiredHoldsPerSession(of: ids, now: now, on: sql)
        let sessions = Dictionary(
            grouping: try await sql.raw(
                "SELECT \(unsafeRaw: SessionRow.columns) FROM sessions WHERE event_id IN (\(binds: ids))"
            ).all(rows: SessionRow.self).map { session in
                var session = session
                session.held -= stale[session.id] ?? 0
                return session
            }, by: \.eventId)
        var prices: [UUID: [Int]] = [:]
        for row in try await sql.raw(
            """
            SELECT event_id, price_minor, hidden FROM ticket_types WHERE event_id IN (\(binds: ids)) AND active = \(bind: true)
            """
        ).all(rows: PriceRow.self) {
            if !includeHidden, row.hidden { continue }
            prices[row.eventId, default: []].append(row.priceMinor)
        }
        return events.map { event in
            let eventSessions = sessions[event.id] ?? []
            let eventPrices = prices[event.id] ?? []
            let currency = Currency.stored(event.currency)
            return EventSummaryDTO(
                eventId: event.id, title: event.title, shortDescription: event.shortDescription,
                eventType: event.eventType,
                category: event.category, status: event.status, startDate: event.startsAt, endDate: event.endsAt,
                venue: event.venue?.name, organizationId: event.organizationId, imageUrl: event.imageUrl,
                totalCapacity: eventSessions.map(\.capacity).max() ?? 0,
                availableSpots: eventSessions.map { max(0, $0.capacity - $0.sold - $0.held) }.max() ?? 0,
                hasMultipleSessions: eventSessions.count > 1, sessionCount: eventSessions.count,
                lowestPrice: eventPrices.min().map { Money(minorUnits: $0, currency: currency).decimal },
                highestPrice: eventPrices.max().map { Money(minorUnits: $0, currency: currency).decimal },
                currency: currency.code)
        }
    }

    /// Places still counted in sessions' `held` by holds that have expired: they count for nothing.
    private func expiredHoldsPerSession(of events: [UUID], now: Date, on sql: any SQLDatabase) async throws -> [UUID:
        Int]
    {
        let rows = try await sql.raw(
            """
            SELECT h.ticket_type_id, tts.session_id, h.quantity FROM holds h
            JOIN ticket_type_sessions tts ON tts.ticket_type_id = h.ticket_type_id
            WHERE h.event_id IN (\(binds: events)) AND h.status = 'active' AND h.expires_at <= \(bind: now)
            """
        ).all(rows: ExpiredHoldRow.self)
        var perSession: [UUID: Int] = [:]
        for row in rows {
            perSession[row.sessionId, default: 0] += row.quantity
        }
        return perSession
    }
}

private struct EventCountRow: Decodable {
    var total: Int
}

/// A ticket type's price, for an event's lowest and highest.
private struct PriceRow: Decodable {
    var eventId: UUID
    var priceMinor: Int
    var hidden: Bool
}

/// An expired hold's places in one of the sessions its ticket type includes.
private struct ExpiredHoldRow: Decodable {
    var sessionId: UUID
    var quantity: Int
}
