import Catalog
import FluentKit
import Foundation
import HTTPCore
import HTTPTypes
import HummingbirdTesting
import Persistence
import TestSupport
import Testing

@Suite struct EventTests {
    @Test(arguments: TestDatabase.all)
    func anOrganizerCreatesADraftEvent(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let event = try await fixture.createEvent(extra: [
                "fullDescription":
                    #"<p onclick="x()">Bring <strong>rope</strong><script>alert(1)</script> <a href="javascript:alert(1)">here</a> <a href="https://example.org/kit">kit</a></p><img src=x onerror=alert(1)>"#
            ])
            #expect(event.status == "draft")
            #expect(!event.isPublished)
            #expect(event.currency == "EUR")
            #expect(event.organizers.map(\.role) == ["Primary"])
            #expect(event.organizers.first?.userId.uuidString == fixture.organizer.user.id)
            #expect(
                event.fullDescription
                    == #"<p>Bring <strong>rope</strong> <a>here</a> <a href="https://example.org/kit" rel="nofollow noopener noreferrer">kit</a></p>"#
            )

            let anonymous = try await app.client.send(.get, "/api/events/\(event.eventId)")
            #expect(anonymous.status == .notFound, "drafts are not public")
            let stranger = try await app.signUp("stranger@example.org")
            #expect(
                try await app.client.send(.get, "/api/events/\(event.eventId)", headers: stranger.bearer).status
                    == .notFound)
            #expect(
                try await app.client.send(.get, "/api/events/\(event.eventId)", headers: fixture.headers).status == .ok)
        }
    }

    @Test(arguments: TestDatabase.all)
    func badEventInputIsNamedAndNothingIsWritten(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let response = try await app.client.send(
                .post, "/api/events", headers: fixture.headers,
                json: [
                    "organizationId": fixture.organization.organizationId, "title": "ab", "eventType": "Party",
                    "currency": "EURO",
                    "shortDescription": String(repeating: "x", count: 501), "imageUrl": "javascript:alert(1)",
                ])
            #expect(response.status == .badRequest)
            let fields = Set(try response.json()["error"]?["details"]?["fields"]?.objectValue?.keys.map { $0 } ?? [])
            #expect(fields == ["title", "eventType", "currency", "shortDescription", "imageUrl"])
            // Three code points as the document counts them, but two characters once trimmed: a rule, not a shape.
            let trimmedShort = try await app.client.send(
                .post, "/api/events", headers: fixture.headers,
                json: ["organizationId": fixture.organization.organizationId, "title": " ab", "eventType": "Class"])
            #expect(trimmedShort.status == .unprocessableContent)
            #expect(
                try trimmedShort.json()["error"]?["details"]?["fields"]?["title"]
                    == "must have at least 3 characters besides surrounding spaces")
            let missing = try await app.client.send(
                .post, "/api/events", headers: fixture.headers, json: ["title": "Valid title"])
            #expect(try missing.json()["error"]?["details"]?["fields"]?["organizationId"] == "is required")
            let badVenue = try await app.client.send(
                .post, "/api/events", headers: fixture.headers,
                json: [
                    "organizationId": fixture.organization.organizationId, "title": "Valid title", "eventType": "Class",
                    "venueId": UUID().uuidString,
                ])
            #expect(badVenue.errorCode == "VENUE_NOT_FOUND")
            #expect(try await EventRecord.query(on: app.store.database()).count() == 0)
            let badPath = try await app.client.send(.get, "/api/events/not-a-uuid")
            #expect(badPath.status == .badRequest)
            #expect(try badPath.json()["error"]?["details"]?["fields"]?["eventId"] == "must be a UUID")
        }
    }

    @Test(arguments: TestDatabase.all)
    func onlyOrganizersOfTheOrganizationWriteEvents(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let event = try await fixture.createEvent()
            let outsider = try await app.signUp("outsider@example.org")
            let create = try await app.client.send(
                .post, "/api/events", headers: outsider.bearer,
                json: [
                    "organizationId": fixture.organization.organizationId, "title": "Not mine", "eventType": "Class",
                ])
            #expect(create.status == .forbidden)
            #expect(
                try await app.client.send(
                    .put, "/api/events/\(event.eventId)", headers: outsider.bearer, json: ["title": "Hijacked"]
                ).status
                    == .forbidden)
            #expect(try await app.client.send(.delete, "/api/events/\(event.eventId)").status == .unauthorized)

            _ = try await app.signUp("viewer@example.org")
            _ = try await app.client.send(
                .post, "/api/organizations/\(fixture.organization.organizationId)/members", headers: fixture.headers,
                json: ["email": "viewer@example.org", "role": "viewer"])
            let viewer = try await app.signIn("viewer@example.org")
            #expect(
                try await app.client.send(.get, "/api/events/\(event.eventId)", headers: viewer.bearer).status == .ok)
            #expect(
                try await app.client.send(
                    .put, "/api/events/\(event.eventId)", headers: viewer.bearer, json: ["title": "Nope"]
                ).status
                    == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.all)
    func theLifecycleIsEnforced(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let event = try await fixture.createEvent()
            let path = "/api/events/\(event.eventId)"
            let early = try await app.client.send(.put, path, headers: fixture.headers, json: ["status": "published"])
            #expect(early.errorCode == "EVENT_INCOMPLETE")
            try await fixture.addSession(event.eventId, name: "Day", day: 3, capacity: 10)
            let published = try await app.client.send(
                .put, path, headers: fixture.headers, json: ["status": "published"])
            #expect(try published.decode(EventDetailsDTO.self).isPublished)
            #expect(try await app.client.send(.get, path).status == .ok, "published events are public")

            let back = try await app.client.send(.put, path, headers: fixture.headers, json: ["status": "draft"])
            #expect(back.status == .conflict)
            #expect(back.errorCode == "INVALID_TRANSITION")
            #expect(try back.json()["error"]?["details"] == ["from": "published", "to": "draft"])
            let cancelled = try await app.client.send(
                .put, path, headers: fixture.headers, json: ["status": "cancelled"])
            #expect(try cancelled.decode(EventDetailsDTO.self).status == "cancelled")
            #expect(try await app.client.send(.get, path).status == .notFound, "only published events are public")
            #expect(
                try await app.client.send(.put, path, headers: fixture.headers, json: ["status": "archived"]).status
                    == .ok)
            let actions = try await AuditLogRecord.query(on: app.store.database()).filter(
                \.$targetID == event.eventId.uuidString
            ).all(\.$action)
            #expect(
                actions.contains("event.published") && actions.contains("event.cancelled")
                    && actions.contains("event.archived"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func updatesChangeOnlyWhatIsSent(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let event = try await fixture.createEvent(extra: ["policiesProcedures": "No refunds after start"])
            let response = try await app.client.send(
                .put, "/api/events/\(event.eventId)", headers: fixture.headers,
                json: ["title": "Renamed workshop", "category": nil, "currency": "usd"] as [String: JSONValue])
            let updated = try response.decode(EventDetailsDTO.self)
            #expect(updated.title == "Renamed workshop")
            #expect(updated.category == nil, "null clears")
            #expect(updated.policiesProcedures == "No refunds after start", "absent keeps")
            #expect(updated.currency == "USD")
            #expect(updated.shortDescription == event.shortDescription)
        }
    }

    @Test(arguments: TestDatabase.all)
    func eventsWithRegistrationsCannotBeDeleted(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let (event, full, _, _) = try await fixture.workshop()
            try await fixture.setCounters(ticketType: full.ticketTypeId, sold: 1)
            try await fixture.setCounters(session: "S1", of: event.eventId, sold: 1)
            let refused = try await app.client.send(.delete, "/api/events/\(event.eventId)", headers: fixture.headers)
            #expect(refused.status == .conflict)
            #expect(refused.errorCode == "EVENT_HAS_REGISTRATIONS")
            #expect(try await TicketTypeRecord.query(on: app.store.database()).count() == 3, "nothing was deleted")
            #expect(try await SessionRecord.query(on: app.store.database()).count() == 3)

            let empty = try await fixture.createEvent("Empty evening")
            try await fixture.addSession(empty.eventId, name: "Evening", day: 4, capacity: 5)
            #expect(
                try await app.client.send(.delete, "/api/events/\(empty.eventId)", headers: fixture.headers).status
                    == .noContent)
            #expect(try await EventRecord.find(empty.eventId, on: app.store.database()) == nil)
        }
    }
}
