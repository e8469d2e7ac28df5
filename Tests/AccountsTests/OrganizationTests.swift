import Accounts
import Catalog
import FluentKit
import Foundation
import HTTPTypes
import HummingbirdTesting
import Persistence
import TestSupport
import Testing
import WireTypes

@Suite struct OrganizationTests {
    @Test(arguments: TestDatabase.all)
    func theCreatorBecomesOwner(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let ada = try await app.signUp("ada@example.org")
            let created = try await app.client.send(
                .post, "/api/organizations", headers: ada.bearer, json: ["name": "Rope Studio Berlin"])
            #expect(created.status == .created)
            let organization = try created.decode(Components.Schemas.Organization.self)
            #expect(organization.slug == "rope-studio-berlin")
            #expect(organization.role == .owner)
            // Named organizationId as other objects name theirs; id, its first name, is answered beside it.
            let answered = try created.json()
            #expect(answered["organizationId"]?.stringValue == organization.organizationId)
            #expect(answered["id"] == answered["organizationId"])

            let mine = try await app.client.send(.get, "/api/organizations", headers: ada.bearer).decode(
                Components.Schemas.OrganizationList.self)
            #expect(mine.organizations == [organization])
            let members = try await app.client.send(
                .get, "/api/organizations/\(organization.organizationId)/members", headers: ada.bearer
            )
            .decode(Components.Schemas.MemberList.self).members
            #expect(members.map(\.email) == ["ada@example.org"])
            #expect(members.first?.role == .owner)

            let duplicate = try await app.client.send(
                .post, "/api/organizations", headers: ada.bearer,
                json: ["name": "Another", "slug": "rope-studio-berlin"])
            #expect(duplicate.status == .conflict)
            #expect(duplicate.errorCode == "SLUG_TAKEN")
            let derived = try await app.client.send(
                .post, "/api/organizations", headers: ada.bearer, json: ["name": "Rope Studio Berlin"])
            #expect(try derived.decode(Components.Schemas.Organization.self).slug.hasPrefix("rope-studio-berlin-"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func badInputIsNamed(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let ada = try await app.signUp("ada@example.org")
            let response = try await app.client.send(
                .post, "/api/organizations", headers: ada.bearer, json: ["name": "x", "slug": "Bad Slug"])
            #expect(response.status == .badRequest, "\(response.text)")
            #expect(
                Set(try response.json()["error"]?["details"]?["fields"]?.objectValue?.keys.map { $0 } ?? []) == [
                    "name", "slug",
                ])
            let badID = try await app.client.send(.get, "/api/organizations/not-a-uuid", headers: ada.bearer)
            #expect(badID.status == .badRequest)
            #expect(try badID.json()["error"]?["details"]?["fields"]?["organizationId"] == "must be a UUID")
            let missing = try await app.client.send(.get, "/api/organizations/\(UUID())", headers: ada.bearer)
            #expect(missing.errorCode == "ORGANIZATION_NOT_FOUND")
            #expect(try await OrganizationRecord.query(on: app.store.database()).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func ownersManageMembersAndRoles(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let owner = try await app.signUp("owner@example.org")
            let grace = try await app.signUp("grace@example.org")
            let org = try await app.client.send(
                .post, "/api/organizations", headers: owner.bearer, json: ["name": "Studio"]
            )
            .decode(Components.Schemas.Organization.self)
            let base = "/api/organizations/\(org.organizationId)/members"

            let unknown = try await app.client.send(
                .post, base, headers: owner.bearer, json: ["email": "nobody@example.org", "role": "staff"])
            #expect(unknown.errorCode == "USER_NOT_FOUND")
            let badRole = try await app.client.send(
                .post, base, headers: owner.bearer, json: ["email": "grace@example.org", "role": "boss"])
            #expect(badRole.status == .badRequest)

            let added = try await app.client.send(
                .post, base, headers: owner.bearer, json: ["email": "grace@example.org", "role": "staff"])
            #expect(added.status == .created)
            #expect(try added.decode(Components.Schemas.Member.self).role == .staff)
            let twice = try await app.client.send(
                .post, base, headers: owner.bearer, json: ["email": "grace@example.org", "role": "viewer"])
            #expect(twice.errorCode == "ALREADY_MEMBER")

