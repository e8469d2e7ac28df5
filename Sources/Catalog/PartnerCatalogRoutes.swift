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
                try EventFilter(request.uri.queryParameters), for: context.partner, now: clock.now())
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

extension PartnerCatalogRoutes {
    public static let documentation: APIDocumentation = {
        func operation(_ id: String, _ summary: String, parameters: [JSONValue] = [], _ ok: JSONValue) -> JSONValue {
            var operation = OpenAPI.operation(
                id, tag: "Partners", summary: summary,
                description: "With a partner key: the key's organization's published events only.",
                parameters: parameters,
                responses: [
                    "200": ok,
                    "401": OpenAPI.error("No partner key, or an unknown or revoked one (UNAUTHORIZED)"),
                    "404": OpenAPI.error("No such published event of this organization"),
                    "403": OpenAPI.error("A person's or a kiosk's token (FORBIDDEN)"),
                ])
            if case .object(var fields) = operation {
                fields["security"] = [["partnerKey": []]]
                operation = .object(fields)
            }
            return operation
        }
        let page: JSONValue = ["type": "integer", "minimum": 1, "maximum": 100_000]
        let perPage: JSONValue = ["type": "integer", "minimum": 1, "maximum": 100]
        return APIDocumentation(
            paths: [
                "/api/partner/events": [
                    "get": operation(
                        "listPartnerEvents", "The organization's published events",
                        parameters: [
                            ["name": "page", "in": "query", "required": false, "schema": page],
                            ["name": "perPage", "in": "query", "required": false, "schema": perPage],
                            ["name": "showPast", "in": "query", "required": false, "schema": OpenAPI.boolean],
                        ], OpenAPI.json("A page of events", OpenAPI.ref("EventList")))
                ],
                "/api/partner/events/{eventId}": [
                    "get": operation(
                        "getPartnerEvent", "One of the organization's published events",
                        parameters: [["name": "eventId", "in": "path", "required": true, "schema": OpenAPI.uuid]],
                        OpenAPI.json("The event", OpenAPI.ref("EventDetails")))
                ],
            ],
            tags: [["name": "Partners", "description": "Partner apps, with their organization's partner key"]])
    }()
}
