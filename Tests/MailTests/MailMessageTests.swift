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

    @Test func plainMessageIsCRLFAndDated() {
        let message = MailMessage(
            from: sender, to: [MailAddress("ada@example.org", name: "Ada Lovelace")], subject: "Your tickets",
            text: "Hello Ada,\nsee you there. \(String(repeating: "x", count: 90))")
        let mime = MIMEMessage(
            message, date: Date(timeIntervalSince1970: 1_800_000_000), messageID: "m1@example.org", boundarySeed: "b")
        let text = mime.rendered
        #expect(text.contains("Date: Fri, 15 Jan 2027 08:00:00 +0000\r\n"))
        #expect(text.contains("Message-ID: <m1@example.org>\r\n"))
        #expect(text.contains("From: Box Office <tickets@example.org>\r\nTo: Ada Lovelace <ada@example.org>\r\n"))
        #expect(text.contains("Content-Transfer-Encoding: 7bit\r\n\r\nHello Ada,\r\nsee you there. xxx"))
        #expect(!mime.isEightBit)
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends in CRLF")
        #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 998 })
    }

    /// A body line longer than RFC 5322's 998 octets cannot go as it is: that body is quoted-printable, soft-broken.
    @Test func aLineLongerThan998OctetsIsQuotedPrintable() {
        let message = MailMessage(
            from: sender, to: [MailAddress("ada@example.org")], subject: "Long",
            text: "short\n\(String(repeating: "word ", count: 250))")
        let text = MIMEMessage(message, date: Date(), messageID: "m5@example.org", boundarySeed: "b").rendered
        #expect(text.contains("Content-Transfer-Encoding: quoted-printable"))
        let body = text.components(separatedBy: "\r\n\r\n").dropFirst().joined()
        #expect(body.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 76 }, "soft line breaks")
    }

    /// A link in a saved `.eml` is copied by people: it must stand whole on one line, `=` as `=`, in the text and the
    /// HTML part, in English and in German (8-bit UTF-8). Quoted-printable broke it after 76 characters and wrote
    /// `?token=` as `?token=3D`, and a verification link copied from the file carried a wrong token.
    @Test func aLinkStaysWholeInTheSavedMessage() throws {
        let link = "https://tickets.example.org/account/verify-email?token=Zm9vYmFyLWJhei1xdXV4LTAxMjM0NTY3OD"
        for greeting in ["Please confirm your address with this link:", "Bitte bestätigen Sie Ihre Adresse über:"] {
            let message = MailMessage(
                from: sender, to: [MailAddress("ada@example.org")], subject: "Confirm",
                text: "Hello,\n\n\(greeting) \(link)\n\nThanks",
                html: "<p>\(greeting) <a href=\"\(link)\">\(link)</a></p>")
            let mime = MIMEMessage(message, date: Date(), messageID: "m6@example.org", boundarySeed: "b")
            let lines = mime.rendered.components(separatedBy: "\r\n")
            #expect(lines.contains("\(greeting) \(link)"), "the text part's line, whole")
            #expect(lines.contains("<p>\(greeting) <a href=\"\(link)\">\(link)</a></p>"), "the HTML part's, whole")
            #expect(!mime.rendered.contains("=3D"))
            let ascii = greeting.utf8.allSatisfy { $0 < 128 }
            #expect(mime.isEightBit == !ascii)
            #expect(mime.rendered.contains("Content-Transfer-Encoding: \(ascii ? "7bit" : "8bit")\r\n"))
            #expect(!mime.rendered.contains("quoted-printable"))
            #expect(lines.allSatisfy { $0.utf8.count <= 998 })

            // For a server without 8BITMIME: quoted-printable, which decodes back to the same text.
            let sevenBit = MIMEMessage(
                message, date: Date(), messageID: "m6@example.org", boundarySeed: "b", sevenBit: true
            ).rendered
            #expect(sevenBit.utf8.allSatisfy { $0 < 128 })
            if !ascii {
                let part = try #require(
                    sevenBit.components(separatedBy: "Content-Transfer-Encoding: quoted-printable\r\n\r\n").dropFirst()
                        .first?.components(separatedBy: "\r\n--alt-b").first)
                #expect(Self.decodeQuotedPrintable(part) == "Hello,\r\n\r\n\(greeting) \(link)\r\n\r\nThanks")
            }
        }
    }

    static func decodeQuotedPrintable(_ text: String) -> String {
        let joined = Array(text.replacingOccurrences(of: "=\r\n", with: "").utf8)
        var bytes: [UInt8] = []
        var index = 0
        while index < joined.count {
            if joined[index] == UInt8(ascii: "="), index + 2 < joined.count,
                let byte = UInt8(String(decoding: joined[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
            {
                bytes.append(byte)
                index += 3
            } else {
                bytes.append(joined[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
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
        #expect(text.contains("Content-Transfer-Encoding: 8bit\r\n\r\nGrüße"), "the body as it is, in UTF-8")
        let sevenBit = MIMEMessage(
            message, date: Date(), messageID: "m2@example.org", boundarySeed: "b", sevenBit: true)
        #expect(sevenBit.rendered.contains("Gr=C3=BC=C3=9Fe"), "for a server without 8BITMIME, quoted-printable")
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

    /// Each message's file is logged at info, with its recipient and message ID.
    @Test func theFileTransportLogsWhereEachMessageWent() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mail-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let capture = LogCapture()
        let mailer = FileMailer(
            directory: directory, clock: .fixed(Date(timeIntervalSince1970: 1_800_000_000)),
            logger: capture.logger(level: .info))
        try await mailer.send(MailMessage(from: sender, to: [MailAddress("a@example.org")], subject: "One", text: "1"))
        let file = try #require(
            FileManager.default.contentsOfDirectory(atPath: directory.path).first { $0.hasSuffix(".eml") })
        let entry = try #require(capture.all.first { $0.message.hasPrefix("mail written to") })
        #expect(entry.level == .info)
        #expect(entry.message == "mail written to \(directory.appendingPathComponent(file).path)")
        #expect(entry.metadata["to"] == "a@example.org" && entry.metadata["message-id"]?.hasSuffix(".invalid") == true)
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
