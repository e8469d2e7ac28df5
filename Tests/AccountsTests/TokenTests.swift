import Accounts
import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Identity
import JWTKit
import TestSupport
import Testing

@Suite struct AccessTokenTests {
    @Test func aTokenExpiresAfterItsLifetime() async throws {
        try await withApp { app in
            let tokens = try await app.signUp("ada@example.org")
            app.clock.advance(by: 899)
            #expect(try await app.client.send(.get, "/api/auth/me", headers: tokens.bearer).status == .ok)
            app.clock.advance(by: 1)
            let expired = try await app.client.send(.get, "/api/auth/me", headers: tokens.bearer)
            #expect(expired.status == .unauthorized)
            #expect(expired.errorCode == "UNAUTHORIZED")
        }
    }

    @Test func badTokensAre401WithoutSideEffects() async throws {
        try await withApp { app in
            let good = try await app.signUp("ada@example.org").accessToken
            let parts = good.split(separator: ".").map(String.init)
            let forgedPayload = Data(
                #"{"sub":"\#(UUID().uuidString)","iss":"boxoffice","aud":"boxoffice-api","exp":4102444800,"iat":0,"role":"admin"}"#
                    .utf8
            )
            .base64EncodedString().replacingOccurrences(of: "=", with: "").replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            let noneHeader = Data(#"{"alg":"none","typ":"JWT"}"#.utf8).base64EncodedString().replacingOccurrences(
                of: "=", with: "")
            let otherKey = await AccessTokens(settings: AccessTokenSettings(secret: String(repeating: "x", count: 40)))
            let wrongAudience = await AccessTokens(
                settings: AccessTokenSettings(
                    secret: "test-secret-that-is-at-least-32-bytes-long", audience: "someone-else"))
            // Signed with the current key, but naming a key ID nobody configured.
            let unknownKeyID = await AccessTokens(
                settings: AccessTokenSettings(
                    secret: "test-secret-that-is-at-least-32-bytes-long", keyID: "nobodys-key"))
            let identity = UserIdentity(id: UUID(), role: .admin)
            let candidates: [String: String] = [
                "unknown key ID": try await unknownKeyID.issue(for: identity, now: app.clock.now),
                "malformed": "not.a.jwt",
                "tampered payload": parts[0] + "." + forgedPayload + "." + parts[2],
                "alg none": noneHeader + "." + forgedPayload + ".",
                "other key": try await otherKey.issue(for: identity, now: app.clock.now),
                "wrong audience": try await wrongAudience.issue(for: identity, now: app.clock.now),
            ]
            for (name, token) in candidates {
                let response = try await app.client.send(.get, "/api/auth/me", headers: bearer(token))
                #expect(response.status == .unauthorized, "\(name)")
            }
            let basic = try await app.client.send(.get, "/api/auth/me", headers: [.authorization: "Basic YTpi"])
            #expect(basic.status == .unauthorized)
            let anonymous = try await app.client.send(.get, "/api/auth/me")
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test func retiredKeysStillVerifyDuringRotation() async throws {
        let old = await AccessTokens(
            settings: AccessTokenSettings(secret: String(repeating: "o", count: 40), keyID: "2025"))
        let token = try await old.issue(for: UserIdentity(id: UUID(), role: .member), now: TestClock.t0)
        try await withApp(configure: {
            $0.auth.jwtKeyID = "2026"
            $0.auth.jwtPreviousKeys = ["2025": String(repeating: "o", count: 40)]
        }) { app in
            // The user does not exist, but the token's signature and claims are accepted; /api/auth/me then says so.
            let response = try await app.client.send(.get, "/api/auth/me", headers: bearer(token))
            #expect(response.status == .unauthorized)
            #expect(try response.json()["error"]?["message"] == "This account no longer exists.")
        }
    }
}
