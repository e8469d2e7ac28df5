import Accounts
import Catalog
import Domain
import Foundation
import HTTPCore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing
import WireTypes

/// The partner surface: keys made and revoked by owners, reading only their organization's published catalog, and
/// working nowhere else; no other token works on it.
@Suite struct PartnerKeyTests {
    @Test(arguments: TestDatabase.all)
    func partnerKeysReadTheirOrganizationsCatalogOnly(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let published = try await fixture.workshop().event
            let draft = try await fixture.createEvent("Draft Night")
            // Another organization's published event.
            let rival = try await app.signUp("rival@example.org")
            let rivalOrganization = try await app.client.send(
                .post, "/api/organizations", headers: rival.bearer, json: ["name": "Rival Hall"]
            ).decode(Components.Schemas.Organization.self)
            let rivalEvent = try await app.client.send(
                .post, "/api/events", headers: rival.bearer,
                json: [
                    "organizationId": rivalOrganization.organizationId, "title": "Rival Gala",
                    "shortDescription": "x", "fullDescription": "y", "eventType": "SocialEvent",
                ]
            ).decode(EventDetailsDTO.self)

            let keys = "/api/organizations/\(fixture.organization.organizationId)/partner-keys"
            #expect(
                try await app.client.send(.post, keys, headers: rival.bearer, json: ["name": "Steal"]).status
                    == .forbidden)
            let created = try await app.client.send(
                .post, keys, headers: fixture.headers, json: ["name": "Festival app"])
            #expect(created.status == .created)
            let made = try created.decode(Components.Schemas.PartnerKeyCreated.self)
            #expect(made.key.hasPrefix("pk_") && made.key.hasPrefix(made.partnerKey.keyPrefix))
            let listed = try await app.client.send(.get, keys, headers: fixture.headers)
            #expect(!listed.text.contains(made.key), "the key is shown once")
            #expect(
                try listed.decode(Components.Schemas.PartnerKeyList.self).partnerKeys.map(\.name) == ["Festival app"])

            let partner: HTTPFields = [.authorization: "Bearer \(made.key)"]
            let events = try await app.client.send(.get, "/api/partner/events", headers: partner)
            #expect(events.status == .ok)
            let ids = try events.json()["events"]?.arrayValue?.compactMap { $0["eventId"]?.stringValue } ?? []
            #expect(ids == [published.eventId.uuidString], "published, own organization only: \(events.text)")
            // No query parameter widens it to another organization.
            let widened = try await app.client.send(
                .get, "/api/partner/events?organization=\(rivalOrganization.id)", headers: partner)
            #expect(try widened.json()["events"]?.arrayValue?.count == 1)
            #expect(
                try await app.client.send(.get, "/api/partner/events/\(published.eventId)", headers: partner).status
                    == .ok)
            for hidden in [draft.eventId, rivalEvent.eventId] {
                #expect(
                    try await app.client.send(.get, "/api/partner/events/\(hidden)", headers: partner).status
                        == .notFound)
            }

            // A partner key works nowhere else; nothing else works here.
            #expect(try await app.client.send(.get, "/api/events", headers: partner).status == .forbidden)
            #expect(try await app.client.send(.get, "/api/orders", headers: partner).status == .forbidden)
            #expect(try await app.client.send(.get, "/api/partner/events").status == .unauthorized)
            #expect(
                try await app.client.send(.get, "/api/partner/events", headers: fixture.headers).status == .forbidden)

            #expect(
                try await app.client.send(.delete, "\(keys)/\(made.partnerKey.id)", headers: fixture.headers).status
                    == .noContent)
            #expect(try await app.client.send(.get, "/api/partner/events", headers: partner).status == .unauthorized)
            let audit = try await app.client.send(
                .get,
                "/api/admin/audit-logs?organizationId=\(fixture.organization.organizationId)&targetType=partner_key",
                headers: fixture.headers)
            let actions = try audit.json()["items"]?.arrayValue?.compactMap { $0["action"]?.stringValue } ?? []
            #expect(Set(actions) == ["partner_key.created", "partner_key.revoked"])
        }
    }
}
