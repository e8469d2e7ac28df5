import Foundation
import NIOCore
import NIOExtras
import NIOPosix
import NIOSSL

/// Opens the TCP (or TLS) connection to the server, with a line decoder for its replies and a read deadline: a server
/// that says nothing for `timeoutSeconds` has the connection closed, which ends whatever waited for it.
enum SMTPConnection {
    /// `closing` is called on the channel's loop the moment the connection starts to close (the read deadline's close,
    /// before a TLS goodbye that may take a while, and the server's), so no message is handed to it after that.
    static func connect(
        _ settings: SMTPSettings, tls: NIOSSLContext?, closing: @escaping @Sendable () -> Void = {}
    ) async throws
        -> NIOAsyncChannel<ByteBuffer, ByteBuffer>
    {
        let timeout = TimeAmount.seconds(Int64(settings.timeoutSeconds))
        do {
            return try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(timeout)
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .connect(host: settings.host, port: settings.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        let pipeline = channel.pipeline.syncOperations
                        if settings.security == .implicitTLS, let tls {
                            try pipeline.addHandler(
                                try NIOSSLClientHandler(context: tls, serverHostname: settings.serverNameIndication))
                        }
                        try pipeline.addHandler(IdleStateHandler(readTimeout: timeout))
                        try pipeline.addHandler(SilenceCloser(closing: closing))
                        // RFC 5321 4.5.3.1.5: a reply line is at most 512 octets; a server that sends far more is cut off.
                        try pipeline.addHandler(ByteToMessageHandler(LineBasedFrameDecoder(), maximumBufferSize: 4096))
                        return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw MailFailure.temporary("cannot reach \(settings.host):\(settings.port): \(error)")
        }
    }

    /// Closes the connection when the server has been silent past the read deadline, and says so at once (`closing`):
    /// with TLS the close first waits for the server's goodbye, and the channel looks open meanwhile.
    final class SilenceCloser: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        typealias InboundOut = ByteBuffer
        let closing: @Sendable () -> Void

        init(closing: @escaping @Sendable () -> Void) { self.closing = closing }

        func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
            if let idle = event as? IdleStateHandler.IdleStateEvent, idle == .read {
                closing()
                context.close(promise: nil)
                return
            }
            context.fireUserInboundEventTriggered(event)
        }

        func channelInactive(context: ChannelHandlerContext) {
            closing()
            context.fireChannelInactive()
        }
    }
}

/// A server's reply: its code and its lines' text.
struct SMTPReply: Sendable, CustomStringConvertible {
    var code: Int
    var lines: [String]
    var description: String { "\(code) \(lines.joined(separator: " / "))" }
}

/// The SMTP dialogue on one connection (RFC 5321): greeting, EHLO, STARTTLS and EHLO again, AUTH, then for each message
/// MAIL FROM, RCPT TO for each recipient, DATA with the dot-stuffed message, and RSET after a refused one.
struct SMTPConversation {
    var lines: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    let channel: any Channel
    let settings: SMTPSettings
    let tls: NIOSSLContext?
    private(set) var extensions: [String] = []

    init(
        lines: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator,
        outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>,
        channel: any Channel, settings: SMTPSettings, tls: NIOSSLContext?
    ) {
        self.lines = lines
        self.outbound = outbound
        self.channel = channel
        self.settings = settings
        self.tls = tls
    }

    /// What an error that is not the server's reply means for the message: the outbox may try again.
    static func failure(_ error: any Error) -> MailFailure {
        if let failure = error as? MailFailure { return failure }
        if error is ConnectionClosed || error is SMTPSession.Closed { return .temporary("\(ConnectionClosed())") }
        return .temporary("SMTP connection failed: \(error)")
    }

    /// Whether `error` says the connection is gone (closed, or found closed on a write), rather than a reply.
    static func isConnectionLost(_ error: any Error) -> Bool {
        if error is ConnectionClosed || error is SMTPSession.Closed { return true }
        if let channel = error as? ChannelError {
            switch channel {
            case .ioOnClosedChannel, .alreadyClosed, .eof, .outputClosed, .inputClosed: return true
            default: return false
            }
        }
        if let tls = error as? NIOSSLError, case .uncleanShutdown = tls { return true }
        return error is IOError
    }

    /// Greeting, EHLO, STARTTLS (required unless the settings say otherwise), AUTH.
    mutating func open() async throws {
        try await expect(try await reply(), 220, "greeting")
        try await ehlo()
        if settings.security == .startTLS {
            guard extensions.contains(where: { $0.uppercased() == "STARTTLS" }), let tls else {
                throw MailFailure.permanent("the mail server does not offer STARTTLS, which SMTP_URL requires")
            }
            try await expect(try await command("STARTTLS"), 220, "STARTTLS")
            // TLS goes in front of everything, on the channel's own loop, before anything else is said.
            let (channel, host) = (self.channel, settings.serverNameIndication)
            try await channel.eventLoop.submit {
                try channel.pipeline.syncOperations.addHandler(
                    try NIOSSLClientHandler(context: tls, serverHostname: host), position: .first)
            }.get()
            try await ehlo()
        }
        if let user = settings.username, let password = settings.password {
            try await authenticate(user: user, password: password)
        }
    }

