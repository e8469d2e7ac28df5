import Domain
import FluentKit
import Foundation
import Persistence
import SQLKit

/// An event with everything its pages and availability need, read in a fixed number of queries.
struct EventBundle: Sendable {
    var event: EventRow
    var organizers: [OrganizerDTO]
    var sessions: [SessionRow]
    var ticketTypes: [TicketTypeRow]
    /// Ticket type ID to the IDs of the sessions it includes.
    var inclusions: [UUID: [UUID]]

    var eventID: UUID { event.id }
    var currency: Currency { Currency.stored(event.currency) }
    var isPublished: Bool { event.status == EventStatus.published.rawValue }

    /// Reads the event with its venue, its sessions, its ticket types with their sessions, the expired holds not yet
    /// reclaimed, and (when asked) its organizers: five or six queries, whatever the number of sessions and ticket types.
    static func load(_ eventID: UUID, now: Date, on db: any Database, organizers withOrganizers: Bool = false)
        async throws
        -> EventBundle?
    {
        let sql = db.sql
        guard
            let event = try await sql.raw(
                """
                SELECT \(unsafeRaw: EventRow.columns) FROM events e LEFT JOIN venues v ON v.id = e.venue_id WHERE e.id = \(bind: eventID)
                """
            ).first(row: EventRow.self)
        else { return nil }
        let sessions = try await sql.raw(
            "SELECT \(unsafeRaw: SessionRow.columns) FROM sessions WHERE event_id = \(bind: eventID) ORDER BY number"
        ).all(rows: SessionRow.self)
        let types = try await sql.raw(
            """
            SELECT \(unsafeRaw: TicketTypeRow.columns) FROM ticket_types WHERE event_id = \(bind: eventID)
            ORDER BY sort_order, created_at, id
            """
        ).all(rows: TicketTypeRow.self)
        var inclusions: [UUID: [UUID]] = [:]
        for row in try await sql.raw(
            """
            SELECT tts.ticket_type_id, tts.session_id FROM ticket_type_sessions tts
            JOIN ticket_types tt ON tt.id = tts.ticket_type_id WHERE tt.event_id = \(bind: eventID)
            """
        ).all(rows: InclusionRow.self) {
            inclusions[row.ticketTypeId, default: []].append(row.sessionId)
        }
        let organizers = withOrganizers ? try await Self.organizers(of: eventID, on: sql) : []
        var bundle = EventBundle(
            event: event, organizers: organizers, sessions: sessions, ticketTypes: types, inclusions: inclusions)
        try await bundle.discountExpiredHolds(now: now, on: sql)
        return bundle
    }

    /// Expired holds never count, whether or not anything has reclaimed them yet: their quantities are taken out
    /// of `held` here, in one query, before anything is computed from the counters.
    private mutating func discountExpiredHolds(now: Date, on sql: any SQLDatabase) async throws {
        var stale: [UUID: Int] = [:]
        for row in try await sql.raw(
            """
            SELECT ticket_type_id, CAST(SUM(quantity) AS BIGINT) AS quantity FROM holds
            WHERE event_id = \(bind: eventID) AND status = 'active' AND expires_at <= \(bind: now) GROUP BY ticket_type_id
            """
        ).all(rows: StaleHoldsRow.self) {
            stale[row.ticketTypeId] = row.quantity
        }
        guard !stale.isEmpty else { return }
        for index in ticketTypes.indices {
            ticketTypes[index].held -= stale[ticketTypes[index].id] ?? 0
        }
        var perSession: [UUID: Int] = [:]
        for (type, quantity) in stale {
            for session in inclusions[type] ?? [] { perSession[session, default: 0] += quantity }
        }
        for index in sessions.indices {
            sessions[index].held -= perSession[sessions[index].id] ?? 0
        }
    }

    static func organizers(of eventID: UUID, on sql: any SQLDatabase) async throws -> [OrganizerDTO] {
        try await sql.raw(
            """
            SELECT eo.user_id, eo.role, u.display_name FROM event_organizers eo JOIN users u ON u.id = eo.user_id
            WHERE eo.event_id = \(bind: eventID) ORDER BY eo.created_at, eo.id
            """
        ).all(rows: OrganizerRow.self).map { row in
            OrganizerDTO(userId: row.userId, displayName: row.displayName, role: row.role)
        }
    }

    // MARK: Availability

    var sessionCounters: [String: SessionCounters] {
        Dictionary(
            uniqueKeysWithValues: sessions.map {
                (
                    $0.code,
                    SessionCounters(
                        code: $0.code, capacity: $0.capacity, sold: $0.sold, held: $0.held, active: $0.active)
                )
            })
    }

    func sessionCodes(of type: TicketTypeRow) -> [String] {
        let byID = Dictionary(uniqueKeysWithValues: sessions.map { ($0.id, $0) })
        return (inclusions[type.id] ?? []).compactMap { byID[$0] }.sorted { $0.number < $1.number }.map(\.code)
    }

    func availability(of type: TicketTypeRow, now: Date) -> TicketTypeAvailability {
        AvailabilityCalculator.ticketType(
            TicketTypeCounters(
                id: type.id, sessionCodes: sessionCodes(of: type), quantityLimit: type.quantityLimit, sold: type.sold,
                held: type.held, maxPerOrder: type.maxPerOrder, salesStart: type.salesStart, salesEnd: type.salesEnd,
                active: type.active),
            sessions: sessionCounters, eventPublished: isPublished, now: now)
    }

