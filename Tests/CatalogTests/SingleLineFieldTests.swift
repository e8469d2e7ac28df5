import BoxOfficeApp
import Domain
import Foundation
import HTTPCore
import HTTPTypes
import HummingbirdTesting
import TestSupport
import Testing

/// Titles and names used to take line breaks and keep them. Nothing needs one there, so single-line fields refuse
/// `\n` and `\r` (400, the field named), while descriptions and message bodies keep taking them.
@Suite struct SingleLineFieldTests {
    func field(_ response: TestResponse, _ name: String) throws -> JSONValue? {
        try response.json()["error"]?["details"]?["fields"]?[name]
    }

    /// Whether the answer is a 400 that names `name` for its line break.
    func refusesLineBreak(_ response: TestResponse, _ name: String) throws -> Bool {
        let problem = try field(response, name)
        return response.status == .badRequest && problem == .string(FieldProblems.lineBreakProblem)
    }

    @Test func titlesAndNamesRefuseLineBreaks() async throws {
        try await withApp { app in
            let fixture = try await CatalogFixture.make(app)
            let title = try await app.client.send(
                .post, "/api/events", headers: fixture.headers,
                json: [
                    "organizationId": fixture.organization.organizationId, "title": "Rope\nWorkshop",
                    "shortDescription": "Learn", "eventType": "Class", "category": "Workshops",
                ])
            #expect(try refusesLineBreak(title, "title"), "\(title.text)")

            // A description is text of several lines: it keeps taking them.
            let event = try await fixture.createEvent("Rope Workshop", extra: ["shortDescription": "Learn\r\nthings"])

            let session = try await app.client.send(
                .post, "/api/events/\(event.eventId)/sessions", headers: fixture.headers,
                json: [
                    "sessionName": "Day\r1", "startsAt": .string(CatalogFixture.day(1)),
                    "endsAt": .string(CatalogFixture.day(1, hour: 21)), "capacity": 10,
                ] as [String: JSONValue])
            #expect(try refusesLineBreak(session, "sessionName"), "\(session.text)")

            let day = try await fixture.addSession(event.eventId, name: "Day 1", day: 1, capacity: 10)
            let type = try await app.client.send(
                .post, "/api/events/\(event.eventId)/ticket-types", headers: fixture.headers,
                json: [
                    "name": "Full\nSeries", "includedSessions": [.string(day.sessionId)], "price": 10,
                    "salesEndDate": .string(CatalogFixture.day(30)),
                ] as [String: JSONValue])
            #expect(try refusesLineBreak(type, "name"), "\(type.text)")

            let venue = try await app.client.send(
                .post, "/api/organizations/\(fixture.organization.organizationId)/venues", headers: fixture.headers,
                json: ["name": "Main\nHall", "address": "1 Street\nTown", "capacity": 10] as [String: JSONValue])
            #expect(try refusesLineBreak(venue, "name"), "\(venue.text)")
            #expect(try field(venue, "address") == nil, "an address may take several lines")

            let organization = try await app.client.send(
                .post, "/api/organizations", headers: fixture.headers, json: ["name": "Rope\nClub"])
            #expect(try refusesLineBreak(organization, "name"), "\(organization.text)")

            let account = try await app.client.send(
                .post, "/api/auth/register",
                json: ["email": "ada@example.org", "password": TestApp.password, "displayName": "Ada\nLovelace"])
            #expect(try refusesLineBreak(account, "displayName"), "\(account.text)")
        }
    }

    @Test func theDocumentSaysSo() throws {
        let schemas = try #require(BoxOffice.documentation["components"]?["schemas"])
        for (schema, property) in [
            ("CreateEventRequest", "title"), ("UpdateEventRequest", "title"), ("VenueRequest", "name"),
            ("SessionRequest", "sessionName"), ("TicketTypeRequest", "name"),
            ("RegisterRequest", "displayName"), ("CreateOrganizationRequest", "name"),
        ] {
            let pattern = try #require(schemas[schema]?["properties"]?[property]?["pattern"]?.stringValue, "\(schema)")
            let regex = try NSRegularExpression(pattern: pattern)
            for text in ["A\nB", "A\rB"] {
                let range = NSRange(text.startIndex..., in: text)
                #expect(regex.firstMatch(in: text, range: range) == nil, "\(schema).\(property) allows \(text)")
            }
            #expect(regex.firstMatch(in: "A B", range: NSRange(location: 0, length: 3)) != nil)
        }
    }
}