    private mutating func ehlo() async throws {
        let answer = try await command("EHLO \(settings.heloName)")
        try await expect(answer, 250, "EHLO")
        extensions = answer.lines.dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }
    }

    private mutating func authenticate(user: String, password: String) async throws {
        let mechanisms =
            extensions.first { $0.uppercased().hasPrefix("AUTH") }?.uppercased()
            .split(whereSeparator: { $0 == " " || $0 == "=" }).dropFirst().map(String.init) ?? []
        if mechanisms.contains("PLAIN") {
            let token = Data("\u{0}\(user)\u{0}\(password)".utf8).base64EncodedString()
            try await expect(try await command("AUTH PLAIN \(token)"), 235, "AUTH PLAIN")
        } else if mechanisms.contains("LOGIN") {
            try await expect(try await command("AUTH LOGIN"), 334, "AUTH LOGIN")
            try await expect(
                try await command(Data(user.utf8).base64EncodedString()), 334, "AUTH LOGIN user")
            try await expect(
                try await command(Data(password.utf8).base64EncodedString()), 235, "AUTH LOGIN password")
        } else {
            throw MailFailure.permanent("the mail server offers no AUTH mechanism BoxOffice speaks (PLAIN, LOGIN)")
        }
    }

    /// One message. Refused recipients are left out while others are accepted; a message nobody accepts is refused
    /// with the first recipient's reply.
    ///
    /// A connection found closed (on a write, or by a reply that never comes) before the message's final dot was sent
    /// delivered nothing of it: that is `Closed.beforeMessage`, and the mailer sends it again on a new connection. The
    /// server's replies are `MailFailure`s as they are; only a connection lost after the final dot is a failure of the
    /// message (the server may have taken it, so it is not sent again at once).
    mutating func send(_ envelope: SMTPEnvelope) async throws {
        do {
            try await sendUpToTheFinalDot(envelope)
        } catch let failure as MailFailure {
            throw failure
        } catch {
            throw SMTPSession.Closed.beforeMessage
        }
        try await expect(try await reply(), 250, "end of DATA")
    }

    private mutating func sendUpToTheFinalDot(_ envelope: SMTPEnvelope) async throws {
        // RFC 6152: 8-bit bodies are declared (BODY=8BITMIME) to a server that offers it; one that does not gets the
        // message with those bodies in quoted-printable.
        var mailFrom = "MAIL FROM:<\(envelope.from)>"
        var data = envelope.data
        if let sevenBit = envelope.sevenBitData {
            if extensions.contains(where: { $0.split(separator: " ").first?.uppercased() == "8BITMIME" }) {
                mailFrom += " BODY=8BITMIME"
            } else {
                data = sevenBit()
            }
        }
        try await expect(try await command(mailFrom), 250, "MAIL FROM")
        var accepted = 0
        var refusals: [SMTPReply] = []
        for recipient in envelope.recipients {
            let answer = try await command("RCPT TO:<\(recipient)>")
            if answer.code == 250 || answer.code == 251 { accepted += 1 } else { refusals.append(answer) }
        }
        guard accepted > 0 else {
            // For good only if every recipient was refused for good (552 counts as 452, RFC 5321 4.5.3.1.10).
            let lasting = refusals.allSatisfy { (500..<600).contains($0.code) && $0.code != 552 }
            let first = refusals.first ?? SMTPReply(code: 554, lines: ["no recipients"])
            throw lasting ? Self.refusal(first, "RCPT TO") : MailFailure.temporary("RCPT TO: \(first)")
        }
        try await expect(try await command("DATA"), 354, "DATA")
        try await outbound.write(ByteBuffer(string: Self.dotStuffed(data) + "\r\n.\r\n"))
    }

    /// After a refused message: the server forgets it, the connection serves the next one.
    mutating func reset() async throws {
        try await expect(try await command("RSET"), 250, "RSET")
    }

    mutating func quit() async throws {
        _ = try await command("QUIT")
    }

    // MARK: - The wire

    private mutating func command(_ line: String) async throws -> SMTPReply {
        try await outbound.write(ByteBuffer(string: line + "\r\n"))
        return try await reply()
    }

    /// One reply: `250-…` lines continue it, `250 …` ends it.
    private mutating func reply() async throws -> SMTPReply {
        var texts: [String] = []
        while true {
            guard let buffer = try await lines.next() else { throw ConnectionClosed() }
            let line = String(buffer: buffer)
            guard line.utf8.count >= 3, line.utf8.prefix(3).allSatisfy({ (48...57).contains($0) }),
                let code = Int(line.prefix(3))
            else {
                throw MailFailure.temporary("unreadable reply from the mail server: \(line.prefix(80))")
            }
            texts.append(line.count > 4 ? String(line.dropFirst(4)) : "")
            let separator = line.count > 3 ? line[line.index(line.startIndex, offsetBy: 3)] : " "
            if separator != "-" { return SMTPReply(code: code, lines: texts) }
        }
    }

    /// The connection ended while a reply was awaited (not a reply: the server said nothing).
    struct ConnectionClosed: Error, CustomStringConvertible {
        var description: String { "the mail server closed the connection" }
    }

    private func expect(_ reply: SMTPReply, _ code: Int, _ step: String) async throws {
        guard reply.code == code else { throw Self.refusal(reply, step) }
    }

    /// 5xx: the server will not take this, ever (permanent); anything else unexpected (4xx): try again later.
    static func refusal(_ reply: SMTPReply, _ step: String) -> MailFailure {
        let text = "\(step): \(reply)"
        return (500..<600).contains(reply.code) ? .permanent(text) : .temporary(text)
    }

    /// RFC 5321 4.5.2: a line that starts with a dot gets another, so that no line of the message ends it early.
    static func dotStuffed(_ data: String) -> String {
        // By scalars: "\r\n" is one Character to Swift.
        var scalars = data.unicodeScalars
        if data.hasSuffix("\r\n") { scalars.removeLast(2) }
        var text = String(scalars)
        if text.hasPrefix(".") { text = "." + text }
        return text.replacingOccurrences(of: "\r\n.", with: "\r\n..")
    }
}
