import Accounts
import Audit
import BoxOfficeApp
import Foundation
import HTTPCore
import HTTPTypes
import HummingbirdTesting
import TestSupport
import Testing
import WireTypes

@Suite struct AuditLogTests {
    @Test(arguments: TestDatabase.all)
    func adminsFilterTheWholeLog(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let ada = try await app.signUp("ada@example.org")
            _ = try? await app.signIn("ada@example.org", password: "wrong password")
            app.clock.advance(by: 60)
            let admin = try await app.signInAdmin()

            let all = try await app.client.send(.get, "/api/admin/audit-logs", headers: admin.bearer)
            #expect(all.status == .ok)
            let page = try all.decode(AuditLogPage.self)
            #expect(page.total == page.items.count)
            #expect(page.items.map(\.occurredAt) == page.items.map(\.occurredAt).sorted(by: >), "newest first")
            #expect(Set(page.items.prefix(2).map(\.action)) == ["user.admin_granted", "auth.login.succeeded"])

            let failed = try await app.client.send(
                .get, "/api/admin/audit-logs?action=auth.login.failed&actorId=\(ada.user.id)", headers: admin.bearer
            )
            .decode(AuditLogPage.self)
            #expect(failed.total == 1)
            let record = try #require(failed.items.first)
            #expect(record.ip == "127.0.0.1")
            #expect(record.details["email"] == "ada@example.org")
            #expect(record.requestId != nil)

            let window = try await app.client.send(
                .get, "/api/admin/audit-logs?to=2026-06-01T12:00:30Z", headers: admin.bearer
            ).decode(AuditLogPage.self)
            #expect(window.items.allSatisfy { $0.occurredAt < TestClock.t0.addingTimeInterval(30) })
            #expect(
                window.total == 3,
                "registration, the sign-in after it and the failed login happened before the clock moved")

            let paged = try await app.client.send(.get, "/api/admin/audit-logs?perPage=1&page=2", headers: admin.bearer)
                .decode(AuditLogPage.self)
            #expect(paged.items.count == 1 && paged.page == 2 && paged.total == page.total)

            let bad = try await app.client.send(
                .get, "/api/admin/audit-logs?actorId=nope&perPage=1000", headers: admin.bearer)
            #expect(bad.status == .badRequest)
            #expect(
                Set(try bad.json()["error"]?["details"]?["fields"]?.objectValue?.keys.map { $0 } ?? []) == [
                    "actorId", "perPage",
                ])

            let validator = OpenAPIValidator(document: BoxOffice.documentation)
            #expect(
                validator.validateResponse(try all.json(), method: "GET", path: "/api/admin/audit-logs", status: 200)
                    .isEmpty)
        }
    }

    @Test(arguments: TestDatabase.all)
    func ownersReadTheirOrganizationOnly(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let owner = try await app.signUp("owner@example.org")
            let org = try await app.client.send(
                .post, "/api/organizations", headers: owner.bearer, json: ["name": "Studio"]
            )
            .decode(Components.Schemas.Organization.self)
            let other = try await app.signUp("other@example.org")
            _ = try await app.client.send(
                .post, "/api/organizations", headers: other.bearer, json: ["name": "Elsewhere"])

            let mine = try await app.client.send(
                .get, "/api/admin/audit-logs?organizationId=\(org.organizationId)", headers: owner.bearer)
            #expect(mine.status == .ok)
            let page = try mine.decode(AuditLogPage.self)
            #expect(page.items.map(\.action) == ["organization.created"])
            #expect(
                try await app.client.send(.get, "/api/admin/audit-logs", headers: owner.bearer).status == .forbidden)
            #expect(
                try await app.client.send(
                    .get, "/api/admin/audit-logs?organizationId=\(org.organizationId)", headers: other.bearer
                )
                .status
                    == .forbidden)
        }
    }
}
