public import Domain
public import Foundation
public import Logging

/// The transport of a laptop install: every message is written as an `.eml` file into a folder (default
/// `./mail-outbox`), so nothing is lost without a mail server and a developer can open each message in a mail client.
public struct FileMailer: Mailer {
    public let directory: URL
    public var transport: String { "file" }
    private let clock: AppClock
    private let logger: Logger

    public init(directory: URL, clock: AppClock, logger: Logger = Logger(label: "boxoffice.mail")) {
        self.directory = directory
        self.clock = clock
        self.logger = logger
    }

    public func send(_ message: MailMessage) async throws {
        let date = clock.now()
        let id = UUID.random().uuidString.lowercased()
        let mime = MIMEMessage(message, date: date, messageID: "\(id)@boxoffice.invalid", boundarySeed: id)
        let file = directory.appendingPathComponent("\(Int(date.timeIntervalSince1970 * 1000))-\(id).eml")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(mime.rendered.utf8).write(to: file, options: .atomic)
        } catch {
            // A full disk or a missing permission may pass; the outbox tries again.
            throw MailFailure.temporary("cannot write to \(directory.path): \(error.localizedDescription)")
        }
        logger.info(
            "mail written to \(file.path)",
            metadata: ["to": "\(message.to.map(\.email).joined(separator: ", "))", "message-id": "\(mime.messageID)"])
    }
}
