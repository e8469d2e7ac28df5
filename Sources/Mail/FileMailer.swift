public import Domain
public import Foundation

/// The transport of a laptop install: every message is written as an `.eml` file into a folder (default
/// `./mail-outbox`), so nothing is lost without a mail server and a developer can open each message in a mail client.
public struct FileMailer: Mailer {
    public let directory: URL
    public var transport: String { "file" }
    private let clock: AppClock

    public init(directory: URL, clock: AppClock) {
        self.directory = directory
        self.clock = clock
    }

    public func send(_ message: MailMessage) async throws {
        let date = clock.now()
        let id = UUID.random().uuidString.lowercased()
        let mime = MIMEMessage(message, date: date, messageID: "\(id)@boxoffice.invalid", boundarySeed: id)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let stamp = Int(date.timeIntervalSince1970 * 1000)
            let file = directory.appendingPathComponent("\(stamp)-\(id).eml")
            try Data(mime.rendered.utf8).write(to: file, options: .atomic)
        } catch {
            // A full disk or a missing permission may pass; the outbox tries again.
            throw MailFailure.temporary("cannot write to \(directory.path): \(error.localizedDescription)")
        }
    }
}
