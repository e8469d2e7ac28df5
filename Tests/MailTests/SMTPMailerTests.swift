import BoxOfficeApp
import Domain
import Foundation
import Glibc
import HTTPCore
import HTTPTypes
import HummingbirdTesting
import Logging
import Messaging
import Orders
import Outbox
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

/// A server that drops the kept connection as the next message begins (it answers its MAIL FROM, then closes, as a
/// relay's own idle timeout or a restart can cross the client's next message): the message is found on a closed
/// connection at its next write, and must go on a new connection at once, not fail with "I/O on closed channel".
@Suite struct SMTPDroppedConnectionTests {
    @Test func aConnectionTheServerDropsIsReopenedForTheNextMessage() async throws {
        let server = try OneMessagePerConnectionServer()
        defer { server.stop() }
        var settings = try SMTPSettings.parse("smtp://127.0.0.1:\(server.port)?starttls=off")
        settings.timeoutSeconds = 60
        settings.idleSeconds = 60
        let mailer = try SMTPMailer(settings: settings, clock: .system, logger: Logger(label: "dropped"))
        defer { mailer.close() }
        for index in 1...4 {
            try await mailer.send(
                MailMessage(
                    from: MailAddress("tickets@boxoffice.test"), to: [MailAddress("drop\(index)@example.org")],
                    subject: "\(index)", text: "\(index)"))
        }
        #expect(server.messages == 4)
        #expect(server.connections == 4, "each message after the first on a new connection")
    }
}

/// 8-bit bodies (text as it is, so a link stays whole in the saved message) are declared with `BODY=8BITMIME` to a
/// server that offers it; a server that does not gets the same message with its bodies in quoted-printable.
@Suite struct SMTPEightBitTests {
    static let link = "https://tickets.example.org/account/verify-email?token=Zm9vYmFyLWJhei1xdXV4LTAxMjM0NTY3OD"

    func send(offering8BitMIME: Bool) async throws -> (mailFrom: String, data: String) {
        let server = try OneMessagePerConnectionServer(offers8BitMIME: offering8BitMIME)
        defer { server.stop() }
        var settings = try SMTPSettings.parse("smtp://127.0.0.1:\(server.port)?starttls=off")
        settings.timeoutSeconds = 60
        let mailer = try SMTPMailer(settings: settings, clock: .system, logger: Logger(label: "eight-bit"))
        defer { mailer.close() }
        try await mailer.send(
            MailMessage(
                from: MailAddress("tickets@boxoffice.test"), to: [MailAddress("jurgen@example.org")],
                subject: "Bestätigen", text: "Grüße! Bitte bestätigen Sie Ihre Adresse: \(Self.link)\n"))
        return try (#require(server.mailFroms.first), #require(server.bodies.first))
    }

    @Test func aServerOffering8BitMIMEGetsTheTextAsItIs() async throws {
        let (mailFrom, data) = try await send(offering8BitMIME: true)
        #expect(mailFrom == "MAIL FROM:<tickets@boxoffice.test> BODY=8BITMIME")
        #expect(data.contains("Content-Transfer-Encoding: 8bit"))
        #expect(data.contains("Grüße! Bitte bestätigen Sie Ihre Adresse: \(Self.link)"))
    }

    @Test func aServerWithout8BitMIMEGetsQuotedPrintable() async throws {
        let (mailFrom, data) = try await send(offering8BitMIME: false)
        #expect(mailFrom == "MAIL FROM:<tickets@boxoffice.test>")
        #expect(data.contains("Content-Transfer-Encoding: quoted-printable"))
        #expect(data.utf8.allSatisfy { $0 < 128 }, "7-bit on the wire")
    }
}

/// A plain SMTP server on loopback (blocking sockets, one thread) that takes one message per connection and closes it
/// when a second begins, right after answering its MAIL FROM. It records each MAIL FROM line and each message's data.
final class OneMessagePerConnectionServer: @unchecked Sendable {
    let port: Int
    private let listener: Int32
    private let offers8BitMIME: Bool
    private let lock = NSLock()
    private var counts = (connections: 0, messages: 0)
    private var recorded = (mailFroms: [String](), bodies: [String]())

