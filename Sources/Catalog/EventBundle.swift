import Domain
import FluentKit
import Foundation
import Persistence

/// An event with everything its pages and availability need, read in a fixed number of queries.
struct EventBundle: Sendable {
    var event: EventRecord
    var venue: VenueRecord?
    var organizers: [OrganizerDTO]
    var sessions: [SessionRecord]
    var ticketTypes: [TicketTypeRecord]
    /// Ticket type ID to the IDs of the sessions it includes.
    var inclusions: [UUID: [UUID]]

    var eventID: UUID { event.id! }
    var currency: Currency { Currency(event.currency) ?? Currency("EUR")! }
    var isPublished: Bool { event.status == EventStatus.published.rawValue }

    /// Reads the event and its venue, organizers, sessions, ticket types and inclusions: six queries at most,
    /// whatever the number of sessions and ticket types.
    static func load(_ eventID: UUID, on db: any Database, organizers withOrganizers: Bool = true) async throws -> EventBundle? {
        guard let event = try await EventRecord.find(eventID, on: db) else { return nil }
        let venue: VenueRecord? = if let venueID = event.venueID { try await VenueRecord.find(venueID, on: db) } else { nil }
        let sessions = try await SessionRecord.query(on: db).filter(\.$eventID == eventID).sort(\.$number).all()
        let types = try await TicketTypeRecord.query(on: db).filter(\.$eventID == eventID)
            .sort(\.$sortOrder).sort(\.$createdAt).all()
        let links = types.isEmpty ? [] :
            try await TicketTypeSessionRecord.query(on: db).filter(\.$ticketTypeID ~~ types.map { $0.id! }).all()
        let organizers = withOrganizers ? try await Self.organizers(of: [eventID], on: db)[eventID] ?? [] : []
        return EventBundle(
            event: event, venue: venue, organizers: organizers, sessions: sessions, ticketTypes: types,
            inclusions: Dictionary(grouping: links, by: \.ticketTypeID).mapValues { $0.map(\.sessionID) })
    }

    /// Organizers of several events with their display names, in two queries.
    static func organizers(of eventIDs: [UUID], on db: any Database) async throws -> [UUID: [OrganizerDTO]] {
        guard !eventIDs.isEmpty else { return [:] }
        let rows = try await EventOrganizerRecord.query(on: db).filter(\.$eventID ~~ eventIDs).sort(\.$createdAt).all()
        let users = Dictionary(
            try await UserRecord.query(on: db).filter(\.$id ~~ rows.map(\.userID)).all().map { ($0.id!, $0.displayName) },
            uniquingKeysWith: { first, _ in first })
        return Dictionary(grouping: rows, by: \.eventID).mapValues { rows in
            rows.map { OrganizerDTO(userId: $0.userID, displayName: users[$0.userID] ?? "", role: $0.role) }
        }
    }

    // MARK: Availability

    var sessionCounters: [String: SessionCounters] {
        Dictionary(uniqueKeysWithValues: sessions.map {
            ($0.code, SessionCounters(code: $0.code, capacity: $0.capacity, sold: $0.sold, held: $0.held, active: $0.active))
        })
    }

    func sessionCodes(of type: TicketTypeRecord) -> [String] {
        let byID = Dictionary(uniqueKeysWithValues: sessions.map { ($0.id!, $0) })
        return (inclusions[type.id!] ?? []).compactMap { byID[$0] }.sorted { $0.number < $1.number }.map(\.code)
    }

    func availability(of type: TicketTypeRecord, now: Date) -> TicketTypeAvailability {
        AvailabilityCalculator.ticketType(
            TicketTypeCounters(
                id: type.id!, sessionCodes: sessionCodes(of: type), quantityLimit: type.quantityLimit, sold: type.sold,
                held: type.held, maxPerOrder: type.maxPerOrder, salesStart: type.salesStart, salesEnd: type.salesEnd,
                active: type.active),
            sessions: sessionCounters, eventPublished: isPublished, now: now)
    }

    // MARK: Wire shapes

