import Audit
import Domain
import FluentKit
import FluentSQL
import Foundation
import HTTPCore
import Identity
import Outbox
public import Persistence
import SQLKit
import WireTypes

/// Events: creation, changes, the lifecycle, deletion, and reading one event.
public struct EventService: Sendable {
    public struct Settings: Sendable {
        public var defaultCurrency: String
        public var maximumSessionCapacity: Int

        public init(defaultCurrency: String, maximumSessionCapacity: Int) {
            self.defaultCurrency = defaultCurrency
            self.maximumSessionCapacity = maximumSessionCapacity
        }
    }

    let store: DatabaseStore
    let settings: Settings
    let access = CatalogAccess()
    let audit = AuditTrail()

    public init(store: DatabaseStore, settings: Settings) {
        self.store = store
        self.settings = settings
    }

    func create(
        _ request: Components.Schemas.CreateEventRequest, by principal: Principal, now: Date, meta: RequestMetadata
    ) async throws
        -> EventDetailsDTO
    {
        // The document requires the organization, title and type and states every field's length, range, pattern and
        // enumeration; left are a title that trimming leaves too short, a currency and an image URL as the domain
        // reads them.
        var problems = FieldProblems()
        let organizationID = try WireValue.uuid(request.organizationId, field: "organizationId")
        let venueID = try request.venueId.map { try WireValue.uuid($0, field: "venueId") }
        let organizerIDs = try WireValue.uuids(request.organizerIds ?? [], field: "organizerIds")
        EventRules.checkTitle(request.title, required: true, into: &problems)
        let short = request.shortDescription ?? ""
        let type = EventType(rawValue: request.eventType.rawValue)
        problems.require(type != nil, "eventType", "must be Class or SocialEvent")
        let currency = Currency(request.currency ?? settings.defaultCurrency)
        problems.require(currency != nil, "currency", "must be an ISO 4217 code such as EUR")
        EventRules.checkImageURL(request.imageUrl, into: &problems)
        try problems.throwIfAny()
        guard let type, let currency else { throw problems }
        let title = request.title

        let db = store.database()
        guard try await OrganizationRecord.find(organizationID, on: db) != nil else {
            throw HTTPFailure.notFound("No such organization (organizationId).")
        }
        guard
            let user = try await access.authorizer.require(
                .eventManage, on: .organization(organizationID), by: principal, database: db)
        else { throw HTTPFailure.unauthorized("Sign in first.") }

        let eventID = try await store.transaction { db in
            if let venueID { try await requireVenue(venueID, in: organizationID, on: db) }
            let event = EventRecord(
                organizationID: organizationID, venueID: venueID,
                title: title.trimmingCharacters(in: .whitespacesAndNewlines),
                shortDescription: short, fullDescription: RichText.sanitize(request.fullDescription ?? ""),
                eventType: type.rawValue, category: request.category.flatMap { $0.isEmpty ? nil : $0 },
                policies: request.policiesProcedures, imageURL: request.imageUrl, currency: currency.code,
                createdBy: user.id, now: now)
            event.refundCutoffHours = request.refundCutoffHours
            event.buyerPlacesLimit = request.buyerPlacesLimit
            event.addressPlacesLimit = request.addressPlacesLimit
            event.addressPlacesShare = request.addressPlacesShare
            event.guestCheckout = request.guestCheckout
            try await event.create(on: db)
            let eventID = try event.requireID()
            var organizers = [OrganizerAssignment(userId: user.id, role: "Primary")]
            for id in organizerIDs where id != user.id {
                organizers.append(OrganizerAssignment(userId: id, role: "CoOrganizer"))
            }
            try await replaceOrganizers(of: event, with: organizers, now: now, on: db)
            try await Outbox.enqueue(EventChanged(eventId: eventID, organizationId: organizationID), now: now, on: db)
            try await audit.record(
                AuditEntry(
                    actor: AuditActor(principal), action: "event.created", targetType: "event",
                    targetID: eventID.uuidString, organizationID: organizationID,
                    details: ["title": .string(event.title)]),
                from: meta, at: now, on: db)
            return eventID
        }
        return try await details(eventID, by: principal, now: now)
    }

    func details(_ eventID: UUID, by principal: Principal, now: Date) async throws -> EventDetailsDTO {
        let (bundle, insider) = try await access.readable(
            eventID, by: principal, now: now, on: store.database(), organizers: true)
        return bundle.details(now: now, includeHidden: insider)
    }

