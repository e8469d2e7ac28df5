import Accounts
import BoxOfficeApp
import Catalog
import Foundation
import HTTPCore
import HTTPTypes
import HummingbirdTesting
import TestSupport
import Testing
import WireTypes

/// Real responses of the accounts and organizations endpoints, success and failure, against the API document.
@Suite struct AccountsContractTests {
    @Test(arguments: TestDatabase.all)
    func responsesMatchTheDocument(_ database: TestDatabase) async throws {
        let validator = OpenAPIValidator(document: BoxOffice.documentation)
        try await withApp(database) { app in
            var checked = 0
            func check(
                _ response: TestResponse, _ method: String, _ path: String,
                sourceLocation: SourceLocation = #_sourceLocation
            ) throws {
                guard response.body.readableBytes > 0 else { return }
                let problems = validator.validateResponse(
                    try response.json(), method: method, path: path, status: Int(response.status.code))
                #expect(
                    problems.isEmpty, "\(method) \(path) \(response.status.code): \(problems)",
                    sourceLocation: sourceLocation)
                checked += 1
            }
            let register = try await app.client.send(
                .post, "/api/auth/register", json: ["email": "ada@example.org", "password": TestApp.password])
            try check(register, "POST", "/api/auth/register")
            try await app.markVerified("ada@example.org")
            let tokens = try await app.signIn("ada@example.org")
            try check(
                try await app.client.send(
                    .post, "/api/auth/register", json: ["email": "ada@example.org", "password": TestApp.password]),
                "POST", "/api/auth/register")
            try check(
                try await app.client.send(.post, "/api/auth/register", json: ["email": "x"]), "POST",
                "/api/auth/register")
            try check(
                try await app.client.send(
                    .post, "/api/auth/login", json: ["email": "ada@example.org", "password": TestApp.password]),
                "POST", "/api/auth/login")
            try check(
                try await app.client.send(
                    .post, "/api/auth/login", json: ["email": "ada@example.org", "password": "nope nope"]),
                "POST", "/api/auth/login")
            try check(
                try await app.client.send(.post, "/api/auth/refresh", json: ["refresh_token": tokens.refresh_token]),
                "POST", "/api/auth/refresh")
            try check(try await app.client.send(.get, "/api/auth/me", headers: tokens.bearer), "GET", "/api/auth/me")
            try check(try await app.client.send(.get, "/api/user"), "GET", "/api/user")

            let created = try await app.client.send(
                .post, "/api/organizations", headers: tokens.bearer, json: ["name": "Studio"])
            try check(created, "POST", "/api/organizations")
            let org = try created.decode(Components.Schemas.Organization.self)
            try check(
                try await app.client.send(.get, "/api/organizations", headers: tokens.bearer), "GET",
                "/api/organizations")
            try check(
                try await app.client.send(.get, "/api/organizations/\(org.organizationId)", headers: tokens.bearer),
                "GET",
                "/api/organizations/{organizationId}")
            try await app.signUp("grace@example.org")
            let added = try await app.client.send(
                .post, "/api/organizations/\(org.organizationId)/members", headers: tokens.bearer,
                json: ["email": "grace@example.org", "role": "staff"])
            try check(added, "POST", "/api/organizations/{organizationId}/members")
            let grace = try added.decode(Components.Schemas.Member.self).userId
            let event = try await app.client.send(
                .post, "/api/events", headers: tokens.bearer,
                json: [
                    "organizationId": org.organizationId, "title": "Door night", "eventType": "SocialEvent",
                ]
            ).decode(EventDetailsDTO.self).eventId
            try check(
                try await app.client.send(
                    .put, "/api/organizations/\(org.organizationId)/members/\(grace)/events", headers: tokens.bearer,
                    json: ["eventIds": [event.uuidString]]),
                "PUT", "/api/organizations/{organizationId}/members/{userId}/events")
            try check(
                try await app.client.send(
                    .put, "/api/organizations/\(org.organizationId)/members/\(tokens.user.id)", headers: tokens.bearer,
                    json: ["role": "viewer"]),
                "PUT", "/api/organizations/{organizationId}/members/{userId}")
            try check(
                try await app.client.send(
                    .get, "/api/organizations/\(org.organizationId)/members", headers: tokens.bearer),
                "GET", "/api/organizations/{organizationId}/members")
            try check(
                try await app.client.send(
                    .get, "/api/admin/audit-logs?organizationId=\(org.organizationId)", headers: tokens.bearer),
                "GET", "/api/admin/audit-logs")
            #expect(checked == 16)
        }
    }
}