    func details(now: Date, includeHidden: Bool) -> EventDetailsDTO {
        EventDetailsDTO(
            eventId: eventID, organizationId: event.organizationID, title: event.title,
            shortDescription: event.shortDescription, fullDescription: event.fullDescription, eventType: event.eventType,
            category: event.category, policiesProcedures: event.policies, imageUrl: event.imageURL, currency: event.currency,
            status: event.status, isPublished: isPublished, startDate: event.startsAt, endDate: event.endsAt,
            venue: venue.map(VenueDTO.init), organizers: organizers, sessions: sessions.map(SessionDTO.init),
            ticketTypes: ticketTypes.filter { includeHidden || !$0.hidden }.map { ticketTypeDTO($0, now: now) },
            createdAt: event.createdAt, updatedAt: event.updatedAt)
    }

    func ticketTypeDTO(_ type: TicketTypeRecord, now: Date) -> TicketTypeDTO {
        let availability = availability(of: type, now: now)
        let currency = self.currency
        return TicketTypeDTO(
            ticketTypeId: type.id!, eventId: eventID, name: type.name, description: type.description,
            includedSessions: sessionCodes(of: type),
            price: Money(minorUnits: type.priceMinor, currency: currency).decimal,
            memberPrice: type.memberPriceMinor.map { Money(minorUnits: $0, currency: currency).decimal },
            priceMinor: type.priceMinor, memberPriceMinor: type.memberPriceMinor, currency: currency.code,
            quantityLimit: type.quantityLimit, maxQuantity: type.maxPerOrder, availableQuantity: availability.available,
            sold: type.sold, salesStartDate: type.salesStart, salesEndDate: type.salesEnd, isActive: type.active,
            isHidden: type.hidden, isAvailable: availability.isAvailable, constraintReason: availability.constraint?.rawValue)
    }

    func availabilityDTO(now: Date, includeHidden: Bool) -> AvailabilityDTO {
        AvailabilityDTO(
            eventId: eventID, sessions: sessions.map(SessionAvailabilityDTO.init),
            ticketTypes: ticketTypes.filter { includeHidden || !$0.hidden }.map { ticketTypeAvailabilityDTO($0, now: now) },
            lastCalculated: now)
    }

    func ticketTypeAvailabilityDTO(_ type: TicketTypeRecord, now: Date) -> TicketTypeAvailabilityDTO {
        let availability = availability(of: type, now: now)
        let included = Set(inclusions[type.id!] ?? [])
        return TicketTypeAvailabilityDTO(
            ticketTypeId: type.id!, eventId: eventID, name: type.name, availableQuantity: availability.available,
            isAvailable: availability.isAvailable, maxPurchasable: availability.maxPurchasable,
            constraintReason: availability.constraint?.rawValue, limitingSessionIds: availability.limitingSessionCodes,
            sessions: sessions.filter { included.contains($0.id!) }.map(SessionAvailabilityDTO.init), lastCalculated: now)
    }
}

extension VenueDTO {
    init(_ record: VenueRecord) {
        self.init(venueId: record.id!, organizationId: record.organizationID, name: record.name, address: record.address,
                  capacity: record.capacity)
    }
}

extension SessionDTO {
    init(_ record: SessionRecord) {
        self.init(
            sessionId: record.code, sessionName: record.name, sessionDate: record.startsAt,
            startTime: Self.time(record.startsAt), endTime: Self.time(record.endsAt), startsAt: record.startsAt,
            endsAt: record.endsAt, capacity: record.capacity, currentRegistrations: record.sold, held: record.held,
            availableSpots: max(0, record.capacity - record.sold - record.held), isActive: record.active)
    }

    /// `HH:mm:ss` in UTC, as seed 002 shows times.
    static func time(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.hour, .minute, .second], from: date)
        return String(format: "%02d:%02d:%02d", parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }
}

extension SessionAvailabilityDTO {
    init(_ record: SessionRecord) {
        self.init(
            sessionId: record.code, capacity: record.capacity, sold: record.sold, held: record.held,
            available: max(0, record.capacity - record.sold - record.held), isActive: record.active,
            hasWaitlist: false, waitlistCount: 0)
    }
}
