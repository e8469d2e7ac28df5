import Accounts
import FluentKit
import Foundation
import HTTPTypes
import HummingbirdTesting
import Persistence
import TestSupport
import Testing
import WireTypes

@Suite struct RegistrationTests {
    @Test(arguments: TestDatabase.all)
    func registeringCreatesAMemberWhoThenSignsIn(_ database: TestDatabase) async throws {
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
            #expect(response.status == .accepted)
            #expect(try response.json()["access_token"] == nil, "registration signs nobody in: \(response.text)")
            // Unverified, the account is refused like a wrong password; verified, it signs in.
            let early = try await app.client.send(
                .post, "/api/auth/login", json: ["email": "ada@example.org", "password": TestApp.password])
            let wrong = try await app.client.send(
                .post, "/api/auth/login", json: ["email": "ada@example.org", "password": "not the password"])
            #expect(early.status == .unauthorized && early.errorCode == "INVALID_CREDENTIALS")
            #expect(try early.json()["error"]?["message"] == wrong.json()["error"]?["message"])
            try await app.markVerified("ada@example.org")
            let tokens = try await app.signIn("ada@example.org")
            #expect(tokens.user.email == "ada@example.org")
            #expect(tokens.user.emailVerified == true)
            #expect(tokens.user.username == "ada@example.org")
            #expect(tokens.user.role == .member)
            #expect(tokens.tokenType == .bearer)
            #expect(tokens.expiresIn == 900)

            let me = try await app.client.send(.get, "/api/auth/me", headers: tokens.bearer)
            #expect(try me.decode(Components.Schemas.User.self) == tokens.user)
        }
    }

    @Test(arguments: TestDatabase.all)
    func usernameIsAnAliasOfEmail(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let response = try await app.client.send(
                .post, "/api/auth/register", json: ["username": "grace@example.org", "password": TestApp.password])
            #expect(response.status == .accepted)
            try await app.markVerified("grace@example.org")
            let login = try await app.client.send(
                .post, "/api/auth/login", json: ["username": "grace@example.org", "password": TestApp.password])
            #expect(login.status == .ok)
            let user = try await app.client.send(
                .get, "/api/user", headers: try login.decode(Components.Schemas.TokenResponse.self).bearer)
            #expect(try user.json()["username"] == "grace@example.org")
            #expect(try user.json()["displayName"] == "grace")
        }
    }

    @Test(arguments: TestDatabase.all)
    func aTakenEmailAnswersLikeAFreeOneAndItsOwnerIsTold(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            try await app.signUp("ada@example.org")
            let again = try await app.client.send(
                .post, "/api/auth/register", json: ["email": "ADA@example.org", "password": "another password"])
            let fresh = try await app.client.send(
                .post, "/api/auth/register", json: ["email": "grace@example.org", "password": TestApp.password])
            #expect(again.status == .accepted)
            #expect(again.status == fresh.status && again.text == fresh.text, "nobody learns who is registered")
            #expect(try await UserRecord.query(on: app.store.database()).count() == 2)
            // The owner's password still works; the attempt's does not.
            #expect(
                try await app.client.send(
                    .post, "/api/auth/login", json: ["email": "ada@example.org", "password": "another password"]
                ).status == .unauthorized)
            let told = try await app.store.sql().raw(
                "SELECT payload FROM outbox WHERE topic = 'email.registration' ORDER BY created_at, id"
            ).all().map { try $0.decode(column: "payload", as: String.self) }
            #expect(told.count == 3)
            #expect(told.filter { $0.contains("ada@example.org") && $0.contains("\"created\":false") }.count == 1)
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
        let hasher = PasswordHasher(cost: 4, key: PasswordKey(fixed: Data(repeating: 1, count: 32)))
        let hash = try await hasher.hash("secret password")
        #expect(try await hasher.verify("secret password", against: hash))
        #expect(try await !hasher.verify("secret password", against: nil))
        #expect(try await !hasher.verify("other password", against: hash))
        #expect(hash.hasPrefix("$bx1$$2b$04$"))
    }

    /// bcrypt reads only a password's first 72 bytes; the keyed pre-hash makes every byte count.
    @Test func everyByteOfALongPasswordCounts() async throws {
        let hasher = PasswordHasher(cost: 4, key: PasswordKey(fixed: Data(repeating: 1, count: 32)))
        let long = String(repeating: "a", count: 100)
        let hash = try await hasher.hash(long + "1")
        #expect(try await hasher.verify(long + "1", against: hash))
        #expect(try await !hasher.verify(long + "2", against: hash), "the ending past byte 72 matters")
        // A hash from before the pre-hash still verifies, and says it should be replaced.
        let plain = try await hasher.check("old password", against: PasswordHasher.legacyHash("old password", cost: 4))
        #expect(plain == .matchInOldForm)
    }

    /// Through the API: a 128-character password signs in only with its own ending, and an account hashed the old way
    /// signs in and is rehashed.
    @Test(arguments: TestDatabase.all)
    func longPasswordsAndOldHashesSignIn(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let long = String(repeating: "p", count: 127)
            _ = try await app.signUp("long@example.org", password: long + "A")
            let wrongEnding = try await app.client.send(
                .post, "/api/auth/login", json: ["email": "long@example.org", "password": long + "B"])
            #expect(wrongEnding.status == .unauthorized)
            let right = try await app.client.send(
                .post, "/api/auth/login", json: ["email": "long@example.org", "password": long + "A"])
            #expect(right.status == .ok)

            _ = try await app.signUp("old@example.org", password: "an old password")
            let legacy = PasswordHasher.legacyHash("an old password", cost: 4)
            try await app.store.sql().raw(
                "UPDATE users SET password_hash = \(bind: legacy) WHERE email = 'old@example.org'"
            ).run()
            let signIn = try await app.client.send(
                .post, "/api/auth/login", json: ["email": "old@example.org", "password": "an old password"])
            #expect(signIn.status == .ok)
            let stored = try await app.store.sql().raw(
                "SELECT password_hash FROM users WHERE email = 'old@example.org'"
            )
            .first()?.decode(column: "password_hash", as: String.self)
            #expect(stored?.hasPrefix("$bx1$") == true, "rehashed on sign-in")
        }
    }
}
