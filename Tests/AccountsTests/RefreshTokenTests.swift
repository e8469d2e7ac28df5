import Accounts
import FluentKit
import Foundation
import HTTPCore
import HTTPTypes
import HummingbirdTesting
import Identity
import Persistence
import TestSupport
import Testing
import WireTypes

@Suite struct RefreshTokenTests: Sendable {
    func refresh(_ app: TestApp, _ token: String) async throws -> TestResponse {
        try await app.client.send(.post, "/api/auth/refresh", json: ["refresh_token": token])
    }

    @Test(arguments: TestDatabase.all)
    func refreshRotatesAndReuseRevokesTheFamily(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let first = try await app.signUp("ada@example.org")
            let rotated = try await refresh(app, first.refresh_token)
            #expect(rotated.status == .ok)
            let second = try rotated.decode(Components.Schemas.TokenResponse.self)
            #expect(second.refresh_token != first.refresh_token)
            #expect(try await app.client.send(.get, "/api/auth/me", headers: second.bearer).status == .ok)

            // A second tab refreshing with the same token a moment later gets the same successor, not a sign-out.
            let sameMoment = try await refresh(app, first.refresh_token)
            #expect(sameMoment.status == .ok)
            #expect(try sameMoment.decode(Components.Schemas.TokenResponse.self).refresh_token == second.refresh_token)

            // Past the grace window the rotated-out token is a thief's or a replay: everything from this sign-in dies.
            app.clock.advance(by: 11)
            let reused = try await refresh(app, first.refresh_token)
            #expect(reused.status == .unauthorized)
            #expect(reused.errorCode == "REFRESH_TOKEN_REUSED")
            let successor = try await refresh(app, second.refresh_token)
            #expect(successor.status == .unauthorized)
            #expect(successor.errorCode == "INVALID_REFRESH_TOKEN")

            let audit = try await AuditLogRecord.query(on: app.store.database()).filter(
                \.$action == "auth.refresh.reused"
            ).all()
            #expect(audit.count == 1)
            #expect(audit.first?.actorID == uuid(first.user.id))
        }
    }

    @Test(arguments: TestDatabase.all)
    func reuseRevokesOnlyThatSignIn(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let laptop = try await app.signUp("ada@example.org")
            let phone = try await app.signIn("ada@example.org")
            _ = try await refresh(app, laptop.refresh_token)
            _ = try await refresh(app, laptop.refresh_token)
            #expect(try await refresh(app, phone.refresh_token).status == .ok, "another sign-in is a different family")
        }
    }

    @Test(arguments: TestDatabase.all)
    func refreshTokensExpire(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let tokens = try await app.signUp("ada@example.org")
            app.clock.advance(by: 7 * 24 * 3600)
            let expired = try await refresh(app, tokens.refresh_token)
            #expect(expired.status == .unauthorized)
            #expect(expired.errorCode == "INVALID_REFRESH_TOKEN")
        }
    }

    @Test(arguments: TestDatabase.all)
    func unknownOrMissingTokensAreRefused(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            #expect(try await refresh(app, "made-up").errorCode == "INVALID_REFRESH_TOKEN")
            let missing = try await app.client.send(.post, "/api/auth/refresh", json: ["other": "x"])
            #expect(missing.status == .badRequest)
            let camel = try await app.signUp("ada@example.org")
            let response = try await app.client.send(
                .post, "/api/auth/refresh", json: ["refreshToken": camel.refresh_token])
            #expect(response.status == .ok, "refreshToken is accepted as well as refresh_token")
        }
    }

    @Test(arguments: TestDatabase.all)
    func onlyTheHashIsStored(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let tokens = try await app.signUp("ada@example.org")
            let stored = try await RefreshTokenRecord.query(on: app.store.database()).all()
            #expect(stored.count == 1)
            #expect(stored[0].tokenHash == OpaqueToken.hash(tokens.refresh_token))
            #expect(stored[0].tokenHash != tokens.refresh_token)
            #expect(
                Data(
                    base64Encoded: tokens.refresh_token.replacingOccurrences(of: "-", with: "+")
                        .replacingOccurrences(of: "_", with: "/") + "=")?.count == 32)
        }
    }

    @Test(arguments: TestDatabase.all)
    func logoutRevokesEverySignIn(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let laptop = try await app.signUp("ada@example.org")
            let phone = try await app.signIn("ada@example.org")
            #expect(try await app.client.send(.post, "/api/auth/logout", headers: laptop.bearer).status == .noContent)
            #expect(try await refresh(app, laptop.refresh_token).status == .unauthorized)
            #expect(try await refresh(app, phone.refresh_token).status == .unauthorized)
            // Documented: access tokens already issued live out their short lifetime.
            #expect(try await app.client.send(.get, "/api/auth/me", headers: phone.bearer).status == .ok)
            app.clock.advance(by: 900)
            #expect(try await app.client.send(.get, "/api/auth/me", headers: phone.bearer).status == .unauthorized)
            let actions = try await AuditLogRecord.query(on: app.store.database()).all().map(\.action)
            #expect(actions.contains("auth.logout"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func changingThePasswordRevokesOtherSignIns(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let laptop = try await app.signUp("ada@example.org")
            let phone = try await app.signIn("ada@example.org")
            let wrong = try await app.client.send(
                .post, "/api/auth/change-password", headers: laptop.bearer,
                json: ["currentPassword": "not it at all", "newPassword": "a new long password"])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.errorCode == "CURRENT_PASSWORD_WRONG")
            let short = try await app.client.send(
                .post, "/api/auth/change-password", headers: laptop.bearer,
                json: ["currentPassword": TestApp.password, "newPassword": "short"])
            #expect(short.status == .badRequest)

            let changed = try await app.client.send(
                .post, "/api/auth/change-password", headers: laptop.bearer,
                json: ["currentPassword": TestApp.password, "newPassword": "a new long password"])
            #expect(changed.status == .noContent)
            #expect(try await refresh(app, phone.refresh_token).status == .unauthorized, "other sign-ins end")
            #expect(try await refresh(app, laptop.refresh_token).status == .ok, "this sign-in continues")
            await #expect(throws: (any Error).self) { try await app.signIn("ada@example.org") }
            _ = try await app.signIn("ada@example.org", password: "a new long password")
        }
    }

    /// Several instances: a token rotated on one is dead on the other, and reuse is detected across them.
    @Test(arguments: TestDatabase.all)
    func rotationHoldsAcrossInstances(_ database: TestDatabase) async throws {
        try await withTwoApps(database) { one, two in
            let tokens = try await one.signUp("ada@example.org")
            let rotated = try await refresh(one, tokens.refresh_token)
            #expect(rotated.status == .ok)
            two.clock.advance(by: 11)  // past the grace window of a concurrent refresh
            let reused = try await refresh(two, tokens.refresh_token)
            #expect(reused.errorCode == "REFRESH_TOKEN_REUSED")
            #expect(
                try await refresh(two, try rotated.decode(Components.Schemas.TokenResponse.self).refresh_token).status
                    == .unauthorized)

            let again = try await two.signIn("ada@example.org")
            #expect(try await one.client.send(.post, "/api/auth/logout", headers: again.bearer).status == .noContent)
            #expect(
                try await refresh(two, again.refresh_token).status == .unauthorized,
                "logout on one instance holds on the other")
        }
    }

    /// Refreshes with the same token at the same moment (tabs of one browser): the token is rotated once, and every
    /// one of them gets the same successor; nobody is signed out.
    @Test(arguments: TestDatabase.all)
    func concurrentRefreshesRotateOnce(_ database: TestDatabase) async throws {
        try await withApp(database, testing: .live) { app in
            let tokens = try await app.signUp("ada@example.org")
            let results = try await app.race(
                (0..<8).map { _ in
                    RaceRequest(.post, "/api/auth/refresh", json: ["refresh_token": tokens.refresh_token])
                }
            )
            #expect(results.allSatisfy { $0.status == .ok }, "\(results.map(\.status))")
            let successors = Set(
                results.compactMap {
                    try? JSONDecoder().decode(JSONValue.self, from: Data($0.body.utf8))["refresh_token"]?.stringValue
                })
            #expect(successors.count == 1, "one successor for all")
            let live = try await RefreshTokenRecord.query(on: app.store.database())
                .filter(\.$rotatedAt == nil).filter(\.$revokedAt == nil).count()
            #expect(live <= 1)
        }
    }
}
