import Accounts
import BoxOfficeApp
import Foundation
import HTTPTypes
import HummingbirdTesting
import TestSupport
import Testing

@Suite struct RateLimitTests: Sendable {
    func login(_ app: TestApp, _ email: String, from ip: String, password: String = "wrong password") async throws
        -> TestResponse
    {
        try await app.client.send(
            .post, "/api/auth/login", headers: [HTTPField.Name("X-Forwarded-For")!: ip],
            json: ["email": email, "password": password])
    }

    let seedLimit: @Sendable (inout AppConfig) -> Void = {
        $0.auth.authAttempts = 10
        $0.auth.authWindowSeconds = 900
    }

    @Test(arguments: TestDatabase.all)
    func tenAttemptsPerAddressThen429(_ database: TestDatabase) async throws {
        try await withApp(database, configure: seedLimit) { app in
            for attempt in 1...10 {
                let response = try await login(app, "user\(attempt)@example.org", from: "198.51.100.1")
                #expect(response.status == .unauthorized)
            }
            let limited = try await login(app, "someone@example.org", from: "198.51.100.1")
            #expect(limited.status == .tooManyRequests)
            #expect(limited.errorCode == "RATE_LIMITED")
            #expect(limited.headers[.retryAfter] == "900")
            #expect(
                try await login(app, "other@example.org", from: "198.51.100.2").status == .unauthorized,
                "another address is unaffected")

            app.clock.advance(by: 899)
            #expect(try await login(app, "x@example.org", from: "198.51.100.1").headers[.retryAfter] == "1")
            app.clock.advance(by: 1)
            #expect(
                try await login(app, "x@example.org", from: "198.51.100.1").status == .unauthorized,
                "the window reopened")
        }
    }

    /// Behind a trusted proxy, twelve failed sign-ins from twelve addresses of one IPv6 /64 used to go unlimited: the
    /// addresses of one network share the per-address limit; another network does not.
    @Test func addressesOfOneIPv6NetworkShareTheSignInLimit() async throws {
        try await withApp(configure: seedLimit) { app in
            for attempt in 1...10 {
                let address = "2001:db8:1:2::\(String(attempt, radix: 16))"
                #expect(try await login(app, "user\(attempt)@example.org", from: address).status == .unauthorized)
            }
            let sibling = try await login(app, "someone@example.org", from: "2001:db8:1:2:abcd::99")
            #expect(sibling.status == .tooManyRequests, "another address of the /64 is the same client")
            let neighbour = try await login(app, "someone@example.org", from: "2001:db8:1:3::1")
            #expect(neighbour.status == .unauthorized, "the next /64 is another client")
            let mapped = try await login(app, "someone@example.org", from: "::ffff:198.51.100.9")
            #expect(mapped.status == .unauthorized)
        }
    }

    @Test func theIPv6PrefixIsConfigurable() async throws {
        let limits = seedLimit
        let exactAddresses: @Sendable (inout AppConfig) -> Void = {
            limits(&$0)
            $0.auth.ipv6PrefixLength = 128
        }
        try await withApp(configure: exactAddresses) { app in
            for attempt in 1...10 {
                let failed = try await login(app, "u\(attempt)@example.org", from: "2001:db8::1")
                #expect(failed.status == .unauthorized)
            }
            let same = try await login(app, "x@example.org", from: "2001:db8::1")
            #expect(same.status == .tooManyRequests, "one address is one client at /128")
            let other = try await login(app, "x@example.org", from: "2001:db8::2")
            #expect(other.status == .unauthorized, "at /128 each address is its own client")
        }
    }

    /// Ten failures on an account from anywhere: the addresses that failed wait out the window, even with the right
    /// password, but the owner, from an address with no failure there, still signs in; strangers cannot lock them out.
    @Test(arguments: TestDatabase.all)
    func failuresOnAnAccountDoNotLockItsOwnerOut(_ database: TestDatabase) async throws {
        try await withApp(database, configure: seedLimit) { app in
            try await app.signUp("ada@example.org")
            for attempt in 1...10 {
                #expect(try await login(app, "ada@example.org", from: "203.0.113.\(attempt)").status == .unauthorized)
            }
            let attacker = try await login(app, "ada@example.org", from: "203.0.113.1", password: TestApp.password)
            #expect(attacker.status == .tooManyRequests, "an address that failed on the account waits")
            let owner = try await login(app, "ada@example.org", from: "198.51.100.77", password: TestApp.password)
            #expect(owner.status == .ok, "a correct password from an address with no failures signs in")
            let stranger = try await login(app, "ada@example.org", from: "198.51.100.78")
            #expect(stranger.status == .unauthorized, "a new address may try, slowed down, and fails")
            #expect(try await login(app, "ada@example.org", from: "198.51.100.78").status == .tooManyRequests)
        }
    }

    @Test(arguments: TestDatabase.all)
    func registerAndRefreshAreLimitedToo(_ database: TestDatabase) async throws {
        try await withApp(database, configure: { $0.auth.authAttempts = 2 }) { app in
            let headers: HTTPFields = [HTTPField.Name("X-Forwarded-For")!: "192.0.2.1"]
            for index in 1...2 {
                _ = try await app.client.send(
                    .post, "/api/auth/register", headers: headers,
                    json: ["email": "u\(index)@example.org", "password": TestApp.password])
            }
            let third = try await app.client.send(
                .post, "/api/auth/register", headers: headers,
                json: ["email": "u3@example.org", "password": TestApp.password])
            #expect(third.status == .tooManyRequests)
            // Each registration mails its address: one address is limited however many clients ask.
            for client in 1...2 {
                _ = try await app.client.send(
                    .post, "/api/auth/register", headers: [HTTPField.Name("X-Forwarded-For")!: "198.51.100.\(client)"],
                    json: ["email": "target@example.org", "password": TestApp.password])
            }
            let flood = try await app.client.send(
                .post, "/api/auth/register", headers: [HTTPField.Name("X-Forwarded-For")!: "198.51.100.3"],
                json: ["email": "target@example.org", "password": TestApp.password])
            #expect(flood.status == .tooManyRequests)
            for _ in 1...2 {
                _ = try await app.client.send(
                    .post, "/api/auth/refresh", headers: headers, json: ["refresh_token": "x"])
            }
            #expect(
                try await app.client.send(.post, "/api/auth/refresh", headers: headers, json: ["refresh_token": "x"])
                    .status
                    == .tooManyRequests)
        }
    }

    /// Two instances on one database share the counters: five attempts on each exhaust the ten allowed.
    @Test(arguments: TestDatabase.all)
    func limitsHoldAcrossInstances(_ database: TestDatabase) async throws {
        try await withTwoApps(database, configure: seedLimit) { (one: TestApp, two: TestApp) async throws in
            for attempt in 1...5 {
                #expect(try await login(one, "a\(attempt)@example.org", from: "198.51.100.50").status == .unauthorized)
                #expect(try await login(two, "b\(attempt)@example.org", from: "198.51.100.50").status == .unauthorized)
            }
            #expect(try await login(one, "c@example.org", from: "198.51.100.50").status == .tooManyRequests)
            #expect(try await login(two, "c@example.org", from: "198.51.100.50").status == .tooManyRequests)
        }
    }

    @Test(arguments: TestDatabase.all)
    func theGeneralAPILimitCoversAPIRoutesOnly(_ database: TestDatabase) async throws {
        try await withApp(
            database,
            configure: {
                $0.auth.apiRequests = 3
                $0.auth.apiWindowSeconds = 60
            }
        ) { app in
            let headers: HTTPFields = [HTTPField.Name("X-Forwarded-For")!: "192.0.2.9"]
            for _ in 1...3 {
                #expect(try await app.client.send(.get, "/api/user", headers: headers).status == .unauthorized)
            }
            // The same route spelled with an empty segment is the same route, and counts as much.
            let limited = try await app.client.send(.get, "//api/user", headers: headers)
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers[.retryAfter] == "60")
            #expect(try await app.client.send(.get, "/health", headers: headers).status == .ok)
            #expect(
                try await app.client.send(.get, "///api//no-such-route", headers: headers).status == .tooManyRequests,
                "a path that matches nothing counts too")
        }
    }

    @Test func forwardedForIsIgnoredUnlessThePeerIsTrusted() async throws {
        try await withApp(configure: {
            $0.auth.authAttempts = 1
            $0.auth.trustedProxies = []
        }) { app in
            // Loopback is not trusted here, so every request counts against 127.0.0.1 whatever it claims.
            _ = try await login(app, "a@example.org", from: "198.51.100.1")
            #expect(try await login(app, "b@example.org", from: "198.51.100.2").status == .tooManyRequests)
        }
    }
}
