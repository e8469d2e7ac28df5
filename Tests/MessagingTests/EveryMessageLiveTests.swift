import BoxOfficeApp
import Foundation
import HTTPCore
import HTTPTypes
import HummingbirdTesting
import Logging
import Mail
import Orders
import SQLKit
import Sales
import TestSupport
import Testing

/// Every message BoxOffice sends, each read back from the mailbox of a real SMTP server (aiosmtpd, with STARTTLS and
/// AUTH required) by Python's `email` package: account mail, every order message with its QR codes decoded by
/// zbarimg, an event's change, an organizer's message to a session, reminders, an event's cancellation, the newsletter
/// with its one-click unsubscribe. The whole life of an event, in one installation, on both databases.
@Suite(.serialized) struct EveryMessageLiveTests {
    static func token(in text: String, path: String) -> String? {
        guard
            let range = text.range(
                of: NSRegularExpression.escapedPattern(for: path) + #"\?token=[A-Za-z0-9_\-]+"#,
                options: .regularExpression)
        else { return nil }
        return String(text[range].split(separator: "=").last ?? "")
    }

    /// The one message to `address` with `subject`, waited for.
    static func mail(_ address: String, _ subject: String, count: Int = 1) async throws -> CapturedMail {
        let arrived = await eventually {
            (try? CapturedMail.messages(for: address, subject: subject).count) == count
        }
        let seen = (try? CapturedMail.messages(for: address).map(\.subject)) ?? []
        try #require(arrived, "\(address) has no message '\(subject)' (it has \(seen))")
        let message = try #require(try CapturedMail.messages(for: address, subject: subject).last)
        // Plain text first, then HTML; every message names its sender and carries the layout's footer.
        #expect(message.tls && (message.text.contains("Sent by") || message.text.contains("Gesendet von")))
        #expect(message.parts.contains("multipart/alternative") && message.html?.contains("<!doctype html>") == true)
        #expect(!message.text.contains("{{") && message.html?.contains("{{") == false, "nothing left unrendered")
        return message
    }

