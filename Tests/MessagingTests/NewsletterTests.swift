import BoxOfficeApp
import Foundation
import HTTPCore
import HTTPTypes
import HummingbirdTesting
import Mail
import SQLKit
import TestSupport
import Testing

/// The newsletter: double opt-in that tells nobody who subscribed, the unsubscribe links, the organizers' list and
/// export, erasure.
@Suite struct NewsletterTests {
    static func token(_ text: String, _ path: String) -> String? {
        guard let range = text.range(of: path + #"\?token=[A-Za-z0-9_\-]+"#, options: .regularExpression) else {
            return nil
        }
        return String(text[range].split(separator: "=").last ?? "")
    }

    @Test(arguments: TestDatabase.all)
    func subscribingTakesAConfirmedLinkAndTellsNobodyWhoIsSubscribed(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let org = fixture.organization.organizationId
            func subscribe(_ email: String, name: String? = nil) async throws -> TestResponse {
                var body: [String: JSONValue] = ["email": .string(email)]
                if let name { body["name"] = .string(name) }
                // One organization: the body may leave it out.
                return try await app.client.send(.post, "/api/newsletter/subscribe", json: body)
            }
            let first = try await subscribe("Reader@Example.org", name: "=HYPERLINK(\"x\")")
            #expect(first.status == .accepted)
            let subject = "Confirm your subscription to Rope Studio"
            #expect(await eventually { app.mailer.sent(subject: subject).count == 1 })
            let link = try #require(app.mailer.sent(subject: subject).first)
            #expect(link.to.map(\.email) == ["reader@example.org"])
            let token = try #require(Self.token(link.text, "/newsletter/confirm"))

            // Not yet confirmed: no campaign reaches the address.
            let list = "/api/organizations/\(org)/newsletter/subscribers"
            let pending = try await app.client.send(.get, list + "?status=pending", headers: fixture.headers)
            #expect(try pending.json()["total"] == 1)
            let confirmed = try await app.client.send(.post, "/api/newsletter/confirm", json: ["token": token])
            #expect(confirmed.status == .ok, "\(confirmed.text)")
            let reused = try await app.client.send(.post, "/api/newsletter/confirm", json: ["token": token])
            #expect(reused.status == .unprocessableContent && reused.errorCode == "INVALID_NEWSLETTER_TOKEN")

            // Subscribing again answers the same and sends nothing.
            let again = try await subscribe("reader@example.org")
            #expect(again.status == first.status && again.text == first.text)
            try await Task.sleep(for: .milliseconds(300))
            #expect(app.mailer.sent(subject: subject).count == 1)

            let subscribed = try await app.client.send(.get, list + "?status=subscribed", headers: fixture.headers)
            #expect(try subscribed.json()["subscribers"]?.arrayValue?.first?["email"] == "reader@example.org")
            let export = try await app.client.send(.get, list + "/export", headers: fixture.headers)
            #expect(export.status == .ok && export.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(export.text.hasPrefix("email,name,status,subscribed_at,confirmed_at,consent_ip,unsubscribed_at"))
            #expect(export.text.contains("reader@example.org,\"'=HYPERLINK(\"\"x\"\")\",subscribed"), "\(export.text)")

            // A campaign carries the unsubscribe links; the page's button leaves the list.
            let campaign = try await app.client.send(
                .post, "/api/organizations/\(org)/newsletter/campaigns", headers: fixture.headers,
                json: ["subject": "Season", "body": "Line one.\nLine two."])
            #expect(campaign.status == .accepted)
            #expect(await eventually { app.mailer.sent(subject: "Season").count == 1 })
            let issue = try #require(app.mailer.sent(subject: "Season").first)
            let unsubscribe = try #require(Self.token(issue.text, "/newsletter/unsubscribe"))
            let header = try #require(issue.headers.first { $0.name == "List-Unsubscribe" }?.value)
            #expect(
                header == "<http://localhost:8080/api/newsletter/unsubscribe?token=\(unsubscribe)>"
                    || header.contains(unsubscribe))
            let page = try await app.client.send(.get, "/newsletter/unsubscribe?token=\(unsubscribe)")
            #expect(page.status == .ok && page.text.contains("Unsubscribe"))
            let left = try await app.client.send(
                .post, "/api/newsletter/unsubscribe", json: ["token": .string(unsubscribe)] as [String: JSONValue])
            #expect(left.status == .ok)
            let twice = try await app.client.send(.post, "/api/newsletter/unsubscribe?token=\(unsubscribe)")
            #expect(twice.status == .ok, "leaving again is harmless")
            let unknown = try await app.client.send(.post, "/api/newsletter/unsubscribe?token=nope")
            #expect(unknown.status == .unprocessableContent)
            let gone = try await app.client.send(.get, list + "?status=unsubscribed", headers: fixture.headers)
            #expect(try gone.json()["total"] == 1)

