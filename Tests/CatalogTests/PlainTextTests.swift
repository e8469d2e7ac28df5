import Foundation
import HTTPCore
import HTTPTypes
import HummingbirdTesting
import TestSupport
import Testing

/// Plain-text fields refuse markup and image URLs must be plain absolute http(s) URLs; only an event's full description
/// takes (sanitised) markup.
@Suite struct PlainTextTests {
    @Test(arguments: TestDatabase.all)
    func markupIsRefusedWhereTextIsPlain(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let event = try await fixture.createEvent("Plain")
            let script = "<script>alert(1)</script>"
            let update = try await app.client.send(
                .put, "/api/events/\(event.eventId)", headers: fixture.headers,
                json: [
                    "shortDescription": .string(script), "policiesProcedures": .string("<img src=x onerror=alert(2)>"),
                    "category": .string("</b>"), "imageUrl": .string("https://cdn.example.org/a.png\"onerror=\"x"),
                ] as [String: JSONValue])
            #expect(update.status == .badRequest)
            let fields = try update.json()["error"]?["details"]?["fields"]
            for field in ["shortDescription", "policiesProcedures", "category", "imageUrl"] {
                #expect(fields?[field] != nil, "\(field): \(update.text)")
            }
            try await fixture.addSession(event.eventId, name: "Night", day: 4, capacity: 5)
            let type = try await app.client.send(
                .post, "/api/events/\(event.eventId)/ticket-types", headers: fixture.headers,
                json: [
                    "name": "<b>VIP</b>", "description": .string(script), "includedSessions": ["S1"], "price": 0,
                    "salesEndDate": .string(CatalogFixture.day(3)),
                ] as [String: JSONValue])
            #expect(type.status == .badRequest)
            let typeFields = try type.json()["error"]?["details"]?["fields"]
            #expect(typeFields?["name"] != nil && typeFields?["description"] != nil)
            // Text that merely mentions the signs is text.
            let fine = try await app.client.send(
                .put, "/api/events/\(event.eventId)", headers: fixture.headers,
                json: ["shortDescription": "Ages 5 < x > 3 & friends", "imageUrl": "https://cdn.example.org/a.png?x=1"])
            #expect(fine.status == .ok, "\(fine.text)")
        }
    }
}
