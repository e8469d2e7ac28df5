import BoxOfficeApp
import Foundation
import HTTPCore
import HTTPTypes
import HummingbirdTesting
import Mail
import Messaging
import Orders
import SQLKit
import TestSupport
import Testing

/// Mail only to addresses that asked (#20): an unconfirmed address gets the confirmation link alone, a few an hour;
/// organizers' messages reach confirmed addresses only, three a day per event; "not me" from any mail stops it for
/// good and removes an account somebody registered with the address; confirming an address takes the password chosen
/// at registration. Each failed on the code before (80 messages reached one address in a minute).
@Suite struct MailConsentTests {
    static func bounded(_ config: inout AppConfig) {
        config.mail.linksPerHour = 3
    }

    static func page(_ app: TestApp, _ path: String) async throws -> (csrf: String, TestResponse) {
        let page = try await app.client.send(.get, path)
        let csrf = try #require(
            page.headers[values: .setCookie].first { $0.hasPrefix("bx_csrf=") }?.split(separator: ";")[0]
                .dropFirst("bx_csrf=".count))
        return (String(csrf), page)
    }

    static func post(_ app: TestApp, _ path: String, csrf: String, _ fields: String) async throws -> TestResponse {
        try await app.client.send(
            .post, path, headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "bx_csrf=\(csrf)"],
            raw: "_csrf=\(csrf)&\(fields)")
    }

    /// Every message to `email`, account mail included.
    static func mail(_ app: TestApp, to email: String) -> [MailMessage] {
        app.mailer.sent.filter { $0.to.contains { $0.email == email } }
    }

    static func link(_ text: String, _ path: String) -> String? {
        guard let line = text.split(separator: "\n").first(where: { $0.contains(path + "?token=") }) else { return nil }
        return String(line[line.range(of: path)!.lowerBound...]).trimmingCharacters(in: .whitespaces)
    }

    @Test(arguments: TestDatabase.all)
    func anUnconfirmedAddressGetsAFewLinksAnHourAndNothingAfterNotMe(_ database: TestDatabase) async throws {
        try await withApp(database, configure: Self.bounded) { app in
            let fixture = try await CatalogFixture.make(app)
            let workshop = try await fixture.workshop()
            // Five offline guest orders to one stranger's address: three confirmations an hour, no more.
            for _ in 0..<5 {
                let response = try await app.client.send(
                    .post, "/api/orders",
                    json: [
                        "ticketTypeId": .string(workshop.day1.ticketTypeId.uuidString), "quantity": 1,
                        "buyerName": "Stranger", "buyerEmail": "victim@example.org", "paymentMethod": "offline",
                    ] as [String: JSONValue])
                #expect(response.status == .created)
            }
            #expect(await eventually { app.mailer.sent(to: "victim@example.org").count == 3 })
            try await Task.sleep(for: .milliseconds(500))
            #expect(app.mailer.sent(to: "victim@example.org").count == 3)

            // Every message carries "not me"; following it (a button) stops this installation's mail for good.
            let mail = try #require(app.mailer.sent(to: "victim@example.org").first)
            let notMe = try #require(Self.link(mail.text, "/mail/not-me"))
            #expect(mail.html?.contains("/mail/not-me?token=") == true)
            let (csrf, page) = try await Self.page(app, notMe)
            #expect(page.status == .ok && page.text.contains("Never mail this address again"))
            let token = String(notMe.split(separator: "=").last!)
            let done = try await Self.post(app, "/mail/not-me", csrf: csrf, "token=\(token)")
            #expect(done.status == .ok && done.text.contains("no more mail"))
            app.clock.advance(by: 7200)
            let later = try await app.client.send(
                .post, "/api/orders",
                json: [
                    "ticketTypeId": .string(workshop.day1.ticketTypeId.uuidString), "quantity": 1,
                    "buyerName": "Stranger", "buyerEmail": "victim@example.org", "paymentMethod": "offline",
                ] as [String: JSONValue])
            #expect(later.status == .created)
            _ = try await app.client.send(
                .post, "/api/newsletter/subscribe", json: ["email": "victim@example.org"] as [String: JSONValue])
            try await Task.sleep(for: .milliseconds(800))
            #expect(app.mailer.sent(to: "victim@example.org").count == 3, "nothing after \"not me\"")
            #expect(try await app.client.send(.get, "/mail/not-me?token=unknown").status == .ok)
            #expect(
                try await Self.post(app, "/mail/not-me", csrf: csrf, "token=unknown").status == .badRequest)
        }
    }

    /// An organizer who keeps moving a session does not mail its holders each time: ten change notices a day per event.
    @Test(arguments: TestDatabase.all)
    func eventChangesAreCappedADay(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let (event, _, _, _) = try await fixture.workshop()
            let free = try await fixture.addTicketType(event.eventId, name: "Free", sessions: ["S1"], price: 0)
            _ = try await BroadcastTests.buy(app, free.ticketTypeId, buyer: "holder")
            for hour in 0..<11 {
                let moved = try await app.client.send(
                    .put, "/api/events/\(event.eventId)/sessions/S1", headers: fixture.headers,
                    json: ["startsAt": .string(CatalogFixture.day(10, hour: 8 + hour))] as [String: JSONValue])
                #expect(moved.status == .ok, "\(moved.text)")
            }
            let subject = "\(event.title) has changed"
            #expect(await eventually { app.mailer.sent(subject: subject).count == EventChangeMail.perEventPerDay })
            try await Task.sleep(for: .milliseconds(800))
            #expect(app.mailer.sent(subject: subject).count == EventChangeMail.perEventPerDay)
        }
    }

    /// A confirmed address is bounded the same: a loop of guest orders under a verified user's address sends them no
    /// more links an hour than a stranger's.
    @Test(arguments: TestDatabase.all)
    func linksToAConfirmedAddressAreBoundedToo(_ database: TestDatabase) async throws {
        try await withApp(
            database,
            configure: {
                $0.mail.linksPerHour = 3
                $0.sales.guestConfirmSeconds = 1800
            }
        ) {
            app in
            let fixture = try await CatalogFixture.make(app)
            let workshop = try await fixture.workshop()
            try await app.confirmAddress("user@example.org")
            for _ in 0..<5 {
                let response = try await app.client.send(
                    .post, "/api/orders",
                    json: [
                        "ticketTypeId": .string(workshop.day1.ticketTypeId.uuidString), "quantity": 1,
                        "buyerName": "Loop", "buyerEmail": "user@example.org", "paymentMethod": "offline",
                    ] as [String: JSONValue])
                #expect(response.status == .created)
            }
            #expect(await eventually { Self.mail(app, to: "user@example.org").count == 3 })
            try await Task.sleep(for: .milliseconds(500))
            #expect(Self.mail(app, to: "user@example.org").count == 3)
        }
    }

    @Test(arguments: TestDatabase.all)
    func confirmingAnAddressTakesThePasswordAndNotMeRemovesTheStrangersAccount(_ database: TestDatabase)
        async throws
    {
        try await withApp(database) { app in
            // A stranger registers the victim's address with a password of their own.
            let register = try await app.client.send(
                .post, "/api/auth/register",
                json: ["email": "owner@example.org", "password": "attacker-password-1"] as [String: JSONValue])
            #expect(register.status == .accepted)
            #expect(await eventually { Self.mail(app, to: "owner@example.org").count == 1 })
            let mail = try #require(Self.mail(app, to: "owner@example.org").first)
            let verify = try #require(Self.link(mail.text, "/account/verify-email"))
            let token = String(verify.split(separator: "=").last!)

            // The owner clicks, but does not know the stranger's password: the address stays unverified.
            let (csrf, page) = try await Self.page(app, verify)
            #expect(page.text.contains("type=\"password\""))
            let wrong = try await app.client.send(
                .post, "/api/auth/verify-email",
                json: ["token": .string(token), "password": "the owner's guess"] as [String: JSONValue])
            #expect(wrong.status == .unprocessableContent && wrong.errorCode == "VERIFICATION_PASSWORD_WRONG")
            let missing = try await app.client.send(
                .post, "/api/auth/verify-email", json: ["token": .string(token)] as [String: JSONValue])
            #expect(missing.status == .badRequest || missing.status == .unprocessableContent)
            let byPage = try await Self.post(app, "/account/verify-email", csrf: csrf, "token=\(token)&password=guess")
            #expect(byPage.status != .ok)
            let signIn = try await app.client.send(
                .post, "/api/auth/login",
                json: ["email": "owner@example.org", "password": "attacker-password-1"] as [String: JSONValue])
            #expect(signIn.status == .unauthorized, "the stranger cannot sign in")

            // "This wasn't me": the unconfirmed account is gone, and the address can be registered by its owner.
            let notMe = try #require(Self.link(mail.text, "/mail/not-me"))
            let refused = try await Self.post(
                app, "/mail/not-me", csrf: csrf, "token=\(notMe.split(separator: "=").last!)")
            #expect(refused.status == .ok)
            let users = try await app.store.sql().raw(
                "SELECT COUNT(*) AS n FROM users WHERE email = 'owner@example.org'"
            ).first()?.decode(column: "n", as: Int.self)
            #expect(users == 0)

            // Whoever knows the password confirms with it.
            _ = try await app.client.send(
                .post, "/api/auth/register",
                json: ["email": "real@example.org", "password": .string(TestApp.password)] as [String: JSONValue])
            #expect(await eventually { Self.mail(app, to: "real@example.org").count == 1 })
            let realMail = try #require(Self.mail(app, to: "real@example.org").first)
            let realLink = try #require(Self.link(realMail.text, "/account/verify-email"))
            let right = try await app.client.send(
                .post, "/api/auth/verify-email",
                json: [
                    "token": .string(String(realLink.split(separator: "=").last!)),
                    "password": .string(TestApp.password),
                ] as [String: JSONValue])
            #expect(right.status == .noContent)
        }
    }

    @Test(arguments: TestDatabase.all)
    func organizersReachConfirmedAddressesOnlyThreeTimesADay(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let (event, _, _, _) = try await fixture.workshop()
            let free = try await fixture.addTicketType(event.eventId, name: "Free", sessions: ["S1"], price: 0)
            // "confirmed" followed their order's link; "stranger" is an address confirmed elsewhere (a verified
            // account) that somebody typed as a buyer and as an attendee: the order vouches for nobody there.
            for buyer in ["confirmed", "stranger"] {
                let response = try await app.client.send(
                    .post, "/api/orders",
                    json: [
                        "ticketTypeId": .string(free.ticketTypeId.uuidString), "quantity": 2,
                        "buyerName": .string(buyer), "buyerEmail": .string("\(buyer)@example.org"),
                        "attendees": [["name": "Victim", "email": "stranger@example.org"]],
                    ] as [String: JSONValue])
                #expect(response.status == .created)
                if buyer == "confirmed" {
                    let order = try response.decode(OrderDTO.self)
                    try await app.store.sql().raw(
                        """
                        INSERT INTO guest_confirmations (order_id, token_hash, created_at, confirmed_at)
                        VALUES (\(bind: order.orderId), 'followed', \(bind: app.clock.now), \(bind: app.clock.now))
                        """
                    ).run()
                }
            }
            try await app.confirmAddress("stranger@example.org")
            let path = "/api/events/\(event.eventId)/messages"
            for index in 1...3 {
                let sent = try await app.client.send(
                    .post, path, headers: fixture.headers,
                    json: [
                        "subject": .string("Update \(index)"), "body": "Doors open at seven.", "sessionIds": ["S1"],
                    ] as [String: JSONValue])
                #expect(sent.status == .accepted, "\(sent.text)")
            }
            #expect(await eventually { app.mailer.sent(to: "confirmed@example.org").count >= 3 })
            let fourth = try await app.client.send(
                .post, path, headers: fixture.headers,
                json: ["subject": "Update 4", "body": "Once more.", "sessionIds": ["S1"]] as [String: JSONValue])
            #expect(fourth.status == .tooManyRequests && fourth.errorCode == "MESSAGE_LIMIT")
            try await Task.sleep(for: .milliseconds(500))
            let organizerMail = app.mailer.sent(to: "stranger@example.org").filter { $0.subject.hasPrefix("Update") }
            #expect(organizerMail.isEmpty, "an address no order vouches for gets no organizer's message")
            #expect(
                app.mailer.sent(to: "confirmed@example.org").first { $0.subject == "Update 1" }?.text.contains(
                    "Sent by") == true, "the organization is named")
            app.clock.advance(by: 86_401)
            let organizer = try await app.signIn("organizer@example.org")
            let tomorrow = try await app.client.send(
                .post, path, headers: organizer.bearer,
                json: ["subject": "Update 5", "body": "A new day.", "sessionIds": ["S1"]] as [String: JSONValue])
            #expect(tomorrow.status == .accepted)
        }
    }
}
