public import Domain
import Foundation
public import Logging
import NIOCore
import NIOExtras
import NIOPosix
import NIOSSL
import Synchronization

/// The SMTP transport: hands each message to the configured server (`SMTP_URL`) over one connection kept for the next
/// messages while they keep coming (and closed after `idleSeconds` without one). STARTTLS is required unless the URL
/// says otherwise for a loopback server; AUTH PLAIN or LOGIN when a user is given. Failures say whether trying again
/// can help: a 4xx reply, a timeout or a broken connection is temporary, a 5xx permanent (`MailFailure`), so the outbox
/// retries the first and fails the second at once.
public final class SMTPMailer: Mailer {
    public var transport: String { "smtp" }
    let settings: SMTPSettings
    let clock: AppClock
    let logger: Logger
    private let tls: NIOSSLContext?
    private let current = Mutex<SMTPSession?>(nil)

    public init(settings: SMTPSettings, clock: AppClock, logger: Logger) throws {
        self.settings = settings
        self.clock = clock
        self.logger = logger
        if settings.security == .none {
            tls = nil
        } else {
            var configuration = TLSConfiguration.makeClientConfiguration()
            configuration.minimumTLSVersion = .tlsv12
            if let file = settings.trustedCertificatesFile {
                configuration.additionalTrustRoots = [.file(file)]
            }
            tls = try NIOSSLContext(configuration: configuration)
        }
    }

    public func send(_ message: MailMessage) async throws {
        let date = clock.now()
        let id = UUID.random().uuidString.lowercased()
        let mime = MIMEMessage(message, date: date, messageID: "\(id)@\(settings.heloName)", boundarySeed: id)
        // 8-bit bodies go as they are to a server that offers 8BITMIME; to one that does not, in quoted-printable.
        var sevenBit: (@Sendable () -> String)?
        if mime.isEightBit {
            sevenBit = { @Sendable in
                MIMEMessage(message, date: date, messageID: mime.messageID, boundarySeed: id, sevenBit: true).rendered
            }
        }
        let envelope = SMTPEnvelope(
            from: message.from.email, recipients: message.to.map(\.email), data: mime.rendered, sevenBitData: sevenBit)
        // A kept connection the server closed meanwhile (seen closed when the message is handed over, or found closed
        // on a write before the message's final dot) delivered nothing of it: once more, at once, on a new connection.
        for attempt in 1...2 {
            let session = self.session()
            do {
                try await session.deliver(envelope)
                logger.info(
                    "mail handed to the SMTP server",
                    metadata: [
                        "to": "\(envelope.recipients.joined(separator: ", "))", "message-id": "\(mime.messageID)",
                    ])
                return
            } catch SMTPSession.Closed.beforeMessage where attempt == 1 {
                current.withLock { if $0 === session { $0 = nil } }
                logger.debug("the kept SMTP connection was closed: sending on a new one")
            } catch SMTPSession.Closed.beforeMessage {
                throw MailFailure.temporary("the mail server closed the connection")
            }
        }
    }

    /// The kept session while it is open and has not been silent for half the read deadline (past that, the deadline,
    /// ours or the server's, could close it under the next message), or a new one.
    private func session() -> SMTPSession {
        let reusable = min(Duration.seconds(settings.idleSeconds), Duration.seconds(settings.timeoutSeconds) / 2)
        let (session, stale) = current.withLock { current -> (SMTPSession, SMTPSession?) in
            var stale: SMTPSession?
            if let session = current {
                if session.isOpen && session.idle < reusable { return (session, nil) }
                stale = session
            }
            let session = SMTPSession(settings: settings, tls: tls, logger: logger)
            current = session
            return (session, stale)
        }
        stale?.finish()
        return session
    }

    /// Ends the kept connection (QUIT); the next message opens another.
    public func close() {
        current.withLock {
            $0?.finish()
            $0 = nil
        }
    }
}

/// One message as SMTP carries it: the envelope's sender and recipients, and the message's bytes.
struct SMTPEnvelope: Sendable {
    var from: String
    var recipients: [String]
    var data: String
    /// For a message with 8-bit bodies: the same message with those bodies in quoted-printable, made only for a server
    /// that does not offer 8BITMIME.
    var sevenBitData: (@Sendable () -> String)? = nil
}

/// One connection to the server and the messages queued for it, sent one after another by the task that owns the
/// connection.
final class SMTPSession: Sendable {
    enum Closed: Error {
        /// The connection was gone (closed, or found closed on a write) before this message's final dot: the server
        /// has not taken it, so it can be sent again on a new connection.
        case beforeMessage
    }

