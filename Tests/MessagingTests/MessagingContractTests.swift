import BoxOfficeApp
import Foundation
import HTTPCore
import HTTPTypes
import HummingbirdTesting
import TestSupport
import Testing

/// Every messaging endpoint's real answers against the OpenAPI document.
@Suite struct MessagingContractTests {
    @Test func answersMatchTheDocument() async throws {
        try await withApp { app in
            let validator = OpenAPIValidator(document: BoxOffice.documentation)
            let fixture = try await CatalogFixture.make(app)
            let (event, _, _, _) = try await fixture.workshop()
            let org = fixture.organization.organizationId
            let admin = try await app.signInAdmin()
            func check(
                _ method: HTTPRequest.Method, _ path: String, json: [String: JSONValue]? = nil,
                headers: HTTPFields? = nil, sourceLocation: SourceLocation = #_sourceLocation
            ) async throws {
                let headers = headers ?? fixture.headers
                let response =
                    if let json {
                        try await app.client.send(method, path, headers: headers, json: json)
                    } else {
                        try await app.client.send(method, path, headers: headers)
                    }
                let problems = validator.validateResponse(
                    try response.json(), method: method.rawValue, path: path.split(separator: "?")[0].description,
                    status: Int(response.status.code))
                #expect(
                    problems.isEmpty, "\(method) \(path) \(response.status.code): \(problems)",
                    sourceLocation: sourceLocation)
            }
            try await check(.get, "/api/organizations/\(org)/email-settings")
            try await check(
                .put, "/api/organizations/\(org)/email-settings", json: ["language": "de", "replyTo": "a@b.example"])
            try await check(.put, "/api/organizations/\(org)/email-settings", json: ["language": "xx"])
            try await check(.get, "/api/admin/email-templates")
            try await check(.get, "/api/admin/email-templates/order-confirmation/preview", headers: admin.bearer)
            try await check(.get, "/api/admin/email-templates/nope/preview", headers: admin.bearer)
            try await check(.get, "/api/events/\(event.eventId)/reminders")
            try await check(.put, "/api/events/\(event.eventId)/reminders", json: ["offsetsMinutes": [60]])
            try await check(.get, "/api/events/\(event.eventId)/messages/recipients?sessionIds=S1,S2")
            try await check(
                .post, "/api/events/\(event.eventId)/messages",
                json: ["subject": "Hi", "body": "Hello.", "sessionIds": ["S1"]])
            try await check(.get, "/api/events/\(event.eventId)/messages")
            try await check(
                .post, "/api/newsletter/subscribe",
                json: ["email": "reader@example.org", "organizationId": .string(org)], headers: [:])
            try await check(.post, "/api/newsletter/confirm", json: ["token": "nope"], headers: [:])
            try await check(.post, "/api/newsletter/unsubscribe", json: ["token": "nope"], headers: [:])
            try await check(.get, "/api/organizations/\(org)/newsletter/subscribers?status=pending")
            try await check(
                .post, "/api/organizations/\(org)/newsletter/campaigns", json: ["subject": "S", "body": "B"])
            try await check(.get, "/api/organizations/\(org)/newsletter/campaigns")
            try await check(.post, "/api/auth/resend-verification", json: ["email": "x@example.org"], headers: [:])
            try await check(
                .post, "/api/auth/verify-email", json: ["token": "nope", "password": "wrong"], headers: [:])
        }
    }
}