    var connections: Int { lock.withLock { counts.connections } }
    var messages: Int { lock.withLock { counts.messages } }
    var mailFroms: [String] { lock.withLock { recorded.mailFroms } }
    /// Each message's data as received (dot-stuffed, lines joined with CRLF).
    var bodies: [String] { lock.withLock { recorded.bodies } }

    init(offers8BitMIME: Bool = true) throws {
        self.offers8BitMIME = offers8BitMIME
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        Glibc.listen(fd, 8)
        var bound = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &bound) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = Int(UInt16(bigEndian: bound.sin_port))
        Thread.detachNewThread { [self] in
            while true {
                let client = Glibc.accept(listener, nil, nil)
                guard client >= 0 else { return }
                lock.withLock { counts.connections += 1 }
                serve(client)
                Glibc.close(client)
            }
        }
    }

    func stop() {
        Glibc.shutdown(listener, Int32(SHUT_RDWR))
        Glibc.close(listener)
    }

    private func serve(_ client: Int32) {
        func say(_ text: String) { _ = text.withCString { Glibc.send(client, $0, strlen($0), Int32(MSG_NOSIGNAL)) } }
        var buffered: [UInt8] = []
        func line() -> String? {
            while true {
                if let end = buffered.firstIndex(of: 10) {
                    let text = String(decoding: buffered[..<end], as: UTF8.self)
                    buffered.removeSubrange(...end)
                    return text.hasSuffix("\r") ? String(text.dropLast()) : text
                }
                var chunk = [UInt8](repeating: 0, count: 4096)
                let count = Glibc.recv(client, &chunk, chunk.count, 0)
                guard count > 0 else { return nil }
                buffered += chunk[..<count]
            }
        }
        say("220 one message per connection\r\n")
        var taken = 0
        while let received = line() {
            let command = received.uppercased()
            if command.hasPrefix("EHLO") {
                say(offers8BitMIME ? "250-localhost\r\n250 8BITMIME\r\n" : "250 localhost\r\n")
            } else if command.hasPrefix("MAIL"), taken > 0 {
                say("250 OK\r\n")
                return
            } else if command.hasPrefix("MAIL") {
                lock.withLock { recorded.mailFroms.append(received) }
                say("250 OK\r\n")
            } else if command.hasPrefix("DATA") {
                say("354 go on\r\n")
                var data: [String] = []
                while let body = line(), body != "." { data.append(body) }
                lock.withLock {
                    counts.messages += 1
                    recorded.bodies.append(data.joined(separator: "\r\n"))
                }
                taken += 1
                say("250 taken\r\n")
            } else if command.hasPrefix("QUIT") {
                say("221 bye\r\n")
                return
            } else {
                say("250 OK\r\n")
            }
        }
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
        settings.timeoutSeconds = 15
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

    /// A kept connection silent for half the read deadline (past which the deadline, ours or a server's idle timeout,
    /// could close it under the next message) is not reused: the next message goes at once on a new one. (A connection
    /// the server closes as the next message begins is `aConnectionTheServerDropsIsReopenedForTheNextMessage`.)
    @Test func aClosedConnectionIsReplacedAtOnce() async throws {
        guard var settings = Self.settings else {
            #expect(!TestPeers.required, "BOXOFFICE_TEST_SMTP_URL is required under scripts/test")
            return
        }
        // Generous for every reply of the setup on a loaded machine; the wait below passes half of it.
        settings.timeoutSeconds = 12
        let mailer = try Self.mailer(settings)
        defer { mailer.close() }
        let to = "again-\(UUID().uuidString.prefix(8).lowercased())@example.org"
        let message = MailMessage(
            from: MailAddress("tickets@boxoffice.test"), to: [MailAddress(to)], subject: "1", text: "1")
        try await mailer.send(message)
        try await Task.sleep(for: .milliseconds(6500))
        try await mailer.send(message)
        let captured = try Self.captured(for: to)
        #expect(captured.count == 2)
        #expect(Set(captured.compactMap(\.peer)).count == 2, "a second connection")
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
        let refused = try Self.mailer(wrong)
        defer { refused.close() }
        do {
            try await refused.send(message("someone@example.org"))
            Issue.record("a wrong password cannot send")
        } catch let failure as MailFailure {
            // The installation's to fix, not the message's: tried again later, with the server's reply said.
            #expect(!failure.isPermanent && "\(failure)".contains("535"), "\(failure)")
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
        let live = try BoxOffice.liveMailer(mail, clock: .system, logger: Logger(label: "smtp-delivery"))
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

/// A mail server that is down while orders are placed: every confirmation fails for now (not for good), waits its
/// backoff, and is delivered once, each, when the server is back.
@Suite(.serialized) struct SMTPOutageTests {
    @Test(arguments: TestDatabase.all)
    func mailQueuedWhileTheServerIsDownArrivesWhenItIsBack(_ database: TestDatabase) async throws {
        let environment = ProcessInfo.processInfo.environment
        guard let python = environment["BOXOFFICE_TEST_PEERS_PYTHON"], let ca = environment["BOXOFFICE_TEST_SMTP_CA"]
        else {
            #expect(!TestPeers.required, "BOXOFFICE_TEST_PEERS_PYTHON is required under scripts/test")
            return
        }
        let home = URL(fileURLWithPath: ca).deletingLastPathComponent()
        let maildir = FileManager.default.temporaryDirectory.appendingPathComponent("outage-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: maildir) }
        let port = try freePort()
        var settings = try SMTPSettings.parse("smtp://boxoffice:mail-password@localhost:\(port)")
        settings.trustedCertificatesFile = ca
        settings.timeoutSeconds = 15
        let mailer = try SMTPMailer(settings: settings, clock: .system, logger: Logger(label: "outage"))
        try await withApp(database, configure: { $0.workers.runWorkers = false }, seams: .init(mailer: mailer)) { app in
            let fixture = try await CatalogFixture.make(app)
            let (_, _, day1, _) = try await fixture.workshop()
            for index in 0..<3 {
                let order = try await app.client.send(
                    .post, "/api/orders",
                    json: [
                        "ticketTypeId": .string(day1.ticketTypeId.uuidString), "quantity": 1,
                        "buyerEmail": .string("outage\(index)@example.org"), "paymentMethod": "offline",
                    ] as [String: JSONValue])
                #expect(order.status == .created)
            }
            let worker = OutboxWorker(
                store: app.store,
                handler: OrderConfirmationMail(
                    store: app.store, mailer: mailer,
                    composer: MailComposer(
                        store: app.store, sender: MailAddress("tickets@boxoffice.test"), publicURL: "http://localhost")),
                clock: app.clock.appClock, logger: app.boxOffice.logger)
            #expect(try await worker.deliverDue() == 3)
            let waiting = try await app.store.sql().raw(
                "SELECT state, attempts FROM outbox WHERE topic = 'email.order_confirmation'"
            ).all().map {
                "\(try $0.decode(column: "state", as: String.self))/\(try $0.decode(column: "attempts", as: Int.self))"
            }
            #expect(waiting == ["pending/1", "pending/1", "pending/1"], "a server that is down is tried again later")

            // The server comes back.
            let server = Process()
            server.executableURL = URL(fileURLWithPath: python)
            server.arguments = [
                URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                    .deletingLastPathComponent().appendingPathComponent("scripts/smtp-capture.py").path,
                maildir.path, String(port), home.appendingPathComponent("cert.pem").path,
                home.appendingPathComponent("key.pem").path,
            ]
            server.standardOutput = FileHandle.nullDevice
            server.standardError = FileHandle.nullDevice
            // Foundation's Process, for its signals and wait; one launch in the suite (see ChildProcess for its flaw).
            try server.run()
            // SIGTERM, which the server takes even from a parent that blocks or ignores it (as this test process may);
            // SIGKILL if it is still there after 10 s; and waited for, so that none outlives the test.
            defer {
                server.terminate()
                for _ in 0..<100 where server.isRunning { usleep(100_000) }
                if server.isRunning { kill(server.processIdentifier, SIGKILL) }
                server.waitUntilExit()
            }
            #expect(await eventually { (try? connectable(port)) == true })
            app.clock.advance(by: 3600)
            #expect(try await worker.deliverDue() == 3)
            #expect(try await worker.deliverDue() == 0, "each once")
            mailer.close()
            let delivered = try FileManager.default.contentsOfDirectory(atPath: maildir.path).filter {
                $0.hasSuffix(".eml")
            }
            #expect(delivered.count == 3)
        }
    }

    func freePort() throws -> Int {
        let socket = Socket()
        defer { socket.close() }
        return try socket.bindAnyPort()
    }
}

/// Whether something listens on 127.0.0.1:`port`.
func connectable(_ port: Int) throws -> Bool {
    let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { Glibc.close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    return withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
        }
    }
}

/// A TCP socket bound to a free loopback port, to learn one.
final class Socket {
    let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)

    func bindAnyPort() throws -> Int {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        var bound = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &bound) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: bound.sin_port))
    }

