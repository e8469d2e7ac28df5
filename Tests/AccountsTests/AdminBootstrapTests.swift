import Accounts
import BoxOfficeApp
import FluentKit
import Foundation
import HTTPTypes
import HummingbirdTesting
import Persistence
import TestSupport
import Testing

@Suite struct AdminBootstrapTests {
    @Test(arguments: TestDatabase.all)
    func theConfiguredFirstAdminIsCreatedAtStart(_ database: TestDatabase) async throws {
        try await withApp(
            database,
            configure: {
                $0.auth.defaultAdminEmail = "root@example.org"
                $0.auth.defaultAdminPassword = "first admin password"
            }
        ) { app in
            let admin = try await app.signIn("root@example.org", password: "first admin password")
            #expect(admin.user.role == .admin)
            // A later start finds an admin and changes nothing, even with another password configured.
            let again = try await app.boxOffice.adminBootstrap.ensureFirstAdmin(
                email: "root@example.org", password: "another password", now: app.clock.now)
            #expect(again == .adminExists)
            _ = try await app.signIn("root@example.org", password: "first admin password")
            let granted = try await AuditLogRecord.query(on: app.store.database()).filter(
                \.$action == "user.admin_granted"
            ).all()
            #expect(granted.count == 1 && granted.first?.actorKind == "system")
        }
    }

    @Test(arguments: TestDatabase.all)
    func createAdminPromotesAnExistingAccount(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let member = try await app.signUp("ada@example.org")
            #expect(member.user.role == .member)
            let outcome = try await app.boxOffice.adminBootstrap.makeAdmin(
                email: "ada@example.org", password: "a brand new password", now: app.clock.now)
            #expect(outcome == .promoted(uuid(member.user.id)))
            let admin = try await app.signIn("ada@example.org", password: "a brand new password")
            #expect(admin.user.role == .admin)
            await #expect(throws: (any Error).self) {
                try await app.boxOffice.adminBootstrap.makeAdmin(email: "bad", password: "short", now: app.clock.now)
            }
        }
    }

    /// Somebody registered the configured admin's address before the first start with an admin, with a password of
    /// their own: the account was never verified, so the operator's password replaces theirs.
    @Test(arguments: TestDatabase.all)
    func anUnverifiedAccountPromotedAtStartTakesTheOperatorsPassword(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let squat = try await app.client.send(
                .post, "/api/auth/register", json: ["email": "root@example.org", "password": "the squatter's"])
            #expect(squat.status == .accepted)
            let outcome = try await app.boxOffice.adminBootstrap.ensureFirstAdmin(
                email: "root@example.org", password: "first admin password", now: app.clock.now)
            guard case .promoted = outcome else {
                Issue.record("\(outcome)")
                return
            }
            let squatter = try await app.client.send(
                .post, "/api/auth/login", json: ["email": "root@example.org", "password": "the squatter's"])
            #expect(squatter.status == .unauthorized)
            let admin = try await app.signIn("root@example.org", password: "first admin password")
            #expect(admin.user.role == .admin && admin.user.emailVerified)
        }
    }

    @Test func adminSettingsAreValidatedTogether() throws {
        #expect(throws: ConfigurationError.self) {
            try AppConfig.load(from: ["DEFAULT_ADMIN_EMAIL": "root@example.org"])
        }
        #expect(throws: ConfigurationError.self) {
            try AppConfig.load(from: ["DEFAULT_ADMIN_EMAIL": "root", "DEFAULT_ADMIN_PASSWORD": "short"])
        }
        #expect(throws: ConfigurationError.self) {
            try AppConfig.load(from: [
                "APP_ENV": "production", "JWT_SECRET": String(repeating: "s", count: 32), "BCRYPT_COST": "4",
            ])
        }
        #expect(try AppConfig.load(from: ["APP_ENV": "test", "BCRYPT_COST": "4"]).auth.bcryptCost == 4)
        #expect(try AppConfig.load(from: [:]).auth.bcryptCost == 12)
    }
}