    /// The QR codes of a message, decoded by zbarimg: they are the tickets' passes.
    static func decodedCodes(_ message: CapturedMail) throws -> Set<String> {
        #expect(message.parts.contains("multipart/related"))
        for image in message.images { #expect(message.html?.contains("cid:\(image.contentID)") == true) }
        return try Set(message.images.map { try ZBar.decode($0.data, suffix: "png") })
    }

    static func passes(_ app: TestApp, _ order: OrderDTO, only: [UUID]? = nil) async throws -> Set<String> {
        let token: HTTPFields = [HTTPField.Name("X-Order-Token")!: order.accessToken!]
        var passes: Set<String> = []
        for ticket in order.tickets where only?.contains(ticket.ticketId) ?? true {
            let pass = try await app.client.send(.get, "/api/tickets/\(ticket.ticketId)/pass", headers: token)
            passes.insert(try #require(try pass.json()["qrText"]?.stringValue))
        }
        return passes
    }

    @Test(arguments: TestDatabase.all)
    func everyMessageArrivesAndReads(_ database: TestDatabase) async throws {
        guard let url = ProcessInfo.processInfo.environment["BOXOFFICE_TEST_SMTP_URL"] else {
            #expect(!TestPeers.required, "BOXOFFICE_TEST_SMTP_URL is required under scripts/test")
            return
        }
        try ZBar.ensureInstalled()
        var settings = MailConfig()
        settings.smtpURL = url
        settings.smtpTrustedCertificates = ProcessInfo.processInfo.environment["BOXOFFICE_TEST_SMTP_CA"]
        let live = try BoxOffice.liveMailer(settings, clock: .system, logger: Logger(label: "every-message"))
        let tag = UUID().uuidString.prefix(8).lowercased()
        @Sendable func address(_ name: String) -> String { "\(name)-\(tag)@example.org" }
        let gateway = PaymentGatewayDouble()
        try await withApp(
            database, configure: { $0.sales.guestConfirmSeconds = 3600 },
            seams: .init(mailer: live, payments: gateway)
        ) { app in
            // Accounts: the sign-up's verification link (the account signs in once it is followed), a second
            // registration of the address, a password reset.
            let member = address("member")
            let credentials: [String: JSONValue] = ["email": .string(member), "password": .string(TestApp.password)]
            #expect(try await app.client.send(.post, "/api/auth/register", json: credentials).status == .accepted)
            let verification = try await Self.mail(member, "Confirm your email address")
            let verifyToken = try #require(Self.token(in: verification.text, path: "/account/verify-email"))
            #expect(try await app.client.send(.post, "/api/auth/login", json: credentials).status == .unauthorized)
            #expect(
                try await app.client.send(
                    .post, "/api/auth/verify-email", json: ["token": verifyToken, "password": TestApp.password]
                ).status
                    == .noContent)
            let signedIn = try await app.client.send(.post, "/api/auth/login", json: credentials)
            #expect(try signedIn.json()["user"]?["emailVerified"] == true)
            _ = try await app.client.send(
                .post, "/api/auth/register",
                json: ["email": .string(member), "password": "somebody else's"] as [String: JSONValue])
            let attempt = try await Self.mail(member, "Someone tried to register with your address")
            #expect(Self.token(in: attempt.text, path: "/account/reset-password") != nil)
            _ = try await app.client.send(
                .post, "/api/auth/forgot-password", json: ["email": .string(member)] as [String: JSONValue])
            _ = try await Self.mail(member, "Reset your password")
            let organizerAddress = address("organizer")
            let fixture = try await CatalogFixture.make(app, organizer: organizerAddress)

            // The organization's look: reply-to, colours, footer.
            let settingsResponse = try await app.client.send(
                .put, "/api/organizations/\(fixture.organization.organizationId)/email-settings",
                headers: fixture.headers,
                json: [
                    "replyTo": "hello@rope.example.org", "primaryColor": "#AA3300",
                    "footerAddress": "Rope Studio, 1 Knot Lane, Berlin",
                ])
            #expect(settingsResponse.status == .ok, "\(settingsResponse.text)")
            let (event, _, day1, _) = try await fixture.workshop()
            let eventTitle = event.title
            func buy(_ buyer: String, quantity: Int = 2, extra: [String: JSONValue] = [:]) async throws -> OrderDTO {
                var body: [String: JSONValue] = [
                    "ticketTypeId": .string(day1.ticketTypeId.uuidString), "quantity": .int(quantity),
                    "buyerName": .string("Guest \(buyer)"), "buyerEmail": .string(address(buyer)),
                ]
                body.merge(extra) { _, new in new }
                let response = try await app.client.send(.post, "/api/orders", json: body)
                #expect(response.status == .created, "\(response.text)")
                // Guests other than ada confirm their address as her link below does: only then are they mailed
                // beyond that link (MailConsentTests shows the rule).
                if buyer != "ada" { try await app.confirmAddress(address(buyer)) }
                return try response.decode(OrderDTO.self)
            }

            // A guest's offline order: reserved, with the link that confirms the guest's address.
            let ada = try await buy("ada")
            let reserved = try await Self.mail(address("ada"), "Order \(ada.orderNumber) reserved: \(eventTitle)")
            #expect(Self.token(in: reserved.text, path: "/orders/confirm-email") != nil)
            #expect(reserved.headers["Reply-To"]?.contains("hello@rope.example.org") == true)
            #expect(reserved.html?.contains("#aa3300") == true && reserved.text.contains("1 Knot Lane"))
            // Ada follows the link: her address is confirmed, so the rest of her order's mail reaches her.
            let adaToken = try #require(Self.token(in: reserved.text, path: "/orders/confirm-email"))
            let confirmPage = try await app.client.send(.get, "/orders/confirm-email?token=\(adaToken)")
            let csrf = try #require(
                confirmPage.headers[values: .setCookie].first { $0.hasPrefix("bx_csrf=") }?.split(separator: ";")[0]
                    .dropFirst("bx_csrf=".count))
            let confirmed = try await app.client.send(
                .post, "/orders/confirm-email",
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "bx_csrf=\(csrf)"],
                raw: "_csrf=\(csrf)&token=\(adaToken)")
            #expect(confirmed.status == .ok, "\(confirmed.text)")
            // Paid by the organizer: the payment's message carries the tickets, with the sessions each opens.
            let marked = try await app.client.send(
                .put, "/api/admin/orders/\(ada.orderId)/status", headers: fixture.headers, json: ["status": "paid"])
            #expect(marked.status == .ok, "\(marked.text)")
            let received = try await Self.mail(address("ada"), "Payment received: your tickets for \(eventTitle)")
            #expect(received.text.contains("S1 Foundation Day"))
            #expect(try Self.decodedCodes(received) == (try await Self.passes(app, ada)))

            // A card paid at once; a declined one.
            let grace = try await buy("grace", extra: ["paymentMethod": "card", "paymentToken": "pm_card_visa"])
            #expect(grace.status == "paid")
            let graceTickets = try await Self.mail(
                address("grace"), "Payment received: your tickets for \(eventTitle)")
            #expect(try Self.decodedCodes(graceTickets) == (try await Self.passes(app, grace)))
            let declined = try await buy("carl", extra: ["paymentMethod": "card", "paymentToken": "pm_card_declined"])
            let failed = try await Self.mail(
                address("carl"), "Order \(declined.orderNumber): the payment did not go through")
            #expect(failed.text.contains("Your card was declined."))

            // The buyer cancels; the organizer cancels another.
            let dora = try await buy("dora", quantity: 1)
            let doraToken: HTTPFields = [HTTPField.Name("X-Order-Token")!: dora.accessToken!]
            #expect(
                try await app.client.send(.post, "/api/orders/\(dora.orderId)/cancel", headers: doraToken).status
                    == .ok)
            let cancelled = try await Self.mail(address("dora"), "Order \(dora.orderNumber) cancelled")
            #expect(!cancelled.text.contains("by the organizer"))
            let emil = try await buy("emil", quantity: 1)
            _ = try await app.client.send(
                .put, "/api/admin/orders/\(emil.orderId)/status", headers: fixture.headers,
                json: ["status": "cancelled"])
            let cancelledByOrganizer = try await Self.mail(address("emil"), "Order \(emil.orderNumber) cancelled")
            #expect(cancelledByOrganizer.text.contains("by the organizer"))

