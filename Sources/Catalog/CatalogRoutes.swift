public import Domain
import FluentKit
import Foundation
public import HTTPCore
public import Hummingbird
public import Persistence
import WireTypes

/// The catalog's services, built once by the composition root and shared by its routes (and any worker).
public struct CatalogServices: Sendable {
    let events: EventService
    let sessions: SessionService
    let ticketTypes: TicketTypeService
    let venues: VenueService
    let listing: EventListing
    let partners: PartnerCatalog

    public init(store: DatabaseStore, settings: EventService.Settings) {
        self.events = EventService(store: store, settings: settings)
        self.sessions = SessionService(store: store, maximumCapacity: settings.maximumSessionCapacity)
        self.ticketTypes = TicketTypeService(store: store)
        self.venues = VenueService(store: store)
        self.listing = EventListing(store: store)
        self.partners = PartnerCatalog(listing: listing, events: events)
    }
}

/// The catalog's routes: events, sessions, ticket types, availability and venues, plus the aliases older clients call
/// (`/api/events/{eventId}/tickets` for the ticket types, `categoryId` for a ticket type).
public struct CatalogRoutes: Sendable {
    let events: EventService
    let sessions: SessionService
    let ticketTypes: TicketTypeService
    let venues: VenueService
    let listing: EventListing
    let clientAddress: ClientAddress
    let clock: AppClock

    public init(services: CatalogServices, clientAddress: ClientAddress, clock: AppClock) {
        self.events = services.events
        self.sessions = services.sessions
        self.ticketTypes = services.ticketTypes
        self.venues = services.venues
        self.listing = services.listing
        self.clientAddress = clientAddress
        self.clock = clock
    }

    public func register(on router: some RouterMethods<AppRequestContext>) {
        registerEvents(on: router)
        registerSessions(on: router)
        registerTicketTypes(on: router)
        registerVenues(on: router)
    }

    private func registerEvents(on router: some RouterMethods<AppRequestContext>) {
        let users = router.group(context: UserRequestContext.self)
        router.get("/api/events") { request, context in
            try await listing.list(
                EventFilter(QueryReader(request, context: context)), for: .everyone, now: clock.now())
        }
        router.get("/api/events/upcoming") { request, context in
            try await listing.list(
                EventFilter(QueryReader(request, context: context)), for: .everyone, now: clock.now(),
                upcomingOnly: true)
        }
        router.get("/api/events/category/:category") { request, context in
            var filter = try EventFilter(QueryReader(request, context: context))
            filter.category = try context.pathString("category")
            return try await listing.list(filter, for: .everyone, now: clock.now())
        }
        users.get("/api/admin/events") { request, context in
            try await listing.insiderList(
                EventFilter(QueryReader(request, context: context)).withPastShown(), for: context.user, now: clock.now()
            )
        }
        users.post("/api/events") { request, context in
            let body = try await request.decode(as: Components.Schemas.CreateEventRequest.self, context: context)
            let event = try await events.create(
                body, by: context.identity, now: clock.now(), meta: clientAddress.metadata(request, context))
            return EditedResponse(status: .created, response: event)
        }
        router.get("/api/events/:eventId") { _, context in
            try await events.details(context.pathUUID("eventId"), by: context.identity, now: clock.now())
        }
        users.put("/api/events/:eventId") { request, context in
            let id = try context.pathUUID("eventId")
            let (body, sent) = try await request.decodePartial(
                as: Components.Schemas.UpdateEventRequest.self, context: context)
            return try await events.update(
                id, try EventChanges(body, sent: sent), by: context.identity, now: clock.now(),
                meta: clientAddress.metadata(request, context))
        }
        users.delete("/api/events/:eventId") { request, context in
            try await events.delete(
                context.pathUUID("eventId"), by: context.identity, now: clock.now(),
                meta: clientAddress.metadata(request, context))
            return HTTPResponse.Status.noContent
        }
        router.get("/api/events/:eventId/availability") { _, context in
            try await events.availability(context.pathUUID("eventId"), by: context.identity, now: clock.now())
        }
        router.get("/api/events/:eventId/tickets") { _, context in
            try await ticketTypes.list(context.pathUUID("eventId"), by: context.identity, now: clock.now())
        }
    }

