import BoxOfficeApp
import Domain
import Foundation
import HTTPCore
import HummingbirdTesting
import Logging
import TestSupport
import Testing

@testable import Mail

@Suite struct SMTPSettingsTests {
    @Test func urlsAreReadAndBadOnesNamed() throws {
        let plain = try SMTPSettings.parse("smtp://mailer%40example.org:p%40ss@mail.example.org")
        #expect(plain.security == .startTLS && plain.port == 587 && plain.host == "mail.example.org")
        #expect(plain.username == "mailer@example.org" && plain.password == "p@ss")
        #expect(try SMTPSettings.parse("smtps://mail.example.org").port == 465)
        #expect(try SMTPSettings.parse("smtp://127.0.0.1:2525?starttls=off").security == SMTPSettings.Security.none)
        #expect(throws: SMTPSettings.ParseError.self) { try SMTPSettings.parse("smtp://mail.example.org?starttls=off") }
        #expect(throws: SMTPSettings.ParseError.self) { try SMTPSettings.parse("http://mail.example.org") }
        #expect(throws: SMTPSettings.ParseError.self) { try SMTPSettings.parse("smtp://") }
    }

    @Test func linesStartingWithADotAreStuffed() {
        #expect(
            SMTPConversation.dotStuffed(".hidden\r\nplain\r\n.\r\n..two\r\n") == "..hidden\r\nplain\r\n..\r\n...two")
    }
}

/// `SMTPMailer` against aiosmtpd (a mail server nobody here wrote), which requires STARTTLS and AUTH and captures what
/// it accepts; the captured messages are read back with Python's `email` package, an outside parser.
@Suite(.serialized) struct SMTPMailerLiveTests {
    static var settings: SMTPSettings? {
        guard let url = ProcessInfo.processInfo.environment["BOXOFFICE_TEST_SMTP_URL"],
            var settings = try? SMTPSettings.parse(url)
        else { return nil }
        settings.trustedCertificatesFile = ProcessInfo.processInfo.environment["BOXOFFICE_TEST_SMTP_CA"]
        settings.timeoutSeconds = 5
        return settings
    }

    static func captured(for recipient: String) throws -> [CapturedMail] { try CapturedMail.messages(for: recipient) }

    static func mailer(_ settings: SMTPSettings) throws -> SMTPMailer {
        try SMTPMailer(settings: settings, clock: .system, logger: Logger(label: "smtp-test"))
    }

    @Test func messagesArriveOverTLSWithAuthOnOneConnection() async throws {
        guard let settings = Self.settings else {
            #expect(!TestPeers.required, "BOXOFFICE_TEST_SMTP_URL is required under scripts/test")
            return
        }
        let mailer = try Self.mailer(settings)
        let to = "ada-\(UUID().uuidString.prefix(8).lowercased())@example.org"
        for index in 1...3 {
            try await mailer.send(
                MailMessage(
                    from: MailAddress("tickets@boxoffice.test", name: "Böxoffice Tickets"),
                    to: [MailAddress(to, name: "Ada Lovelace")], subject: "Your tickets № \(index) — Zürich",
                    text: "Hello Ada,\n.\nA line that starts with a dot:\n.hidden\n", html: "<p>Hello <b>Ada</b></p>"))
        }
        mailer.close()
        let messages = try Self.captured(for: to)
        #expect(messages.count == 3)
        #expect(messages.allSatisfy { $0.tls && $0.from == "tickets@boxoffice.test" })
        #expect(messages.map(\.subject) == (1...3).map { "Your tickets № \($0) — Zürich" })
        #expect(messages.first?.fromHeader == "Böxoffice Tickets <tickets@boxoffice.test>")
        #expect(messages.first?.parts == ["multipart/alternative", "text/plain", "text/html"])
        #expect(messages.first?.text.contains("\n.\nA line that starts with a dot:\n.hidden") == true, "dots survive")
        #expect(messages.first?.html?.contains("<b>Ada</b>") == true)
        #expect(messages.allSatisfy { $0.messageID != nil && $0.date != nil })
        #expect(Set(messages.compactMap(\.peer)).count == 1, "one connection carried the three messages")
    }

