import Foundation
import HTTPCore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

/// The embeds surface: an event's widget may be framed by exactly the sites its organization allows; every other
/// answer stays unframeable, and the page shows text, never markup.
@Suite struct EmbedTests {
    @Test(arguments: TestDatabase.all)
    func anEmbedCarriesItsOrganizationsFrameAncestors(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let workshop = try await fixture.workshop()
            let eventID = workshop.event.eventId

            // Nobody is allowed yet: the embed may not be framed at all.
            let closed = try await app.client.send(.get, "/embed/events/\(eventID)")
            #expect(closed.status == .ok && closed.headers[.contentType] == "text/html; charset=utf-8")
            #expect(closed.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
            #expect(closed.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")

            let organization = workshop.event.organizationId
            let set = try await app.client.send(
                .put, "/api/organizations/\(organization)/embedding", headers: fixture.headers,
                json: ["allowedOrigins": ["https://partner.example.org", "http://localhost:3000"]]
                    as [String: JSONValue])
            #expect(set.status == .ok, "\(set.text)")
            let bad = try await app.client.send(
                .put, "/api/organizations/\(organization)/embedding", headers: fixture.headers,
                json: ["allowedOrigins": ["https://partner.example.org/path", "http://evil.example"]]
                    as [String: JSONValue])
            #expect(bad.status == .badRequest)
            #expect(try bad.json()["error"]?["details"]?["fields"]?["allowedOrigins[0]"] != nil)
            #expect(try bad.json()["error"]?["details"]?["fields"]?["allowedOrigins[1]"] != nil)
            // A port past 65535 (or 0) is no port a browser would match: refused, not stored into the policy.
            let badPort = try await app.client.send(
                .put, "/api/organizations/\(organization)/embedding", headers: fixture.headers,
                json: ["allowedOrigins": ["https://evil.test:99999", "https://evil.test:0", "https://ok.test:65535"]]
                    as [String: JSONValue])
            #expect(badPort.status == .badRequest)
            #expect(try badPort.json()["error"]?["details"]?["fields"]?["allowedOrigins[0]"] != nil)
            #expect(try badPort.json()["error"]?["details"]?["fields"]?["allowedOrigins[1]"] != nil)
            #expect(try badPort.json()["error"]?["details"]?["fields"]?["allowedOrigins[2]"] == nil)
            let read = try await app.client.send(
                .get, "/api/organizations/\(organization)/embedding", headers: fixture.headers)
            #expect(try read.json()["allowedOrigins"] == ["https://partner.example.org", "http://localhost:3000"])

            let open = try await app.client.send(.get, "/embed/events/\(eventID)")
            #expect(
                open.headers[.contentSecurityPolicy]?.contains(
                    "frame-ancestors https://partner.example.org http://localhost:3000")
                    == true)
            #expect(open.headers[HTTPField.Name("X-Frame-Options")!] == nil, "the allow-list, not DENY, decides")
            #expect(open.text.contains("Day 1 Only") || open.text.contains("<li>"))

            // The API itself stays unframeable.
            let api = try await app.client.send(.get, "/api/events/\(eventID)")
            #expect(api.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
            #expect(api.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
        }
    }

    @Test func theWidgetShowsTextNeverMarkup() async throws {
        try await withApp { app in
            let fixture = try await CatalogFixture.make(app)
            let event = try await fixture.createEvent("Tom & Jerry's \"Best\" night <3")
            try await fixture.addSession(event.eventId, name: "Night", day: 5, capacity: 10)
            try await fixture.addTicketType(
                event.eventId, name: "Seats > 5 & 'VIP'", sessions: ["S1"], price: 0)
            try await fixture.publish(event.eventId)
            let page = try await app.client.send(.get, "/embed/events/\(event.eventId)")
            #expect(page.status == .ok)
            #expect(page.text.contains("Tom &amp; Jerry&#39;s &quot;Best&quot; night &lt;3"))
            #expect(page.text.contains("Seats &gt; 5 &amp; &#39;VIP&#39;"))
            #expect(page.text.contains("10 left"))

            let draft = try await fixture.createEvent("Not yet")
            #expect(try await app.client.send(.get, "/embed/events/\(draft.eventId)").status == .notFound)
        }
    }
}
