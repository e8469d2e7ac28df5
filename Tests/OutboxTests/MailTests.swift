import Domain
import Foundation
import HTTPCore
import Mail
import Messaging
import Orders
import Outbox
import TestSupport
import Testing

@Suite struct MIMEMessageTests {
    let sender = MailAddress("tickets@example.org", name: "Box Office")

    @Test func plainMessageIsCRLFQuotedPrintableAndDated() {
        let message = MailMessage(
            from: sender, to: [MailAddress("ada@example.org", name: "Ada Lovelace")], subject: "Your tickets",
            text: "Hello Ada,\nsee you there. \(String(repeating: "x", count: 90))")
        let mime = MIMEMessage(
            message, date: Date(timeIntervalSince1970: 1_800_000_000), messageID: "m1@example.org", boundarySeed: "b")
        let text = mime.rendered
        #expect(text.contains("Date: Fri, 15 Jan 2027 08:00:00 +0000\r\n"))
        #expect(text.contains("Message-ID: <m1@example.org>\r\n"))
        #expect(text.contains("From: Box Office <tickets@example.org>\r\nTo: Ada Lovelace <ada@example.org>\r\n"))
        #expect(text.contains("Content-Transfer-Encoding: quoted-printable"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends in CRLF")
        #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 998 })
        let body = text.components(separatedBy: "\r\n\r\n").dropFirst().joined()
        #expect(body.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 76 }, "soft line breaks")
    }

    @Test func namesAndSubjectsOutsideASCIIAreEncodedWords() {
        let message = MailMessage(
            from: sender, to: [MailAddress("j@example.org", name: "Jürgen Müller")],
            subject: "Ihre Tickets für das Sommerfest – Gruß", text: "Grüße")
        let text = MIMEMessage(message, date: Date(), messageID: "m2@example.org", boundarySeed: "b").rendered
        #expect(text.contains("To: =?utf-8?B?"))
        let subject = text.components(separatedBy: "\r\n").first { $0.hasPrefix("Subject: ") }!
        #expect(subject.hasPrefix("Subject: =?utf-8?B?"))
        let decoded = text.components(separatedBy: "\r\n").drop { !$0.hasPrefix("Subject: ") }
            .prefix { $0.hasPrefix("Subject: ") || $0.hasPrefix(" ") }
            .map { $0.replacingOccurrences(of: "Subject: ", with: "").trimmingCharacters(in: .whitespaces) }
            .map { word in
                String(decoding: Data(base64Encoded: String(word.dropFirst(10).dropLast(2)))!, as: UTF8.self)
            }.joined()
        #expect(decoded == "Ihre Tickets für das Sommerfest – Gruß")
        #expect(text.contains("Gr=C3=BC=C3=9Fe"), "the body in quoted-printable UTF-8")
    }

    @Test func aLineBreakInAHeaderValueCannotStartAHeader() {
        let message = MailMessage(
            from: sender, to: [MailAddress("a@example.org\r\nBcc: victim@example.org")], subject: "Hi\r\nBcc: x@y.z",
            text: "x")
        let text = MIMEMessage(message, date: Date(), messageID: "m3@example.org", boundarySeed: "b").rendered
        #expect(!text.contains("\r\nBcc:"))
    }

    @Test func htmlWithInlineImagesIsRelatedAroundAlternativeTextFirst() {
        let message = MailMessage(
            from: sender, to: [MailAddress("a@example.org")], subject: "QR", text: "plain",
            html: "<img src=\"cid:qr1\">",
            inline: [.init(contentID: "qr1", contentType: "image/png", data: Data(repeating: 7, count: 200))])
        let text = MIMEMessage(message, date: Date(), messageID: "m4@example.org", boundarySeed: "s").rendered
        #expect(text.contains("Content-Type: multipart/related; boundary=\"rel-s\""))
        let plain = text.range(of: "Content-Type: text/plain")!.lowerBound
        let html = text.range(of: "Content-Type: text/html")!.lowerBound
        #expect(plain < html, "plain text first, then HTML")
        #expect(text.contains("Content-ID: <qr1>\r\nContent-Disposition: inline"))
        #expect(text.hasSuffix("--rel-s--\r\n"))
    }