            // Erasure on request; strangers see nothing.
            let id = try #require(try gone.json()["subscribers"]?.arrayValue?.first?["subscriberId"]?.stringValue)
            #expect(try await app.client.send(.delete, list + "/\(id)", headers: fixture.headers).status == .noContent)
            #expect(try await app.client.send(.delete, list + "/\(id)", headers: fixture.headers).status == .notFound)
            let stranger = try await app.signUp("stranger@example.org")
            #expect(try await app.client.send(.get, list, headers: stranger.bearer).status == .forbidden)

            // With two organizations, the body must say which.
            _ = try await app.client.send(
                .post, "/api/organizations", headers: stranger.bearer, json: ["name": "Other Hall"])
            let which = try await subscribe("someone@example.org")
            #expect(which.status == .unprocessableContent)
            #expect(try which.json()["error"]?["details"]?["fields"]?["organizationId"] != nil)
        }
    }
}

/// One new address subscribed several times at once: one subscriber, one confirmation, every answer the same.
@Suite struct NewsletterRaceTests {
    @Test(arguments: TestDatabase.all)
    func concurrentSubscriptionsOfANewAddressMakeOneSubscriber(_ database: TestDatabase) async throws {
        try await withApp(database, testing: .live, configure: { $0.workers.runWorkers = false }) { app in
            let fixture = try await CatalogFixture.make(app)
            let body = #"{"email":"twice@example.org","organizationId":"\#(fixture.organization.organizationId)"}"#
            let answers = try await app.race(
                (0..<6).map { _ in
                    var request = RaceRequest(.post, "/api/newsletter/subscribe")
                    request.json = body
                    request.headers[.contentType] = "application/json"
                    return request
                })
            #expect(answers.allSatisfy { $0.status == .accepted }, "\(answers.map(\.body))")
            let rows = try await app.store.sql().raw(
                "SELECT COUNT(*) AS n FROM newsletter_subscribers WHERE email = 'twice@example.org'"
            ).first()!.decode(column: "n", as: Int.self)
            let queued = try await app.store.sql().raw(
                "SELECT COUNT(*) AS n FROM outbox WHERE topic = 'email.newsletter_confirmation'"
            ).first()!.decode(column: "n", as: Int.self)
            #expect(rows == 1)
            #expect(queued >= 1 && queued <= 6, "a pending subscriber asking again is sent the link again")
        }
    }
}

/// Sign-up mail: the verification link (once, a week), a new one on request.
@Suite struct EmailVerificationTests {
    @Test(arguments: TestDatabase.all)
    func theSignUpLinkVerifiesTheAddressOnce(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            func register(_ email: String) async throws {
                let response = try await app.client.send(
                    .post, "/api/auth/register", json: ["email": email, "password": TestApp.password])
                #expect(response.status == .accepted)
            }
            func signIn(_ email: String) async throws -> TestResponse {
                try await app.client.send(
                    .post, "/api/auth/login", json: ["email": email, "password": TestApp.password])
            }
            try await register("ada@example.org")
            let subject = "Confirm your email address"
            #expect(await eventually { app.mailer.sent(subject: subject).count == 1 })
            #expect(try await signIn("ada@example.org").status == .unauthorized, "not before the link")
            let text = try #require(app.mailer.sent(subject: subject).first?.text)
            let token = try #require(NewsletterTests.token(text, "/account/verify-email"))
            let page = try await app.client.send(.get, "/account/verify-email?token=\(token)")
            #expect(page.status == .ok && page.text.contains("Confirm my address"))
            #expect(
                try await app.client.send(
                    .post, "/api/auth/verify-email", json: ["token": token, "password": TestApp.password]
                ).status == .noContent)
            let again = try await app.client.send(
                .post, "/api/auth/verify-email", json: ["token": token, "password": TestApp.password])
            #expect(again.status == .unprocessableContent && again.errorCode == "INVALID_VERIFICATION_TOKEN")
            let ada = try await signIn("ada@example.org")
            #expect(ada.status == .ok)
            #expect(try ada.json()["user"]?["emailVerified"] == true)
            // Verified, unknown or not: asking for another link answers alike and sends nothing.
            let verified = try await app.client.send(
                .post, "/api/auth/resend-verification", json: ["email": "ada@example.org"])
            let unknown = try await app.client.send(
                .post, "/api/auth/resend-verification", json: ["email": "nobody@example.org"])
            #expect(verified.status == .accepted && verified.text == unknown.text)
            try await Task.sleep(for: .milliseconds(300))
            #expect(app.mailer.sent(subject: subject).count == 1)

