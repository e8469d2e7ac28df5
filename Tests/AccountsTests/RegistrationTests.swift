import Accounts
import FluentKit
import Foundation
import HTTPTypes
import HummingbirdTesting
import Persistence
import TestSupport
import Testing

@Suite struct RegistrationTests {
    @Test(arguments: TestDatabase.all)
    func registeringCreatesAMemberAndSignsIn(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            // No body can grant itself a role: a field the endpoint does not know is refused, named.
            let granting = try await app.client.send(
                .post, "/api/auth/register",
                json: [
                    "email": "  Ada@Example.org ", "password": TestApp.password, "displayName": "Ada", "role": "admin",
                ])
            #expect(granting.status == .badRequest)
            #expect(
                try granting.json()["error"]?["details"]?["fields"]?["role"]?.stringValue
                    == "is not a field of this request")
            let response = try await app.client.send(
                .post, "/api/auth/register",
                json: [
                    "email": "  Ada@Example.org ", "password": TestApp.password, "displayName": "Ada",
                ])
            #expect(response.status == .created)
            let tokens = try response.decode(TokenResponse.self)
            #expect(tokens.user.email == "ada@example.org")
            #expect(tokens.user.username == "ada@example.org")
            #expect(tokens.user.role == "member")
            #expect(tokens.tokenType == "Bearer")
            #expect(tokens.expiresIn == 900)
            let json = try response.json()
            for key in ["access_token", "refresh_token", "token_type", "expires_in", "user"] {
                #expect(json[key] != nil)
            }

            let me = try await app.client.send(.get, "/api/auth/me", headers: tokens.bearer)
            #expect(try me.decode(UserDTO.self) == tokens.user)
        }
    }

    @Test(arguments: TestDatabase.all)
    func usernameIsAnAliasOfEmail(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let response = try await app.client.send(
                .post, "/api/auth/register", json: ["username": "grace@example.org", "password": TestApp.password])
            #expect(response.status == .created)
            #expect(try response.decode(TokenResponse.self).user.displayName == "grace")
            let login = try await app.client.send(
                .post, "/api/auth/login", json: ["username": "grace@example.org", "password": TestApp.password])
            #expect(login.status == .ok)
            let user = try await app.client.send(
                .get, "/api/user", headers: try login.decode(TokenResponse.self).bearer)
            #expect(try user.json()["username"] == "grace@example.org")
        }
    }

    @Test(arguments: TestDatabase.all)
    func aDuplicateEmailIs409(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            try await app.signUp("ada@example.org")
            let again = try await app.client.send(
                .post, "/api/auth/register", json: ["email": "ADA@example.org", "password": TestApp.password])
            #expect(again.status == .conflict)
            #expect(again.errorCode == "EMAIL_TAKEN")
            #expect(try await UserRecord.query(on: app.store.database()).count() == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func everyBadFieldIsNamedAndNothingIsWritten(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let response = try await app.client.send(
                .post, "/api/auth/register", json: ["email": "not-an-email", "password": "short", "displayName": ""])
            #expect(response.status == .badRequest)
            #expect(response.errorCode == "VALIDATION_FAILED")
            let fields = try response.json()["error"]?["details"]?["fields"]?.objectValue ?? [:]
            #expect(Set(fields.keys) == ["email", "password", "displayName"])
            let tooLong = String(repeating: "p", count: 129)
            let long = try await app.client.send(
                .post, "/api/auth/register", json: ["email": "a@b.co", "password": tooLong])
            #expect(try long.json()["error"]?["details"]?["fields"]?["password"] == "must be 8 to 128 characters")
            #expect(try await UserRecord.query(on: app.store.database()).count() == 0)
            #expect(try await AuditLogRecord.query(on: app.store.database()).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func signInChecksThePasswordWithoutRevealingAccounts(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            try await app.signUp("ada@example.org")
            let ok = try await app.client.send(
                .post, "/api/auth/login", json: ["email": "ada@example.org", "password": TestApp.password])
            #expect(ok.status == .ok)

            let wrong = try await app.client.send(
                .post, "/api/auth/login", json: ["email": "ada@example.org", "password": "wrong password"])
            let unknown = try await app.client.send(
                .post, "/api/auth/login", json: ["email": "nobody@example.org", "password": "wrong password"])
            #expect(wrong.status == .unauthorized && unknown.status == .unauthorized)
            #expect(wrong.errorCode == "INVALID_CREDENTIALS" && unknown.errorCode == "INVALID_CREDENTIALS")
            let wrongMessage = try wrong.json()["error"]?["message"]
            #expect(
                wrongMessage == (try unknown.json()["error"]?["message"]),
                "the same words whether or not the account exists")

            let missing = try await app.client.send(.post, "/api/auth/login", json: ["email": "ada@example.org"])
            #expect(missing.status == .badRequest)
            #expect(try missing.json()["error"]?["details"]?["fields"]?["password"] == "is required")

            let actions = try await AuditLogRecord.query(on: app.store.database()).all().map(\.action)
            #expect(actions.filter { $0 == "auth.login.failed" }.count == 2)
            #expect(actions.contains("auth.login.succeeded"))
        }
    }

    @Test func unknownAccountsCostAsMuchAsKnownOnes() async throws {
        // The decoy hash makes bcrypt run for unknown emails too. Compare work, not wall time: both must hash.
        let hasher = PasswordHasher(cost: 4)
        let hash = try await hasher.hash("secret password")
        #expect(try await hasher.verify("secret password", against: hash))
        #expect(try await !hasher.verify("secret password", against: nil))
        #expect(try await !hasher.verify("other password", against: hash))
        #expect(hash.hasPrefix("$2b$04$"))
    }
}