    /// `smtps://`: TLS from the first byte.
    @Test func implicitTLSDeliversToo() async throws {
        guard let url = ProcessInfo.processInfo.environment["BOXOFFICE_TEST_SMTPS_URL"],
            var settings = try? SMTPSettings.parse(url)
        else {
            #expect(!TestPeers.required, "BOXOFFICE_TEST_SMTPS_URL is required under scripts/test")
            return
        }
        #expect(settings.security == .implicitTLS)
        settings.trustedCertificatesFile = ProcessInfo.processInfo.environment["BOXOFFICE_TEST_SMTP_CA"]
        let to = "implicit-\(UUID().uuidString.prefix(8).lowercased())@example.org"
        let mailer = try Self.mailer(settings)
        try await mailer.send(
            MailMessage(from: MailAddress("tickets@boxoffice.test"), to: [MailAddress(to)], subject: "TLS", text: "Hi"))
        mailer.close()
        #expect(try Self.captured(for: to).map(\.subject) == ["TLS"])
    }

    @Test func refusalsArePermanentOrTemporaryAndTheConnectionGoesOn() async throws {
        guard let settings = Self.settings else {
            #expect(!TestPeers.required, "BOXOFFICE_TEST_SMTP_URL is required under scripts/test")
            return
        }
        let mailer = try Self.mailer(settings)
        func message(_ to: String) -> MailMessage {
            MailMessage(from: MailAddress("tickets@boxoffice.test"), to: [MailAddress(to)], subject: "Hi", text: "Hi")
        }
        do {
            try await mailer.send(message("bounce@example.org"))
            Issue.record("a mailbox that does not exist cannot take mail")
        } catch let failure as MailFailure {
            #expect(failure.isPermanent, "550: no such mailbox, for good")
        }
        do {
            try await mailer.send(message("later@example.org"))
            Issue.record("a mailbox that is busy takes mail later")
        } catch let failure as MailFailure {
            #expect(!failure.isPermanent, "451: try again later")
        }
        let after = "after-\(UUID().uuidString.prefix(8).lowercased())@example.org"
        try await mailer.send(message(after))
        mailer.close()
        #expect(try Self.captured(for: after).count == 1)

        var wrong = settings
        wrong.password = "not-the-password"
        do {
            try await Self.mailer(wrong).send(message("someone@example.org"))
            Issue.record("a wrong password cannot send")
        } catch let failure as MailFailure {
            #expect(failure.isPermanent && "\(failure)".contains("535"), "\(failure)")
        }
        var nobody = settings
        nobody.port = 9
        do {
            try await Self.mailer(nobody).send(message("someone@example.org"))
            Issue.record("a server that is not there cannot take mail")
        } catch let failure as MailFailure {
            #expect(!failure.isPermanent, "an unreachable server is tried again later")
        }
    }
}

/// The platform's delivery path end to end: an order's confirmation, queued in the order's transaction, is taken by the
/// outbox worker and handed to aiosmtpd by the SMTP transport chosen in the composition root from `SMTP_URL`.
@Suite(.serialized) struct SMTPDeliveryTests {
    @Test(arguments: TestDatabase.all)
    func anOrderConfirmationArrivesThroughSMTP(_ database: TestDatabase) async throws {
        guard let url = ProcessInfo.processInfo.environment["BOXOFFICE_TEST_SMTP_URL"] else {
            #expect(!TestPeers.required, "BOXOFFICE_TEST_SMTP_URL is required under scripts/test")
            return
        }
        let buyer = "buyer-\(UUID().uuidString.prefix(8).lowercased())@example.org"
        var mail = MailConfig()
        mail.smtpURL = url
        mail.smtpTrustedCertificates = ProcessInfo.processInfo.environment["BOXOFFICE_TEST_SMTP_CA"]
        // The live transport the composition root chooses from this configuration, not a double.
        let live = BoxOffice.liveMailer(mail, clock: .system, logger: Logger(label: "smtp-delivery"))
        try await withApp(
            database, seams: .init(mailer: live)
        ) { app in
            #expect(app.boxOffice.mailer.transport == "smtp")
            let fixture = try await CatalogFixture.make(app)
            let (_, _, day1, _) = try await fixture.workshop()
            let order = try await app.client.send(
                .post, "/api/orders",
                json: [
                    "ticketTypeId": .string(day1.ticketTypeId.uuidString), "quantity": 1, "buyerName": "Ada Byron",
                    "buyerEmail": .string(buyer),
                ] as [String: JSONValue])
            #expect(order.status == .created)
            #expect(await eventually { (try? CapturedMail.messages(for: buyer).count) == 1 })
            let mail = try #require(try CapturedMail.messages(for: buyer).first)
            #expect(mail.tls && mail.subject.contains("Advanced Rope Workshop"))
            #expect(mail.text.contains("Hello Ada Byron"))
        }
    }
}