    func availability(_ eventID: UUID, by principal: Principal, now: Date) async throws -> AvailabilityDTO {
        let (bundle, insider) = try await access.readable(eventID, by: principal, now: now, on: store.database())
        return bundle.availabilityDTO(now: now, includeHidden: insider)
    }

    func update(
        _ eventID: UUID, _ request: EventChanges, by principal: Principal, now: Date, meta: RequestMetadata
    )
        async throws -> EventDetailsDTO
    {
        let db = store.database()
        let event = try await access.manageable(eventID, by: principal, on: db)
        var problems = FieldProblems()
        // The document states every field's length, range, pattern and enumeration (checked before this is called);
        // left are a title that trimming leaves too short, the enumerations as the domain reads them, a currency that
        // ISO 4217 knows and an image URL that parses.
        EventRules.checkTitle(request.title, required: false, into: &problems)
        let type = request.eventType.map(EventType.init(rawValue:))
        problems.require(type != .some(nil), "eventType", "must be Class or SocialEvent")
        let currency = request.currency.map(Currency.init)
        problems.require(currency != .some(nil), "currency", "must be an ISO 4217 code such as EUR")
        let status = request.status.map(EventStatus.init(rawValue:))
        problems.require(status != .some(nil), "status", "must be one of draft, published, cancelled, archived")
        if case .value(let url) = request.imageUrl { EventRules.checkImageURL(url, into: &problems) }
        try problems.throwIfAny()

        try await store.transaction { db in
            let previous = event.status
            if let title = request.title { event.title = title.trimmingCharacters(in: .whitespacesAndNewlines) }
            if let short = request.shortDescription { event.shortDescription = short }
            if let full = request.fullDescription { event.fullDescription = RichText.sanitize(full) }
            if let type = type ?? nil { event.eventType = type.rawValue }
            event.category = request.category.applied(to: event.category)
            event.policies = request.policiesProcedures.applied(to: event.policies)
            event.imageURL = request.imageUrl.applied(to: event.imageURL)
            event.refundCutoffHours = request.refundCutoffHours.applied(to: event.refundCutoffHours)
            event.buyerPlacesLimit = request.buyerPlacesLimit.applied(to: event.buyerPlacesLimit)
            event.addressPlacesLimit = request.addressPlacesLimit.applied(to: event.addressPlacesLimit)
            event.addressPlacesShare = request.addressPlacesShare.applied(to: event.addressPlacesShare)
            if let guests = request.guestCheckout { event.guestCheckout = guests }
            if case .value(let venueID) = request.venueId {
                try await requireVenue(venueID, in: event.organizationID, on: db)
            }
            let previousVenue = event.venueID
            event.venueID = request.venueId.applied(to: event.venueID)
            if let currency = currency ?? nil, currency.code != event.currency {
                guard event.status == EventStatus.draft.rawValue else {
                    throw HTTPFailure.unprocessable(
                        FieldProblems("currency", "can change only while the event is a draft"))
                }
                event.currency = currency.code
            }
            if let next = status ?? nil, next.rawValue != event.status {
                let current = EventStatus(rawValue: event.status) ?? .draft
                guard current.canMove(to: next) else {
                    throw CatalogError.invalidTransition(from: current.rawValue, to: next.rawValue)
                }
                if next == .published {
                    guard try await SessionRecord.query(on: db).filter(\.$eventID == eventID).count() > 0 else {
                        throw CatalogError.eventIncomplete(
                            "An event needs at least one session before it is published.")
                    }
                    event.publishedAt = now
                }
                event.status = next.rawValue
            }
            if let organizers = request.organizers {
                try await replaceOrganizers(of: event, with: organizers, now: now, on: db)
            }
            event.updatedAt = now
            try await event.update(on: db)
            let organizationID = event.organizationID
            switch EventStatus(rawValue: event.status) {
            case .published where previous != event.status:
                try await Outbox.enqueue(
                    EventPublished(eventId: eventID, organizationId: organizationID), now: now, on: db)
            case .cancelled where previous != event.status:
                try await Outbox.enqueue(
                    EventCancelled(eventId: eventID, organizationId: organizationID), now: now, on: db)
            default:
                try await Outbox.enqueue(
                    EventChanged(eventId: eventID, organizationId: organizationID), now: now, on: db)
            }
            if let venueID = event.venueID, venueID != previousVenue,
                let venue = try await VenueRecord.find(venueID, on: db)
            {
                // A new venue: its ticket holders are told where to go.
                try await Outbox.enqueue(
                    EventScheduleChanged(eventId: eventID, venue: "\(venue.name), \(venue.address)"), now: now, on: db)
            }
            try await audit.record(
                AuditEntry(
                    actor: AuditActor(principal),
                    action: previous == event.status ? "event.updated" : "event.\(event.status)",
                    targetType: "event", targetID: eventID.uuidString, organizationID: event.organizationID),
                from: meta, at: now, on: db)
        }
        return try await details(eventID, by: principal, now: now)
    }

