import Accounts
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import TestSupport

/// Sends every protected route the request of every kind of caller and expects exactly what
/// docs/permissions.md says: the success status when allowed, 403 when refused, 401 when not signed in.
@Suite struct AuthorizationMatrixTests {
    /// The people of the scenario: organization O with one of each role, and an organizer of another organization.
    struct Cast: Sendable {
        var organization: UUID
        var staffMember: UUID
        var spareMember: UUID
        var disposableMember: UUID
        var tokens: [String: TokenResponse]
    }

    /// One protected request: which row of the table decides it, and what success looks like.
    struct Probe: Sendable {
        var route: String
        var method: HTTPRequest.Method
        var path: @Sendable (Cast) -> String
        var body: @Sendable (Cast, String) -> [String: String]?
        var success: HTTPResponse.Status
    }

    static let probes: [Probe] = [
        Probe(route: "GET /api/auth/me", method: .get, path: { _ in "/api/auth/me" }, body: { _, _ in nil }, success: .ok),
        Probe(route: "GET /api/user", method: .get, path: { _ in "/api/user" }, body: { _, _ in nil }, success: .ok),
        Probe(route: "GET /api/organizations", method: .get, path: { _ in "/api/organizations" }, body: { _, _ in nil }, success: .ok),
        Probe(route: "POST /api/auth/change-password", method: .post, path: { _ in "/api/auth/change-password" },
              body: { _, _ in ["currentPassword": TestApp.password, "newPassword": TestApp.password] }, success: .noContent),
        Probe(route: "POST /api/auth/logout", method: .post, path: { _ in "/api/auth/logout" }, body: { _, _ in nil }, success: .noContent),
        Probe(route: "POST /api/organizations", method: .post, path: { _ in "/api/organizations" },
              body: { _, _ in ["name": "Another organization"] }, success: .created),
        Probe(route: "GET /api/organizations/{organizationId}", method: .get,
              path: { "/api/organizations/\($0.organization)" }, body: { _, _ in nil }, success: .ok),
        Probe(route: "GET /api/organizations/{organizationId}/members", method: .get,
              path: { "/api/organizations/\($0.organization)/members" }, body: { _, _ in nil }, success: .ok),
        Probe(route: "POST /api/organizations/{organizationId}/members", method: .post,
              path: { "/api/organizations/\($0.organization)/members" },
              body: { _, caller in ["email": "newcomer-\(caller)@example.org", "role": "viewer"] }, success: .created),
        Probe(route: "PUT /api/organizations/{organizationId}/members/{userId}", method: .put,
              path: { "/api/organizations/\($0.organization)/members/\($0.spareMember)" },
              body: { _, _ in ["role": "viewer"] }, success: .ok),
        Probe(route: "DELETE /api/organizations/{organizationId}/members/{userId}", method: .delete,
              path: { "/api/organizations/\($0.organization)/members/\($0.disposableMember)" }, body: { _, _ in nil },
              success: .noContent),
        Probe(route: "PUT /api/organizations/{organizationId}/members/{userId}/events", method: .put,
              path: { "/api/organizations/\($0.organization)/members/\($0.staffMember)/events" },
              body: { _, _ in nil }, success: .ok),
        Probe(route: "GET /api/admin/audit-logs?organizationId={organizationId}", method: .get,
              path: { "/api/admin/audit-logs?organizationId=\($0.organization)" }, body: { _, _ in nil }, success: .ok),
        Probe(route: "GET /api/admin/audit-logs", method: .get, path: { _ in "/api/admin/audit-logs" }, body: { _, _ in nil },
              success: .ok),
    ]

    @Test func everyDocumentedRouteHasAProbeAndEveryProtectedRouteIsDocumented() throws {
        let table = try PermissionsTable.load()
        let documented = Set(table.rows.values.flatMap(\.routes))
        #expect(documented == Set(Self.probes.map(\.route)))
    }

    @Test(arguments: TestDatabase.all, PermissionsTable.columns)
    func eachCallerGetsWhatTheTableSays(_ database: TestDatabase, _ caller: String) async throws {
        let table = try PermissionsTable.load()
        let rows = Dictionary(uniqueKeysWithValues: table.rows.values.flatMap { row in row.routes.map { ($0, row) } })
        try await withApp(database) { app in
            let cast = try await Self.stage(app, signUpNewcomer: caller)
            for probe in Self.probes {
                let row = try #require(rows[probe.route], "\(probe.route) is in docs/permissions.md")
                let expected: HTTPResponse.Status =
                    switch PermissionsTable.Cell(row.cells[caller] ?? "") {
                    case .allow, .assigned: probe.success
                    case .deny: .forbidden
                    case .signIn: .unauthorized
                    }
                var json: [String: String]? = probe.body(cast, caller)
                if probe.route.hasSuffix("/events") { json = nil }
                let headers = cast.tokens[caller]?.bearer ?? [:]
                let response: TestResponse
                if probe.route.hasSuffix("/events") {
                    response = try await app.client.send(probe.method, probe.path(cast), headers: headers, json: ["eventIds": [UUID().uuidString]])
                } else if let json {
                    response = try await app.client.send(probe.method, probe.path(cast), headers: headers, json: json)
                } else {
                    response = try await app.client.send(probe.method, probe.path(cast), headers: headers)
                }
                #expect(response.status == expected, "\(caller) \(probe.route): \(response.text)")
            }
        }
    }

    /// Builds organization O with an owner, organizer, staff and viewer, plus an outsider organizer and an admin.
    static func stage(_ app: TestApp, signUpNewcomer caller: String) async throws -> Cast {
        var tokens: [String: TokenResponse] = [:]
        let owner = try await app.signUp("owner@example.org")
        let organization = try await app.client.send(.post, "/api/organizations", headers: owner.bearer, json: ["name": "Studio O"])
            .decode(OrganizationDTO.self).id
        func join(_ email: String, _ role: String) async throws -> TokenResponse {
            let tokens = try await app.signUp(email)
            let added = try await app.client.send(
                .post, "/api/organizations/\(organization)/members", headers: owner.bearer, json: ["email": email, "role": role])
            guard added.status == .created else { throw TestSetupError("could not add \(email): \(added.text)") }
            return tokens
        }
        tokens["owner"] = owner
        tokens["organizer"] = try await join("organizer@example.org", "organizer")
        tokens["staff"] = try await join("staff@example.org", "staff")
        tokens["viewer"] = try await join("viewer@example.org", "viewer")
        let spare = try await join("spare@example.org", "viewer")
        let disposable = try await join("disposable@example.org", "viewer")
        // "member": signed in, an organizer elsewhere, nothing in O.
        let outsider = try await app.signUp("outsider@example.org")
        _ = try await app.client.send(.post, "/api/organizations", headers: outsider.bearer, json: ["name": "Studio P"])
        tokens["member"] = outsider
        tokens["admin"] = try await app.signInAdmin()
        try await app.signUp("newcomer-\(caller)@example.org")
        return Cast(
            organization: organization, staffMember: tokens["staff"]!.user.id, spareMember: spare.user.id,
            disposableMember: disposable.user.id, tokens: tokens)
    }
}
