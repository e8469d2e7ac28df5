import BoxOfficeApp
import Foundation
import HTTPCore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

/// Every way a request can be wrong gets the documented status and the one error envelope.
@Suite struct ErrorEnvelopeTests {
    let valid = #"{"name":"Ada","seats":2,"buyer":{"email":"ada@example.org"}}"#
    let json: HTTPFields = [.contentType: "application/json"]

    /// A route that reads a body its operation in the API document does not describe would read it unchecked: it is
    /// refused as the server's own defect, and logged, until the document describes the body.
    @Test func aBodyTheDocumentDoesNotDescribeIsRefusedAsADefect() async throws {
        try await withApp(extraRoutes: ProbeRoutes.register) { app in
            let response = try await app.client.send(.post, "/api/probe/orders", headers: json, raw: valid)
            try expectError(response, .internalServerError, "INTERNAL", at: app.clock.now)
            #expect(
                app.logs.all.contains {
                    $0.message.description.contains("the API document describes no JSON body for this operation")
                })
        }
    }

    @Test func brokenJSONIs400NamingTheBody() async throws {
        try await withApp(extraRoutes: ProbeRoutes.register) { app in
            let response = try await app.client.send(
                .post, "/api/probe/orders", headers: json, raw: #"{"name": "Ada", "#)
            try expectError(response, .badRequest, "VALIDATION_FAILED", at: app.clock.now)
            #expect(try response.json()["error"]?["details"]?["fields"]?["body"] == "is not valid JSON")
        }
    }

    @Test func missingAndMistypedFieldsAreNamed() async throws {
        try await withApp { app in
            let missing = try await app.client.send(
                .post, "/api/auth/login", headers: json, raw: #"{"email":"ada@example.org"}"#)
            try expectError(missing, .badRequest, "VALIDATION_FAILED", at: app.clock.now)
            #expect(try missing.json()["error"]?["details"]?["fields"]?["password"] == "is required")

            let mistyped = try await app.client.send(
                .post, "/api/auth/login", headers: json, raw: #"{"email":"ada@example.org","password":7}"#)
            try expectError(mistyped, .badRequest, "VALIDATION_FAILED", at: app.clock.now)
            #expect(try mistyped.json()["error"]?["details"]?["fields"]?["password"] == "must be a string")
        }
    }

    @Test func anEmptyBodyIs400() async throws {
        try await withApp(extraRoutes: ProbeRoutes.register) { app in
            let response = try await app.client.send(.post, "/api/probe/orders", headers: json, raw: "")
            try expectError(response, .badRequest, "VALIDATION_FAILED", at: app.clock.now)
        }
    }

    @Test func wrongContentTypeIs415() async throws {
        try await withApp(extraRoutes: ProbeRoutes.register) { app in
            let response = try await app.client.send(
                .post, "/api/probe/orders", headers: [.contentType: "text/plain"], raw: valid)
            try expectError(response, .unsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", at: app.clock.now)
            #expect(try response.json()["error"]?["details"]?["received"] == "text/plain")

            let none = try await app.client.send(.post, "/api/probe/orders", raw: valid)
            try expectError(none, .unsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", at: app.clock.now)
        }
    }

    @Test func aTwoMebibyteBodyIs413() async throws {
        try await withApp(extraRoutes: ProbeRoutes.register) { app in
            let big = String(repeating: "x", count: 2 << 20)
            let response = try await app.client.send(
                .post, "/api/probe/orders", headers: json,
                raw: #"{"name":"\#(big)","seats":1,"buyer":{"email":"a@b.c"}}"#)
            try expectError(response, .contentTooLarge, "PAYLOAD_TOO_LARGE", at: app.clock.now)
            #expect(try response.json()["error"]?["details"]?["limitBytes"] == .int(1 << 20))
        }
    }

    @Test func theBodyLimitIsConfigurable() async throws {
        try await withApp(configure: { $0.http.maxBodyBytes = 4096 }, extraRoutes: ProbeRoutes.register) { app in
            let name = String(repeating: "x", count: 5000)
            let response = try await app.client.send(
                .post, "/api/probe/orders", headers: json,
                raw: #"{"name":"\#(name)","seats":1,"buyer":{"email":"a@b.c"}}"#)
            try expectError(response, .contentTooLarge, "PAYLOAD_TOO_LARGE", at: app.clock.now)
        }
    }

    @Test func anUnknownRouteIs404() async throws {
        try await withApp { app in
            let response = try await app.client.send(.get, "/api/nothing/here")
            try expectError(response, .notFound, "NOT_FOUND", at: app.clock.now)
        }
    }

    @Test func aWrongMethodIs405WithAllow() async throws {
        try await withApp(extraRoutes: ProbeRoutes.register) { app in
            let response = try await app.client.send(.put, "/health")
            try expectError(response, .methodNotAllowed, "METHOD_NOT_ALLOWED", at: app.clock.now)
            #expect(response.headers[.allow] == "GET")

            let parameterised = try await app.client.send(.get, "/api/probe/items/42")
            #expect(parameterised.status == .methodNotAllowed)
            #expect(parameterised.headers[.allow] == "DELETE")
        }
    }

    @Test func anUnexpectedFailureIs500WithoutInternals() async throws {
        try await withApp(extraRoutes: ProbeRoutes.register) { app in
            let response = try await app.client.send(.get, "/api/probe/crash")
            try expectError(response, .internalServerError, "INTERNAL", at: app.clock.now)
            #expect(!response.text.contains("Unexpected"))
            let logged = app.logs.all.first {
                $0.level == .error && $0.metadata["error"]?.contains("Unexpected") == true
            }
            #expect(logged != nil, "the cause is logged, not sent")
        }
    }

    @Test func databaseRefusalsAndOverloadAreNotServerFaults() async throws {
        try await withApp(extraRoutes: ProbeRoutes.register) { app in
            let conflict = try await app.client.send(.get, "/api/probe/constraint")
            try expectError(conflict, .conflict, "CONFLICT", at: app.clock.now)
            let busy = try await app.client.send(.get, "/api/probe/pool")
            try expectError(busy, .serviceUnavailable, "SERVICE_UNAVAILABLE", at: app.clock.now)
            #expect(busy.headers[.retryAfter] == "1")
        }
    }

    /// Asserts status, code, the full envelope shape, and that the timestamp is the app clock's.
    func expectError(
        _ response: TestResponse, _ status: HTTPResponse.Status, _ code: String, at now: Date,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(response.status == status, sourceLocation: sourceLocation)
        #expect(response.headers[.contentType]?.hasPrefix("application/json") == true, sourceLocation: sourceLocation)
        let envelope = try response.decode(ErrorEnvelope.self)
        #expect(envelope.error.code == code, sourceLocation: sourceLocation)
        #expect(!envelope.error.message.isEmpty, sourceLocation: sourceLocation)
        #expect(envelope.error.timestamp == now, sourceLocation: sourceLocation)
        let problems = OpenAPIValidator(document: BoxOffice.documentation).validate(
            try response.json(), against: ["$ref": "#/components/schemas/Error"], at: "$")
        #expect(problems.isEmpty, "\(problems)", sourceLocation: sourceLocation)
    }
}