    private struct Job: Sendable {
        var envelope: SMTPEnvelope
        var reply: CheckedContinuation<Void, any Error>
    }

    private let jobs: AsyncStream<Job>.Continuation
    private let open = Mutex(true)
    private let lastUse = Mutex(ContinuousClock.now)

    var isOpen: Bool { open.withLock { $0 } }
    /// How long since a message was last handed over or answered.
    var idle: Duration { lastUse.withLock { ContinuousClock.now - $0 } }

    init(settings: SMTPSettings, tls: NIOSSLContext?, logger: Logger) {
        let (stream, continuation) = AsyncStream.makeStream(of: Job.self)
        self.jobs = continuation
        Task { [self] in
            await self.run(stream, settings: settings, tls: tls, logger: logger)
            self.finish()
        }
        // Closes the connection once it has been idle for `idleSeconds`.
        let idle = Duration.seconds(settings.idleSeconds)
        Task { [weak self] in
            while let self, self.isOpen {
                try? await Task.sleep(for: idle / 2)
                if self.lastUse.withLock({ ContinuousClock.now - $0 }) >= idle { self.finish() }
            }
        }
    }

    func finish() {
        open.withLock { $0 = false }
        jobs.finish()
    }

    func deliver(_ envelope: SMTPEnvelope) async throws {
        lastUse.withLock { $0 = .now }
        try await withCheckedThrowingContinuation { (reply: CheckedContinuation<Void, any Error>) in
            if case .terminated = jobs.yield(Job(envelope: envelope, reply: reply)) {
                reply.resume(throwing: Closed.beforeMessage)
            }
        }
        lastUse.withLock { $0 = .now }
    }

    private func run(_ jobs: AsyncStream<Job>, settings: SMTPSettings, tls: NIOSSLContext?, logger: Logger) async {
        var pending = jobs.makeAsyncIterator()
        // Nothing is connected until the first message asks for it.
        guard var job = await pending.next() else { return }
        do {
            let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
            do {
                // Closing starts: from then on no message is handed to this session.
                channel = try await SMTPConnection.connect(settings, tls: tls) { [weak self] in self?.finish() }
            } catch {
                job.reply.resume(throwing: SMTPConversation.failure(error))
                throw error
            }
            // A connection the server (or the read deadline) closes ends the session: the next message opens another.
            channel.channel.closeFuture.whenComplete { [self] _ in self.finish() }
            try await channel.executeThenClose { inbound, outbound in
                var conversation = SMTPConversation(
                    lines: inbound.makeAsyncIterator(), outbound: outbound, channel: channel.channel,
                    settings: settings, tls: tls)
                do {
                    try await conversation.open()
                } catch let lost where !(lost is MailFailure) && SMTPConversation.isConnectionLost(lost) {
                    // Closed during the setup, before anything of the message was said: the mailer tries once more.
                    logger.notice("the SMTP connection closed during its setup", metadata: ["error": "\(lost)"])
                    job.reply.resume(throwing: Closed.beforeMessage)
                    throw lost
                } catch {
                    // A refusal while setting up (a wrong password, no STARTTLS) is the installation's to fix, not the
                    // message's: it is tried again later, and said loudly.
                    logger.error("the mail server refused the connection's setup", metadata: ["error": "\(error)"])
                    let reason =
                        switch SMTPConversation.failure(error) {
                        case .temporary(let why), .permanent(let why): why
                        }
                    job.reply.resume(throwing: MailFailure.temporary(reason))
                    throw error
                }
                while true {
                    do {
                        try await conversation.send(job.envelope)
                        job.reply.resume()
                    } catch let failure as MailFailure {
                        // The server refused this message; the connection is still good for the next one.
                        job.reply.resume(throwing: failure)
                        try await conversation.reset()
                    } catch let closed as Closed {
                        // Gone before this message's final dot: the mailer sends it again on a new connection.
                        job.reply.resume(throwing: closed)
                        throw closed
                    } catch {
                        job.reply.resume(throwing: SMTPConversation.failure(error))
                        throw error
                    }
                    guard let next = await pending.next() else { break }
                    job = next
                }
                try? await conversation.quit()
            }
        } catch {
            logger.debug("SMTP connection ended", metadata: ["error": "\(error)"])
        }
        // Whatever was queued behind a broken connection goes to the next one.
        finish()
        while let left = await pending.next() { left.reply.resume(throwing: Closed.beforeMessage) }
    }
}