            // A ticket with a new code: the mail's QR code is the new pass.
            let ticket = try #require(grace.tickets.first?.ticketId)
            let graceToken: HTTPFields = [HTTPField.Name("X-Order-Token")!: grace.accessToken!]
            let reissued = try await app.client.send(.post, "/api/tickets/\(ticket)/reissue", headers: graceToken)
            #expect(reissued.status == .ok, "\(reissued.text)")
            let newCode = try await Self.mail(address("grace"), "Your new ticket for \(eventTitle)")
            #expect(try Self.decodedCodes(newCode) == (try await Self.passes(app, grace, only: [ticket])))

            // S1 moves: its holders are told the new time; an organizer writes to S1's attendees.
            let moved = try await app.client.send(
                .put, "/api/events/\(event.eventId)/sessions/S1", headers: fixture.headers,
                json: [
                    "startsAt": .string(CatalogFixture.day(10, hour: 19)),
                    "endsAt": .string(CatalogFixture.day(10, hour: 22)),
                ]
                    as [String: JSONValue])
            #expect(moved.status == .ok, "\(moved.text)")
            let changed = try await Self.mail(address("ada"), "\(eventTitle) has changed")
            #expect(changed.text.contains("S1 Foundation Day: now"))
            _ = try await Self.mail(address("grace"), "\(eventTitle) has changed")
            let count = try await app.client.send(
                .get, "/api/events/\(event.eventId)/messages/recipients?sessionIds=S1", headers: fixture.headers)
            #expect(try count.json()["recipients"] == 2, "\(count.text)")
            let sent = try await app.client.send(
                .post, "/api/events/\(event.eventId)/messages", headers: fixture.headers,
                json: [
                    "subject": "Doors open at 18:30", "body": "Bring comfortable clothes.\nWater is provided.",
                    "sessionIds": ["S1"],
                ] as [String: JSONValue])
            #expect(sent.status == .accepted, "\(sent.text)")
            let note = try await Self.mail(address("ada"), "Doors open at 18:30")
            #expect(note.text.contains("> Bring comfortable clothes.") && note.text.contains("S1 Foundation Day"))
            _ = try await Self.mail(address("grace"), "Doors open at 18:30")

