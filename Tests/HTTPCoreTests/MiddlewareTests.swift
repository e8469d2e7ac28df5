import HTTPCore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

@Suite struct RequestIDTests {
    @Test func aSaneRequestIDIsEchoedAndLogged() async throws {
        try await withApp { app in
            let response = try await app.client.send(.get, "/health", headers: [.requestID: "checkout-42.a:b"])
            #expect(response.headers[.requestID] == "checkout-42.a:b")
            let accessLine = app.logs.all.first { $0.message.hasPrefix("GET /health") }
            #expect(accessLine?.metadata["hb.request.id"] == "checkout-42.a:b")
        }
    }

    @Test func aMissingOrUnsafeRequestIDIsReplaced() async throws {
        try await withApp { app in
            let generated = try await app.client.send(.get, "/health")
            let id = try #require(generated.headers[.requestID])
            #expect(id.count == 36)

            let unsafe = try await app.client.send(.get, "/health", headers: [.requestID: "evil\u{7f}value"])
            #expect(unsafe.headers[.requestID] != "evil\u{7f}value")
            let long = String(repeating: "a", count: 200)
            #expect(try await app.client.send(.get, "/health", headers: [.requestID: long]).headers[.requestID] != long)
        }
    }

    @Test func errorsCarryTheRequestIDToo() async throws {
        try await withApp { app in
            let response = try await app.client.send(.get, "/api/missing", headers: [.requestID: "trace-me"])
            #expect(response.status == .notFound)
            #expect(response.headers[.requestID] == "trace-me")
        }
    }
}

@Suite struct SecurityHeadersTests {
    @Test func everyResponseIsHardened() async throws {
        try await withApp { app in
            for path in ["/health", "/api/missing"] {
                let response = try await app.client.send(.get, path)
                #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
                #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
                #expect(response.headers[HTTPField.Name("Strict-Transport-Security")!] == nil)
            }
        }
    }

    @Test func hstsIsSentOnlyWhenConfigured() async throws {
        try await withApp(configure: { $0.http.hstsEnabled = true }) { app in
            let response = try await app.client.send(.get, "/health")
            #expect(response.headers[HTTPField.Name("Strict-Transport-Security")!]?.hasPrefix("max-age=") == true)
        }
    }
}

@Suite struct CORSTests {
    let allowed = "https://tickets.example.org"

    @Test func aListedOriginIsAllowed() async throws {
        try await withApp(configure: { $0.http.corsAllowedOrigins = [allowed, "https://other.example.org"] }) { app in
            let response = try await app.client.send(.get, "/health", headers: [.origin: allowed])
            #expect(response.headers[.accessControlAllowOrigin] == allowed)
            #expect(response.headers[.vary]?.contains("Origin") == true)

            let preflight = try await app.client.send(
                .options, "/api/anything", headers: [.origin: allowed, .accessControlRequestMethod: "POST"])
            #expect(preflight.status == .noContent)
            #expect(preflight.headers[.accessControlAllowMethods]?.contains("POST") == true)
            #expect(preflight.headers[.accessControlAllowHeaders]?.contains("Authorization") == true)
        }
    }

    /// A widget on a partner's page (an allowed origin) takes a hold as an anonymous cart, then reads the cart with its
    /// `X-Cart-Token`: the browser's preflights allow the header, and every answer carries the origin.
    @Test func aWidgetOnAnAllowedOriginKeepsItsCart() async throws {
        try await withApp(configure: { $0.http.corsAllowedOrigins = [allowed] }) { app in
            let fixture = try await CatalogFixture.make(app)
            let workshop = try await fixture.workshop()
            let holdPreflight = try await app.client.send(
                .options, "/api/holds",
                headers: [
                    .origin: allowed, .accessControlRequestMethod: "POST", .accessControlRequestHeaders: "content-type",
                ])
            #expect(holdPreflight.status == .noContent && holdPreflight.headers[.accessControlAllowOrigin] == allowed)
            let held = try await app.client.send(
                .post, "/api/holds", headers: [.origin: allowed],
                json: ["ticketTypeId": .string(workshop.day1.ticketTypeId.uuidString), "quantity": 1]
                    as [String: JSONValue])
            #expect(held.status == .created && held.headers[.accessControlAllowOrigin] == allowed)
            let cartToken = try #require(try held.json()["cartToken"]?.stringValue)

            let cartPreflight = try await app.client.send(
                .options, "/api/holds/mine",
                headers: [
                    .origin: allowed, .accessControlRequestMethod: "GET", .accessControlRequestHeaders: "x-cart-token",
                ])
            let allowedHeaders = cartPreflight.headers[.accessControlAllowHeaders]?.lowercased() ?? ""
            #expect(allowedHeaders.contains("x-cart-token") && allowedHeaders.contains("x-order-token"))
            let cart = try await app.client.send(
                .get, "/api/holds/mine", headers: [.origin: allowed, HTTPField.Name("X-Cart-Token")!: cartToken])
            #expect(cart.status == .ok && cart.headers[.accessControlAllowOrigin] == allowed)
            #expect(try cart.json()["holds"]?.arrayValue?.count == 1)
            #expect(cart.headers[.accessControlExposeHeaders]?.contains("X-Request-ID") == true)
        }
    }

    @Test func anUnlistedOriginGetsNoCORSHeaders() async throws {
        try await withApp(configure: { $0.http.corsAllowedOrigins = [allowed] }) { app in
            let response = try await app.client.send(.get, "/health", headers: [.origin: "https://evil.example"])
            #expect(response.status == .ok)
            #expect(response.headers[.accessControlAllowOrigin] == nil)

            let preflight = try await app.client.send(
                .options, "/health", headers: [.origin: "https://evil.example", .accessControlRequestMethod: "GET"])
            #expect(preflight.headers[.accessControlAllowOrigin] == nil)
        }
    }
}
