import Foundation
import HTTPCore
import HTTPTypes
import HummingbirdTesting
import Persistence
import SQLKit
import TestSupport
import Testing

/// An access token outlives its account for at most its 15 minutes; in that time it is a stale sign-in (401), not a
/// conflict with the data.
@Suite struct DeletedUserTests {
    @Test(arguments: TestDatabase.all)
    func aTokenOfAGoneAccountIsUnauthorized(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let tokens = try await app.signUp("gone@example.org")
            try await app.store.sql().raw("DELETE FROM refresh_tokens").run()
            try await app.store.sql().raw("DELETE FROM users WHERE email = 'gone@example.org'").run()
            let created = try await app.client.send(
                .post, "/api/organizations", headers: tokens.bearer, json: ["name": "Ghost Hall"])
            #expect(created.status == .unauthorized, "\(created.status) \(created.text)")
        }
    }
}
