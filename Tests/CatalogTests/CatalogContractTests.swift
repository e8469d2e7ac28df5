import BoxOfficeApp
import Catalog
import Foundation
import HTTPCore
import HTTPTypes
import HummingbirdTesting
import TestSupport
import Testing

/// Real catalog responses, success and failure, against the API document.
@Suite struct CatalogContractTests {
    @Test(arguments: TestDatabase.all)
    func responsesMatchTheDocument(_ database: TestDatabase) async throws {
        let validator = OpenAPIValidator(document: BoxOffice.documentation)
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            var checked = 0
            func check(
                _ method: HTTPRequest.Method, _ uri: String, template: String, json: [String: JSONValue]? = nil,
                sourceLocation: SourceLocation = #_sourceLocation
            ) async throws {
                let response =
                    json == nil
                    ? try await app.client.send(method, uri, headers: fixture.headers)
                    : try await app.client.send(method, uri, headers: fixture.headers, json: json)
                guard response.body.readableBytes > 0 else { return }
                let problems = validator.validateResponse(
                    try response.json(), method: method.rawValue, path: template,
                    status: Int(response.status.code))
                #expect(
                    problems.isEmpty, "\(method) \(uri) \(response.status.code): \(problems)",
                    sourceLocation: sourceLocation)
                checked += 1
            }
            let venue = try await app.client.send(
                .post, "/api/organizations/\(fixture.organization.organizationId)/venues", headers: fixture.headers,
                json: ["name": "Main Studio", "address": "123 Salem St", "capacity": 25] as [String: JSONValue]
            )
            .decode(VenueDTO.self)
            let (event, full, _, _) = try await fixture.workshop()
            let id = event.eventId
            try await check(
                .put, "/api/events/\(id)", template: "/api/events/{eventId}",
                json: ["venueId": .string(venue.venueId.uuidString)])
            try await check(.get, "/api/events/\(id)", template: "/api/events/{eventId}")
            try await check(.get, "/api/events", template: "/api/events")
            try await check(.get, "/api/events/upcoming", template: "/api/events/upcoming")
            try await check(.get, "/api/events/category/Workshops", template: "/api/events/category/{category}")
            try await check(.get, "/api/admin/events", template: "/api/admin/events")
            try await check(.get, "/api/events/\(id)/availability", template: "/api/events/{eventId}/availability")
            try await check(.get, "/api/events/\(id)/tickets", template: "/api/events/{eventId}/tickets")
            try await check(.get, "/api/events/\(id)/sessions", template: "/api/events/{eventId}/sessions")
            try await check(.get, "/api/events/\(id)/ticket-types", template: "/api/events/{eventId}/ticket-types")
            try await check(
                .get, "/api/ticket-types/\(full.ticketTypeId)/availability",
                template: "/api/ticket-types/{ticketTypeId}/availability")
            try await check(
                .put, "/api/events/\(id)/sessions/S1", template: "/api/events/{eventId}/sessions/{sessionId}",
                json: ["capacity": 30])
            try await check(
                .put, "/api/events/\(id)/ticket-types/\(full.ticketTypeId)",
                template: "/api/events/{eventId}/ticket-types/{ticketTypeId}",
                json: ["memberPrice": 100])
            try await check(
                .get, "/api/organizations/\(fixture.organization.organizationId)/venues",
                template: "/api/organizations/{organizationId}/venues")
            try await check(
                .put, "/api/venues/\(venue.venueId)", template: "/api/venues/{venueId}", json: ["capacity": 30])
            // Failures carry the error envelope the document promises.
            try await check(.put, "/api/events/\(id)", template: "/api/events/{eventId}", json: ["status": "draft"])
            try await check(
                .post, "/api/events/\(id)/sessions", template: "/api/events/{eventId}/sessions", json: ["capacity": 0])
            try await check(.get, "/api/events/\(UUID())", template: "/api/events/{eventId}")
            #expect(checked == 18)
        }
    }
}
