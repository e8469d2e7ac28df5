import Accounts
import Catalog
import Foundation
import HTTPCore
import HTTPTypes
import HummingbirdTesting
import TestSupport
import Testing

@Suite struct ListingTests {
    func titles(_ app: TestApp, _ query: String, headers: HTTPFields = [:], path: String = "/api/events") async throws
        -> [String]
    {
        let response = try await app.client.send(.get, path + query, headers: headers)
        #expect(response.status == .ok, "\(query): \(response.text)")
        return try response.decode(EventListDTO.self).events.map(\.title)
    }

    @Test(arguments: TestDatabase.all)
    func publicListsFilterAndPaginate(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            func event(_ title: String, type: String = "Class", category: String, day: Int, publish: Bool = true)
                async throws -> UUID
            {
                let event = try await fixture.createEvent(title, extra: ["eventType": type, "category": category])
                try await fixture.addSession(event.eventId, name: "Only", day: day, capacity: 10)
                try await fixture.addTicketType(event.eventId, name: "Entry", sessions: ["S1"], price: Double(abs(day)))
                if publish { try await fixture.publish(event.eventId) }
                return event.eventId
            }
            _ = try await event("Past Social", type: "SocialEvent", category: "Music", day: -3)
            _ = try await event("Rope Basics", category: "Workshops", day: 2)
            _ = try await event("Jazz Night", type: "SocialEvent", category: "Music", day: 5)
            _ = try await event("Secret Draft", category: "Music", day: 6, publish: false)

            #expect(try await titles(app, "") == ["Rope Basics", "Jazz Night"], "published, not past, by start")
            #expect(try await titles(app, "?showPast=true") == ["Past Social", "Rope Basics", "Jazz Night"])
            #expect(try await titles(app, "?eventType=SocialEvent&showPast=true") == ["Past Social", "Jazz Night"])
            #expect(try await titles(app, "?category=music") == ["Jazz Night"])
            #expect(try await titles(app, "", path: "/api/events/category/Music") == ["Jazz Night"])
            #expect(try await titles(app, "?q=ROPE") == ["Rope Basics"])
            #expect(
                try await titles(app, "?organization=\(fixture.organization.slug)") == ["Rope Basics", "Jazz Night"])
            #expect(
                try await titles(app, "?organizerId=\(fixture.organizer.user.id)") == ["Rope Basics", "Jazz Night"])
            #expect(try await titles(app, "?organizerId=\(UUID())").isEmpty)
            #expect(try await titles(app, "?from=\(CatalogFixture.day(3))") == ["Jazz Night"])
            #expect(try await titles(app, "?to=\(CatalogFixture.day(3))") == ["Rope Basics"])
            #expect(try await titles(app, "", path: "/api/events/upcoming") == ["Rope Basics", "Jazz Night"])

            let page = try await app.client.send(.get, "/api/events?perPage=1&page=2&showPast=true").decode(
                EventListDTO.self)
            #expect(page.events.map(\.title) == ["Rope Basics"] && page.total == 3 && page.page == 2)
            let summary = try #require(
                try await app.client.send(.get, "/api/events?q=jazz").decode(EventListDTO.self).events.first)
            #expect(
                summary.lowestPrice == 5 && summary.highestPrice == 5 && summary.sessionCount == 1
                    && summary.totalCapacity == 10)

            let bad = try await app.client.send(
                .get, "/api/events?eventType=Party&showPast=maybe&perPage=500&from=yesterday")
            #expect(
                Set(try bad.json()["error"]?["details"]?["fields"]?.objectValue?.keys.map { $0 } ?? [])
                    == ["eventType", "showPast", "perPage", "from"])
            // The parameters are checked as the API document states them, in its words.
            let fields = try bad.json()["error"]?["details"]?["fields"]
            #expect(fields?["perPage"] == "must be from 1 to 100")
            #expect(fields?["showPast"] == "must be a boolean")
        }
    }

    @Test(arguments: TestDatabase.all)
    func insiderListsIncludeDraftsOfTheirOwnOrganizations(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let draft = try await fixture.createEvent("Secret Draft")
            let assigned = try await fixture.createEvent("Staffed Draft")
            #expect(
                try await titles(app, "", headers: fixture.headers, path: "/api/admin/events").sorted() == [
                    "Secret Draft", "Staffed Draft",
                ])
            #expect(
                try await titles(app, "?status=published", headers: fixture.headers, path: "/api/admin/events").isEmpty)

            let outsider = try await app.signUp("outsider@example.org")
            #expect(try await titles(app, "", headers: outsider.bearer, path: "/api/admin/events").isEmpty)
            #expect(try await app.client.send(.get, "/api/admin/events").status == .unauthorized)
            let admin = try await app.signInAdmin()
            #expect(try await titles(app, "", headers: admin.bearer, path: "/api/admin/events").count == 2)

            let staff = try await app.signUp("door@example.org")
            _ = try await app.client.send(
                .post, "/api/organizations/\(fixture.organization.organizationId)/members", headers: fixture.headers,
                json: ["email": "door@example.org", "role": "staff"])
            _ = try await app.client.send(
                .put, "/api/organizations/\(fixture.organization.organizationId)/members/\(staff.user.id)/events",
                headers: fixture.headers, json: ["eventIds": [assigned.eventId.uuidString]])
            #expect(try await titles(app, "", headers: staff.bearer, path: "/api/admin/events") == ["Staffed Draft"])
            #expect(
                try await app.client.send(.get, "/api/events/\(assigned.eventId)", headers: staff.bearer).status == .ok)
            #expect(
                try await app.client.send(.get, "/api/events/\(draft.eventId)", headers: staff.bearer).status
                    == .notFound)
        }
    }
}