    func close() { Glibc.close(fd) }
}

/// A paid order's confirmation carries each ticket's QR code inline, the one the kiosk reads: read back from the
/// message aiosmtpd captured, decoded by zbarimg, it is the ticket's pass.
@Suite(.serialized) struct ConfirmationCodeTests {
    @Test func theConfirmationsQRCodesAreTheTickets() async throws {
        guard let url = ProcessInfo.processInfo.environment["BOXOFFICE_TEST_SMTP_URL"] else {
            #expect(!TestPeers.required, "BOXOFFICE_TEST_SMTP_URL is required under scripts/test")
            return
        }
        try ZBar.ensureInstalled()
        var mail = MailConfig()
        mail.smtpURL = url
        mail.smtpTrustedCertificates = ProcessInfo.processInfo.environment["BOXOFFICE_TEST_SMTP_CA"]
        let live = try BoxOffice.liveMailer(mail, clock: .system, logger: Logger(label: "qr-mail"))
        let buyer = "codes-\(UUID().uuidString.prefix(8).lowercased())@example.org"
        try await withApp(seams: .init(mailer: live)) { app in
            let fixture = try await CatalogFixture.make(app)
            let (event, _, _, _) = try await fixture.workshop()
            let free = try await fixture.addTicketType(event.eventId, name: "Rehearsal", sessions: ["S1"], price: 0)
            let order = try await app.client.send(
                .post, "/api/orders",
                json: [
                    "ticketTypeId": .string(free.ticketTypeId.uuidString), "quantity": 2, "buyerName": "Ada",
                    "buyerEmail": .string(buyer),
                ] as [String: JSONValue]
            ).decode(OrderDTO.self)
            #expect(order.status == "paid")
            #expect(await eventually { (try? CapturedMail.messages(for: buyer).count) == 1 })
            let captured = try #require(try CapturedMail.messages(for: buyer).first)
            #expect(captured.parts.contains("multipart/related") && captured.parts.contains("text/html"))
            #expect(captured.images.count == 2 && captured.images.allSatisfy { $0.contentType == "image/png" })
            #expect(captured.html?.contains("cid:\(captured.images[0].contentID)") == true)
            let token: HTTPFields = [HTTPField.Name("X-Order-Token")!: order.accessToken!]
            var passes: Set<String> = []
            for ticket in order.tickets {
                let pass = try await app.client.send(.get, "/api/tickets/\(ticket.ticketId)/pass", headers: token)
                passes.insert(try #require(try pass.json()["qrText"]?.stringValue))
            }
            let decoded = try Set(captured.images.map { try ZBar.decode($0.data, suffix: "png") })
            #expect(decoded == passes)
        }
    }
}
