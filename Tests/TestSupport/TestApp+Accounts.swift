import Accounts
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
public import WireTypes

/// Sign-up and sign-in shortcuts, so tests read as what they check.
extension TestApp {
    public static let password = "correct horse battery"

    /// Registers through the API (which answers 202 whoever asks), marks the address verified (as following the mailed
    /// link does; the link itself is tested apart), then signs in: the tokens.
    @discardableResult
    public func signUp(_ email: String, password: String = TestApp.password, from ip: String? = nil) async throws
        -> Components.Schemas.TokenResponse
    {
        let response = try await client.send(
            .post, "/api/auth/register", headers: ip.map { [.xForwardedFor: $0] } ?? [:],
            json: ["email": email, "password": password, "displayName": String(email.prefix { $0 != "@" })])
        guard response.status == .accepted else {
            throw TestSetupError("sign-up of \(email) failed: \(response.status) \(response.text)")
        }
        try await markVerified(email)
        let signIn = try await client.send(
            .post, "/api/auth/login", headers: ip.map { [.xForwardedFor: $0] } ?? [:],
            json: ["email": email, "password": password])
        guard signIn.status == .ok else {
            throw TestSetupError("sign-in of \(email) after sign-up failed: \(signIn.status) \(signIn.text)")
        }
        return try signIn.decode(Components.Schemas.TokenResponse.self)
    }

    /// The account's address verified, as its mailed link would (the address confirmed for mail too).
    public func markVerified(_ email: String) async throws {
        try await store.sql().raw(
            "UPDATE users SET email_verified_at = \(bind: clock.now) WHERE email = \(bind: email.lowercased())"
        ).run()
        try await confirmAddress(email)
    }

    /// The address confirmed for mail, as following any link mailed to it does (`MailConsent.confirm`).
    public func confirmAddress(_ email: String) async throws {
        try await store.sql().raw(
            """
            INSERT INTO mail_addresses (email, confirmed_at, links_in_window, refusal_token, created_at)
            VALUES (\(bind: email.lowercased()), \(bind: clock.now), 0, \(bind: UUID().uuidString), \(bind: clock.now))
            ON CONFLICT (email) DO UPDATE SET confirmed_at = EXCLUDED.confirmed_at, refused_at = NULL
            """
        ).run()
    }

    public func signIn(_ email: String, password: String = TestApp.password) async throws
        -> Components.Schemas.TokenResponse
    {
        let response = try await client.send(.post, "/api/auth/login", json: ["email": email, "password": password])
        guard response.status == .ok else {
            throw TestSetupError("sign-in of \(email) failed: \(response.status) \(response.text)")
        }
        return try response.decode(Components.Schemas.TokenResponse.self)
    }

    /// Makes a platform admin (as `boxoffice create-admin` does) and signs them in.
    public func signInAdmin(_ email: String = "admin@example.org") async throws -> Components.Schemas.TokenResponse {
        _ = try await boxOffice.adminBootstrap.makeAdmin(email: email, password: TestApp.password, now: clock.now)
        return try await signIn(email)
    }
}

extension Components.Schemas.TokenResponse {
    /// `Authorization: Bearer …` for this sign-in.
    public var bearer: HTTPFields { [.authorization: "Bearer \(accessToken)"] }
}

public func bearer(_ token: String) -> HTTPFields { [.authorization: "Bearer \(token)"] }

extension HTTPField.Name {
    static var xForwardedFor: Self { .init("X-Forwarded-For")! }
}