    private func registerSessions(on router: some RouterMethods<AppRequestContext>) {
        let users = router.group(context: UserRequestContext.self)
        router.get("/api/events/:eventId/sessions") { _, context in
            try await sessions.list(context.pathUUID("eventId"), by: context.identity, now: clock.now())
        }
        users.post("/api/events/:eventId/sessions") { request, context in
            let id = try context.pathUUID("eventId")
            let body = try await request.decode(as: Components.Schemas.SessionRequest.self, context: context)
            let session = try await sessions.create(
                id, SessionChanges(body), by: context.identity, now: clock.now(),
                meta: clientAddress.metadata(request, context))
            return EditedResponse(status: .created, response: session)
        }
        users.put("/api/events/:eventId/sessions/:sessionId") { request, context in
            let id = try context.pathUUID("eventId")
            let code = try context.pathString("sessionId")
            let body = try await request.decode(as: Components.Schemas.SessionUpdate.self, context: context)
            return try await sessions.update(
                id, code, SessionChanges(body), by: context.identity, now: clock.now(),
                meta: clientAddress.metadata(request, context))
        }
        users.delete("/api/events/:eventId/sessions/:sessionId") { request, context in
            try await sessions.delete(
                context.pathUUID("eventId"), try context.pathString("sessionId"), by: context.identity,
                now: clock.now(),
                meta: clientAddress.metadata(request, context))
            return HTTPResponse.Status.noContent
        }
    }

    private func registerTicketTypes(on router: some RouterMethods<AppRequestContext>) {
        let users = router.group(context: UserRequestContext.self)
        router.get("/api/events/:eventId/ticket-types") { _, context in
            try await ticketTypes.list(context.pathUUID("eventId"), by: context.identity, now: clock.now())
        }
        users.post("/api/events/:eventId/ticket-types") { request, context in
            let id = try context.pathUUID("eventId")
            // Checked against the create's schema (name, sessions and sales end required), then read as the update's
            // type, which has the same fields, each optional: one reading of a ticket type's fields.
            let (body, sent) = try await request.decodePartial(
                as: Components.Schemas.TicketTypeUpdate.self, context: context)
            let type = try await ticketTypes.create(
                id, TicketTypeChanges(body, sent: sent), by: context.identity, now: clock.now(),
                meta: clientAddress.metadata(request, context))
            return EditedResponse(status: .created, response: type)
        }
        users.put("/api/events/:eventId/ticket-types/:ticketTypeId") { request, context in
            let id = try context.pathUUID("eventId")
            let typeID = try context.pathUUID("ticketTypeId")
            let (body, sent) = try await request.decodePartial(
                as: Components.Schemas.TicketTypeUpdate.self, context: context)
            return try await ticketTypes.update(
                id, typeID, TicketTypeChanges(body, sent: sent), by: context.identity, now: clock.now(),
                meta: clientAddress.metadata(request, context)
            )
        }
        users.delete("/api/events/:eventId/ticket-types/:ticketTypeId") { request, context in
            try await ticketTypes.delete(
                context.pathUUID("eventId"), context.pathUUID("ticketTypeId"), by: context.identity, now: clock.now(),
                meta: clientAddress.metadata(request, context))
            return HTTPResponse.Status.noContent
        }
        router.get("/api/ticket-types/:ticketTypeId/availability") { _, context in
            try await ticketTypes.availability(context.pathUUID("ticketTypeId"), by: context.identity, now: clock.now())
        }
    }

    private func registerVenues(on router: some RouterMethods<AppRequestContext>) {
        let users = router.group(context: UserRequestContext.self)
        users.get("/api/organizations/:organizationId/venues") { _, context in
            return try await venues.list(context.pathUUID("organizationId"), by: context.identity)
        }
        users.post("/api/organizations/:organizationId/venues") { request, context in
            let id = try context.pathUUID("organizationId")
            let body = try await request.decode(as: Components.Schemas.VenueRequest.self, context: context)
            let venue = try await venues.create(
                id, VenueChanges(name: body.name, address: body.address, capacity: body.capacity), by: context.identity,
                now: clock.now(), meta: clientAddress.metadata(request, context))
            return EditedResponse(status: .created, response: venue)
        }
        users.put("/api/venues/:venueId") { request, context in
            let id = try context.pathUUID("venueId")
            let body = try await request.decode(as: Components.Schemas.VenueUpdateRequest.self, context: context)
            return try await venues.update(
                id, VenueChanges(name: body.name, address: body.address, capacity: body.capacity), by: context.identity,
                now: clock.now(), meta: clientAddress.metadata(request, context))
        }
        users.delete("/api/venues/:venueId") { request, context in
            try await venues.delete(
                context.pathUUID("venueId"), by: context.identity, now: clock.now(),
                meta: clientAddress.metadata(request, context))
            return HTTPResponse.Status.noContent
        }
    }
}

extension EventFilter {
    /// Insider lists show past events unless asked not to.
    func withPastShown() -> EventFilter {
        var filter = self
        filter.showPast = true
        return filter
    }
}