            let unknownEvent = try await app.client.send(
                .put, "\(base)/\(grace.user.id)/events", headers: owner.bearer, json: ["eventIds": [UUID().uuidString]])
            #expect(unknownEvent.status == .unprocessableContent, "only the organization's own events")
            let event = try await app.client.send(
                .post, "/api/events", headers: owner.bearer,
                json: [
                    "organizationId": org.organizationId, "title": "Door night", "eventType": "SocialEvent",
                ]
            ).decode(EventDetailsDTO.self).eventId
            let assigned = try await app.client.send(
                .put, "\(base)/\(grace.user.id)/events", headers: owner.bearer, json: ["eventIds": [event.uuidString]])
            #expect(try assigned.decode(Components.Schemas.Member.self).assignedEventIds == [event.uuidString])

            let promoted = try await app.client.send(
                .put, "\(base)/\(grace.user.id)", headers: owner.bearer, json: ["role": "organizer"])
            let member = try promoted.decode(Components.Schemas.Member.self)
            #expect(member.role == .organizer)
            #expect(member.assignedEventIds.isEmpty, "leaving the staff role clears event assignments")
            let notStaff = try await app.client.send(
                .put, "\(base)/\(grace.user.id)/events", headers: owner.bearer, json: ["eventIds": [event.uuidString]])
            #expect(notStaff.errorCode == "NOT_STAFF")

            #expect(
                try await app.client.send(.delete, "\(base)/\(grace.user.id)", headers: owner.bearer).status
                    == .noContent)
            #expect(
                try await app.client.send(.delete, "\(base)/\(grace.user.id)", headers: owner.bearer).errorCode
                    == "MEMBER_NOT_FOUND")

            let actions = try await AuditLogRecord.query(on: app.store.database()).filter(
                \.$organizationID == uuid(org.organizationId)
            )
            .all().map(\.action)
            for action in [
                "organization.created", "organization.member.added", "organization.staff.assigned",
                "organization.member.role_changed", "organization.member.removed",
            ] {
                #expect(actions.contains(action), "\(action) is audited")
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func theLastOwnerStays(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let owner = try await app.signUp("owner@example.org")
            let second = try await app.signUp("second@example.org")
            let org = try await app.client.send(
                .post, "/api/organizations", headers: owner.bearer, json: ["name": "Studio"]
            )
            .decode(Components.Schemas.Organization.self)
            let base = "/api/organizations/\(org.organizationId)/members"
            let demote = try await app.client.send(
                .put, "\(base)/\(owner.user.id)", headers: owner.bearer, json: ["role": "organizer"])
            #expect(demote.status == .conflict)
            #expect(demote.errorCode == "LAST_OWNER")
            #expect(
                try await app.client.send(.delete, "\(base)/\(owner.user.id)", headers: owner.bearer).errorCode
                    == "LAST_OWNER")

            _ = try await app.client.send(
                .post, base, headers: owner.bearer, json: ["email": "second@example.org", "role": "owner"])
            #expect(
                try await app.client.send(.delete, "\(base)/\(owner.user.id)", headers: owner.bearer).status
                    == .noContent)
            #expect(
                try await app.client.send(.delete, "\(base)/\(second.user.id)", headers: second.bearer).errorCode
                    == "LAST_OWNER")
        }
    }

    /// Two owners demote each other at the same moment, round after round: the organization must keep one.
    @Test(arguments: TestDatabase.all)
    func concurrentDemotionsKeepAnOwner(_ database: TestDatabase) async throws {
        try await withApp(database, testing: .live) { app in
            let first = try await app.signUp("first@example.org")
            let second = try await app.signUp("second@example.org")
            let admin = try await app.signInAdmin()
            let org = try await app.client.send(
                .post, "/api/organizations", headers: first.bearer, json: ["name": "Studio"]
            )
            .decode(Components.Schemas.Organization.self)
            let base = "/api/organizations/\(org.organizationId)/members"
            _ = try await app.client.send(
                .post, base, headers: first.bearer, json: ["email": "second@example.org", "role": "owner"])
            for round in 1...15 {
                for user in [first.user.id, second.user.id] {
                    _ = try await app.client.send(
                        .put, "\(base)/\(user)", headers: admin.bearer, json: ["role": "owner"])
                }
                let statuses = try await app.race([
                    RaceRequest(.put, "\(base)/\(second.user.id)", headers: first.bearer, json: ["role": "viewer"]),
                    RaceRequest(.put, "\(base)/\(first.user.id)", headers: second.bearer, json: ["role": "viewer"]),
                ]).map(\.status)
                let owners = try await MembershipRecord.query(on: app.store.database())
                    .filter(\.$organizationID == UUID(uuidString: org.organizationId)!).filter(\.$role == "owner")
                    .count()
                #expect(owners == 1, "round \(round): statuses \(statuses)")
                #expect(statuses.filter { $0 == .ok }.count == 1, "round \(round): statuses \(statuses)")
            }
        }
    }
}