    @Test func theFileTransportWritesOneEmlPerMessage() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mail-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let mailer = FileMailer(directory: directory, clock: .fixed(Date(timeIntervalSince1970: 1_800_000_000)))
        try await mailer.send(MailMessage(from: sender, to: [MailAddress("a@example.org")], subject: "One", text: "1"))
        try await mailer.send(MailMessage(from: sender, to: [MailAddress("b@example.org")], subject: "Two", text: "2"))
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".eml") }
        #expect(files.count == 2)
        let first = try String(contentsOf: directory.appendingPathComponent(files.sorted()[0]), encoding: .utf8)
        #expect(first.contains("Subject: ") && first.contains("MIME-Version: 1.0\r\n"))
    }

    @Test func mailFromIsParsed() {
        #expect(
            MailSender.parse("Example Tickets <Tickets@Example.org>")
                == MailAddress("tickets@example.org", name: "Example Tickets"))
        #expect(MailSender.parse("\"Box, Office\" <a@example.org>")?.name == "Box, Office")
        #expect(MailSender.parse("a@example.org") == MailAddress("a@example.org"))
        #expect(MailSender.parse("not an address") == nil)
    }
}

@Suite struct OrderConfirmationMailTests {
    func order(_ app: TestApp) async throws -> JSONValue {
        let fixture = try await CatalogFixture.make(app)
        let workshop = try await fixture.workshop()
        let response = try await app.client.send(
            .post, "/api/orders",
            json: [
                "ticketTypeId": .string(workshop.day1.ticketTypeId.uuidString), "quantity": 2,
                "buyerName": "Ada Guest", "buyerEmail": "ada@example.org",
            ] as [String: JSONValue])
        #expect(response.status == .created)
        return try response.json()
    }

    /// The confirmation owed by an order reaches the buyer through the outbox worker that `serve` runs.
    @Test(arguments: TestDatabase.all)
    func aNewOrderIsConfirmedByMail(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let order = try await order(app)
            let number = try #require(order["orderNumber"]?.stringValue)
            var waited = 0
            while app.mailer.sent(to: "ada@example.org").isEmpty && waited < 100 {
                try await Task.sleep(for: .milliseconds(50))
                waited += 1
            }
            let mail = try #require(app.mailer.sent(to: "ada@example.org").first)
            #expect(mail.to == [MailAddress("ada@example.org", name: "Ada Guest")])
            #expect(mail.subject == "Order \(number) reserved: Advanced Rope Workshop")
            #expect(mail.text.contains("Day 1 Only: Ada Guest") && mail.text.contains("130.00 EUR"))
            #expect(app.mailer.sent(to: "ada@example.org").count == 1, "sent once")
        }
    }

    /// A mail server's permanent refusal fails the message at once; a temporary one is retried.
    @Test(arguments: TestDatabase.all)
    func permanentRefusalsFailAtOnceTemporaryOnesAreRetried(_ database: TestDatabase) async throws {
        try await withApp(database, configure: { $0.workers.runWorkers = false }) { app in
            let mailer = RecordingMailer()
            let worker = OutboxWorker(
                store: app.store,
                handler: OrderConfirmationMail(
                    store: app.store, mailer: mailer,
                    composer: MailComposer(
                        store: app.store, sender: MailAddress("tickets@example.org"), publicURL: "http://localhost")),
                clock: app.clock.appClock, logger: app.boxOffice.logger)
            _ = try await order(app)
            mailer.fail(.temporary("421 try later"))
            #expect(try await worker.deliverDue() == 1)
            let row = try #require(
                try await app.store.sql().raw(
                    "SELECT id, state, attempts FROM outbox WHERE topic = 'email.order_confirmation'"
                ).first())
            let id = try row.decode(column: "id", as: UUID.self)
            #expect(try await outboxRow(id, on: app).state == "pending")
            app.clock.advance(by: 3600)
            mailer.fail(.permanent("550 no such mailbox"))
            #expect(try await worker.deliverDue() == 1)
            let failed = try await outboxRow(id, on: app)
            #expect(failed.state == "failed" && failed.attempts == 2, "not retried up to the limit of five")
            #expect(failed.lastError?.contains("550 no such mailbox") == true)
            #expect(mailer.sent.isEmpty)
        }
    }
}