            // The event moves to a venue: its holders are told where to go.
            let venue = try await app.client.send(
                .post, "/api/organizations/\(fixture.organization.organizationId)/venues", headers: fixture.headers,
                json: ["name": "Hall B", "address": "2 Knot Lane", "capacity": 100] as [String: JSONValue])
            let venueID = try #require(try venue.json()["venueId"]?.stringValue ?? venue.json()["id"]?.stringValue)
            _ = try await app.client.send(
                .put, "/api/events/\(event.eventId)", headers: fixture.headers,
                json: ["venueId": .string(venueID)] as [String: JSONValue])
            let placed = try await Self.mail(address("ada"), "\(eventTitle) has changed", count: 2)
            #expect(placed.text.contains("Venue: now Hall B, 2 Knot Lane"))

            // Refunds: by the card processor (part of grace's order), by hand (ada's, paid offline).
            let partial = try await app.client.send(
                .post, "/api/orders/\(grace.orderId)/refunds", headers: fixture.headers, json: ["amountMinor": 6_500])
            #expect(partial.status == .created || partial.status == .ok, "\(partial.text)")
            _ = try await Self.mail(address("grace"), "Order \(grace.orderNumber): refund of 65.00 EUR")
            _ = try await app.client.send(
                .put, "/api/admin/orders/\(ada.orderId)/status", headers: fixture.headers, json: ["status": "refunded"])
            _ = try await Self.mail(address("ada"), "Order \(ada.orderNumber) refunded")

