public import Domain
import Foundation
public import HTTPCore
public import Hummingbird
import Persistence

/// The partner surface's catalog: a partner app reads what its own organization publishes, and nothing of any other
/// organization, whatever it asks for. Its key says which organization; no query parameter can change it.
public struct PartnerCatalogRoutes: Sendable {
    let catalog: PartnerCatalog
    let clock: AppClock

    public init(services: CatalogServices, clock: AppClock) {
        self.catalog = services.partners
        self.clock = clock
    }

    public func register(on router: some RouterMethods<AppRequestContext>) {
        let partners = router.group(context: PartnerRequestContext.self)
        partners.get("/api/partner/events") { request, context in
            try await catalog.events(
                try EventFilter(QueryReader(request, context: context)), for: context.partner, now: clock.now())
        }
        partners.get("/api/partner/events/:eventId") { _, context in
            try await catalog.event(try context.pathUUID("eventId"), for: context.partner, now: clock.now())
        }
    }
}

/// What a partner may read: its organization's catalog as the public sees it (published events only). The scope is
/// the key's organization, decided here for every read; the access policy grants partners no action of their own.
struct PartnerCatalog: Sendable {
    let listing: EventListing
    let events: EventService

    func events(_ filter: EventFilter, for partner: PartnerIdentity, now: Date) async throws -> EventListDTO {
        var filter = filter
        filter.organization = partner.organizationID.uuidString
        return try await listing.list(filter, for: .everyone, now: now)
    }

    func event(_ eventID: UUID, for partner: PartnerIdentity, now: Date) async throws -> EventDetailsDTO {
        let details = try await events.details(eventID, by: .anonymous, now: now)
        guard details.organizationId == partner.organizationID else { throw CatalogError.eventNotFound }
        return details
    }
}