            // Unverified after a week: the old link is dead, a new one on request works.
            try await register("grace@example.org")
            #expect(await eventually { app.mailer.sent(subject: subject).count == 2 })
            let old = try #require(
                NewsletterTests.token(app.mailer.sent(subject: subject)[1].text, "/account/verify-email"))
            app.clock.advance(by: 8 * 86_400)
            let late = try await app.client.send(
                .post, "/api/auth/verify-email", json: ["token": old, "password": TestApp.password])
            #expect(late.errorCode == "INVALID_VERIFICATION_TOKEN")
            #expect(
                try await app.client.send(
                    .post, "/api/auth/resend-verification", json: ["email": "grace@example.org"]
                ).status == .accepted)
            #expect(await eventually { app.mailer.sent(subject: subject).count == 3 })
            let fresh = try #require(
                NewsletterTests.token(app.mailer.sent(subject: subject)[2].text, "/account/verify-email"))
            #expect(
                try await app.client.send(
                    .post, "/api/auth/verify-email", json: ["token": fresh, "password": TestApp.password]
                ).status == .noContent)
            #expect(try await signIn("grace@example.org").status == .ok)

            // A password reset proves the address too.
            try await register("hal@example.org")
            _ = try await app.client.send(.post, "/api/auth/forgot-password", json: ["email": "hal@example.org"])
            #expect(await eventually { app.mailer.sent(subject: "Reset your password").count == 1 })
            let reset = try #require(
                NewsletterTests.token(
                    app.mailer.sent(subject: "Reset your password")[0].text, "/account/reset-password"))
            _ = try await app.client.send(
                .post, "/api/auth/reset-password", json: ["token": reset, "newPassword": TestApp.password])
            #expect(try await signIn("hal@example.org").status == .ok)
        }
    }
}

/// Reminder offsets per event: the installation's until the event sets its own.
@Suite struct ReminderSettingsTests {
    @Test(arguments: TestDatabase.all)
    func anEventSetsItsOwnOffsets(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let (event, _, _, _) = try await fixture.workshop()
            let path = "/api/events/\(event.eventId)/reminders"
            let inherited = try await app.client.send(.get, path, headers: fixture.headers).json()
            #expect(inherited["inherited"] == true && inherited["offsetsMinutes"] == [1440, 120])
            let set = try await app.client.send(
                .put, path, headers: fixture.headers, json: ["offsetsMinutes": [30, 4320]])
            #expect(try set.json()["offsetsMinutes"] == [4320, 30] && set.json()["inherited"] == false)
            let none = try await app.client.send(
                .put, path, headers: fixture.headers, json: ["offsetsMinutes": .array([])] as [String: JSONValue])
            #expect(try none.json()["offsetsMinutes"] == [] && none.json()["inherited"] == false)
            let bad = try await app.client.send(
                .put, path, headers: fixture.headers, json: ["offsetsMinutes": [0, 99_999, 5, 5]])
            #expect(bad.status == .badRequest)
            let back = try await app.client.send(
                .put, path, headers: fixture.headers, json: ["offsetsMinutes": .null] as [String: JSONValue])
            #expect(try back.json()["inherited"] == true)
            let stranger = try await app.signUp("stranger@example.org")
            #expect(
                try await app.client.send(.put, path, headers: stranger.bearer, json: ["offsetsMinutes": [5]]).status
                    == .forbidden)
        }
    }
}