            // The newsletter: double opt-in, a campaign with its one-click unsubscribe, then nothing more.
            let reader = address("reader")
            let subscribe = try await app.client.send(
                .post, "/api/newsletter/subscribe",
                json: ["organizationId": .string(fixture.organization.organizationId), "email": .string(reader)]
                    as [String: JSONValue])
            #expect(subscribe.status == .accepted)
            let confirmation = try await Self.mail(reader, "Confirm your subscription to Rope Studio")
            let confirmToken = try #require(Self.token(in: confirmation.text, path: "/newsletter/confirm"))
            #expect(
                try await app.client.send(.post, "/api/newsletter/confirm", json: ["token": confirmToken]).status
                    == .ok)
            let campaignPath = "/api/organizations/\(fixture.organization.organizationId)/newsletter/campaigns"
            let campaign = try await app.client.send(
                .post, campaignPath, headers: fixture.headers,
                json: ["subject": "Spring season", "body": "Six evenings, twelve bands."])
            #expect(try campaign.status == .accepted && campaign.json()["recipients"] == 1, "\(campaign.text)")
            let issue = try await Self.mail(reader, "Spring season")
            #expect(issue.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click")
            #expect(issue.headers["Precedence"] == "bulk")
            let oneClick = try #require(
                issue.headers["List-Unsubscribe"]?.trimmingCharacters(in: CharacterSet(charactersIn: "<>")))
            #expect(issue.text.contains("/newsletter/unsubscribe?token="))
            let path = try #require(URL(string: oneClick)).path + "?" + (URL(string: oneClick)?.query ?? "")
            let left = try await app.client.send(
                .post, path, headers: [.contentType: "application/x-www-form-urlencoded"],
                raw: "List-Unsubscribe=One-Click")
            #expect(left.status == .ok, "\(left.text)")
            _ = try await app.client.send(
                .post, campaignPath, headers: fixture.headers, json: ["subject": "Spring season", "body": "Again."])
            try await Task.sleep(for: .milliseconds(500))
            #expect(try CapturedMail.messages(for: reader, subject: "Spring season").count == 1, "left the list")

            // An order left unpaid (and its guest address unconfirmed) expires; so does one whose card asked for 3-D
            // Secure, until its payment arrives late: the order lives again, and its tickets come with new codes.
            let finn = try await buy("finn", quantity: 1)
            let hana = try await buy("hana", extra: ["paymentMethod": "card", "paymentToken": "pm_card_3ds"])
            let reference = try #require(hana.payment?.providerReference)
            app.clock.advance(by: 2 * 3600)
            _ = try await HoldSweeper(store: app.store, clock: app.clock.appClock, logger: app.boxOffice.logger).sweep()
            _ = try await Self.mail(address("finn"), "Order \(finn.orderNumber) expired")
            _ = try await Self.mail(address("hana"), "Order \(hana.orderNumber) expired")
            gateway.settle(reference, as: .succeeded)
            _ = try await app.boxOffice.paymentReconciler.reconcile()
            _ = try await Self.mail(
                address("hana"),
                "Order \(hana.orderNumber): your payment arrived late and your tickets are confirmed")
            _ = try await Self.mail(organizerAddress, "Order \(hana.orderNumber): a late payment was accepted")
            let revived = try await Self.mail(address("hana"), "Your tickets for \(eventTitle)")
            #expect(try Self.decodedCodes(revived) == (try await Self.passes(app, hana)))

            // An hour before S1 (the event's own offset), its holders are reminded; then the event is cancelled.
            let organizer = try await app.signIn(organizerAddress)
            let reminders = try await app.client.send(
                .put, "/api/events/\(event.eventId)/reminders", headers: organizer.bearer,
                json: ["offsetsMinutes": [60]])
            #expect(reminders.status == .ok, "\(reminders.text)")
            let start = try #require(ISO8601DateFormatter().date(from: CatalogFixture.day(10, hour: 19)))
            app.clock.advance(by: start.timeIntervalSince(app.clock.now) - 59 * 60)
            #expect(
                try await SessionReminders(
                    store: app.store, clock: app.clock.appClock, offsetsMinutes: [1440], logger: app.boxOffice.logger
                ).round() == 2, "grace's and hana's orders hold valid S1 tickets")
            let reminder = try await Self.mail(address("grace"), "Reminder: \(eventTitle), S1 Foundation Day")
            #expect(reminder.text.contains("starts in about 60 minutes"))
            #expect(try Self.decodedCodes(reminder).count == 2)
            let cancelEvent = try await app.client.send(
                .put, "/api/events/\(event.eventId)", headers: try await app.signIn(organizerAddress).bearer,
                json: ["status": "cancelled"])
            #expect(cancelEvent.status == .ok, "\(cancelEvent.text)")
            _ = try await Self.mail(address("grace"), "\(eventTitle) is cancelled")
        }
    }

    /// An organization that writes in German: its buyers read German words, amounts and dates.
    @Test func anOrganizationsLanguageIsTheMails() async throws {
        guard let url = ProcessInfo.processInfo.environment["BOXOFFICE_TEST_SMTP_URL"] else {
            #expect(!TestPeers.required, "BOXOFFICE_TEST_SMTP_URL is required under scripts/test")
            return
        }
        var settings = MailConfig()
        settings.smtpURL = url
        settings.smtpTrustedCertificates = ProcessInfo.processInfo.environment["BOXOFFICE_TEST_SMTP_CA"]
        let live = try BoxOffice.liveMailer(settings, clock: .system, logger: Logger(label: "german-mail"))
        let buyer = "kaeufer-\(UUID().uuidString.prefix(8).lowercased())@example.org"
        try await withApp(seams: .init(mailer: live)) { app in
            let fixture = try await CatalogFixture.make(app)
            _ = try await app.client.send(
                .put, "/api/organizations/\(fixture.organization.organizationId)/email-settings",
                headers: fixture.headers,
                json: ["language": "de"])
            let (event, _, day1, _) = try await fixture.workshop()
            _ = event
            let order = try await app.client.send(
                .post, "/api/orders",
                json: [
                    "ticketTypeId": .string(day1.ticketTypeId.uuidString), "quantity": 1, "buyerName": "Käthe Müller",
                    "buyerEmail": .string(buyer),
                ] as [String: JSONValue]
            ).decode(OrderDTO.self)
            let mail = try await Self.mail(buyer, "Bestellung \(order.orderNumber) reserviert: Advanced Rope Workshop")
            #expect(mail.text.hasPrefix("Hallo Käthe Müller,"))
            #expect(mail.text.contains("65,00 EUR") && mail.text.contains("Gesendet von Rope Studio"))
            #expect(mail.html?.contains("lang=\"de\"") == true)
        }
    }
}