    /// Deletes an event with no registrations; one with registrations can only be cancelled.
    func delete(_ eventID: UUID, by principal: Principal, now: Date, meta: RequestMetadata) async throws {
        let db = store.database()
        let event = try await access.manageable(eventID, by: principal, on: db)
        try await store.transaction { db in
            // The deletes decide: only ticket types and sessions with nothing sold or held go, and if anything is left
            // the whole transaction rolls back. A purchase racing this waits on the row locks and sees the outcome.
            let sql = db.sql
            try await RowLocks.lockEventPlaces(eventID, on: db)
            try await sql.raw("DELETE FROM ticket_types WHERE event_id = \(bind: eventID) AND sold = 0 AND held = 0")
                .run()
            guard try await TicketTypeRecord.query(on: db).filter(\.$eventID == eventID).count() == 0 else {
                throw CatalogError.eventHasRegistrations
            }
            try await sql.raw("DELETE FROM sessions WHERE event_id = \(bind: eventID) AND sold = 0 AND held = 0").run()
            guard try await SessionRecord.query(on: db).filter(\.$eventID == eventID).count() == 0 else {
                throw CatalogError.eventHasRegistrations
            }
            try await StaffAssignmentRecord.query(on: db).filter(\.$eventID == eventID).delete()
            try await event.delete(on: db)
            try await Outbox.enqueue(
                EventChanged(eventId: eventID, organizationId: event.organizationID), now: now, on: db)
            try await audit.record(
                AuditEntry(
                    actor: AuditActor(principal), action: "event.deleted", targetType: "event",
                    targetID: eventID.uuidString, organizationID: event.organizationID,
                    details: ["title": .string(event.title)]),
                from: meta, at: now, on: db)
        }
    }

    // MARK: Helpers

    private func requireVenue(_ venueID: UUID, in organizationID: UUID, on db: any Database) async throws {
        guard let venue = try await VenueRecord.find(venueID, on: db), venue.organizationID == organizationID else {
            throw CatalogError.venueNotFound
        }
    }

    /// Replaces the organizer list; each must be a member of the event's organization.
    private func replaceOrganizers(
        of event: EventRecord, with organizers: [OrganizerAssignment], now: Date, on db: any Database
    )
        async throws
    {
        let eventID = try event.requireID()
        let ids = organizers.map(\.userId)
        let members = Set(
            try await MembershipRecord.query(on: db)
                .filter(\.$organizationID == event.organizationID).filter(\.$userID ~~ ids).all(\.$userID))
        let admins = Set(
            try await UserRecord.query(on: db).filter(\.$id ~~ ids).filter(\.$role == PlatformRole.admin.rawValue).all(
                \.$id)
        )
        .compactMap { $0 }
        for id in ids where !members.contains(id) && !admins.contains(id) { throw CatalogError.organizerNotMember(id) }
        try await EventOrganizerRecord.query(on: db).filter(\.$eventID == eventID).delete()
        var seen = Set<UUID>()
        for organizer in organizers where seen.insert(organizer.userId).inserted {
            try await EventOrganizerRecord(
                eventID: eventID, userID: organizer.userId, role: organizer.role ?? "CoOrganizer", now: now
            )
            .create(on: db)
        }
    }

    /// The sites allowed to frame the event's embeds: its organization's allow-list (none for an unknown event).
    func embedOrigins(of eventID: UUID) async throws -> [String] {
        let row = try await store.sql().raw(
            """
            SELECT o.embed_origins FROM events e JOIN organizations o ON o.id = e.organization_id WHERE e.id = \(bind: eventID)
            """
        ).first(row: EmbedOriginsRow.self)
        return EmbedOrigins.list(row?.embedOrigins)
    }

}

/// An event's organization's allow-list of embedding sites.
private struct EmbedOriginsRow: Decodable {
    var embedOrigins: String?
}