    // MARK: Wire shapes

    func details(now: Date, includeHidden: Bool) -> EventDetailsDTO {
        EventDetailsDTO(
            eventId: eventID, organizationId: event.organizationId, title: event.title,
            shortDescription: event.shortDescription, fullDescription: event.fullDescription,
            eventType: event.eventType,
            category: event.category, policiesProcedures: event.policies, imageUrl: event.imageUrl,
            currency: event.currency,
            status: event.status, isPublished: isPublished, startDate: event.startsAt, endDate: event.endsAt,
            venue: event.venue, organizers: organizers, sessions: sessions.map(SessionDTO.init),
            ticketTypes: ticketTypes.filter { includeHidden || !$0.hidden }.map { ticketTypeDTO($0, now: now) },
            refundCutoffHours: event.refundCutoffHours, buyerPlacesLimit: event.buyerPlacesLimit,
            addressPlacesLimit: event.addressPlacesLimit, addressPlacesShare: event.addressPlacesShare,
            guestCheckout: event.guestCheckout ?? true, createdAt: event.createdAt, updatedAt: event.updatedAt)
    }

    func ticketTypeDTO(_ type: TicketTypeRow, now: Date) -> TicketTypeDTO {
        let availability = availability(of: type, now: now)
        let currency = self.currency
        return TicketTypeDTO(
            ticketTypeId: type.id, eventId: eventID, name: type.name, description: type.description,
            includedSessions: sessionCodes(of: type),
            price: Money(minorUnits: type.priceMinor, currency: currency).decimal,
            memberPrice: type.memberPriceMinor.map { Money(minorUnits: $0, currency: currency).decimal },
            priceMinor: type.priceMinor, memberPriceMinor: type.memberPriceMinor, currency: currency.code,
            quantityLimit: type.quantityLimit, maxQuantity: type.maxPerOrder, availableQuantity: availability.available,
            sold: type.sold, salesStartDate: type.salesStart, salesEndDate: type.salesEnd, isActive: type.active,
            isHidden: type.hidden, isAvailable: availability.isAvailable,
            constraintReason: availability.constraint?.rawValue)
    }

    func availabilityDTO(now: Date, includeHidden: Bool) -> AvailabilityDTO {
        AvailabilityDTO(
            eventId: eventID, sessions: sessions.map(SessionAvailabilityDTO.init),
            ticketTypes: ticketTypes.filter { includeHidden || !$0.hidden }.map {
                ticketTypeAvailabilityDTO($0, now: now)
            },
            lastCalculated: now)
    }

    func ticketTypeAvailabilityDTO(_ type: TicketTypeRow, now: Date) -> TicketTypeAvailabilityDTO {
        let availability = availability(of: type, now: now)
        let included = Set(inclusions[type.id] ?? [])
        return TicketTypeAvailabilityDTO(
            ticketTypeId: type.id, eventId: eventID, name: type.name, availableQuantity: availability.available,
            isAvailable: availability.isAvailable, maxPurchasable: availability.maxPurchasable,
            constraintReason: availability.constraint?.rawValue, limitingSessionIds: availability.limitingSessionCodes,
            sessions: sessions.filter { included.contains($0.id) }.map(SessionAvailabilityDTO.init), lastCalculated: now
        )
    }
}

extension VenueDTO {
    init(_ record: VenueRecord) {
        self.init(
            venueId: record.id!, organizationId: record.organizationID, name: record.name, address: record.address,
            capacity: record.capacity)
    }
}

extension SessionDTO {
    init(_ record: SessionRecord) {
        self.init(SessionRow(record))
    }

    init(_ record: SessionRow) {
        self.init(
            sessionId: record.code, sessionName: record.name, sessionDate: record.startsAt,
            startTime: Self.time(record.startsAt), endTime: Self.time(record.endsAt), startsAt: record.startsAt,
            endsAt: record.endsAt, capacity: record.capacity, currentRegistrations: record.sold, held: record.held,
            availableSpots: max(0, record.capacity - record.sold - record.held), isActive: record.active)
    }

    /// `HH:mm:ss` in UTC, the API's `startTime` and `endTime` beside a session's date.
    static func time(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.hour, .minute, .second], from: date)
        return String(format: "%02d:%02d:%02d", parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }
}

extension SessionAvailabilityDTO {
    init(_ record: SessionRow) {
        self.init(
            sessionId: record.code, capacity: record.capacity, sold: record.sold, held: record.held,
            available: max(0, record.capacity - record.sold - record.held), isActive: record.active,
            hasWaitlist: false, waitlistCount: 0)
    }
}

/// A ticket type's inclusion of a session.
private struct InclusionRow: Decodable {
    var ticketTypeId: UUID
    var sessionId: UUID
}

/// The places a ticket type's expired holds still count in `held`.
private struct StaleHoldsRow: Decodable {
    var ticketTypeId: UUID
    var quantity: Int
}

private struct OrganizerRow: Decodable {
    var userId: UUID
    var role: String
    var displayName: String
}
