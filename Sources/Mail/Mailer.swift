public import Domain
public import Foundation

/// Sends one email. The live transport is chosen in the composition root from configuration (`MAIL_DIR`'s file
/// transport today; SMTP with the email issue); tests use a recording double. Mail is only ever sent by outbox
/// workers, after the change that owes it has committed, so a slow mail server never holds a transaction.
public protocol Mailer: Sendable {
    /// Which transport this is, for `/health` and logs: `file`, `smtp`, …
    var transport: String { get }
    func send(_ message: MailMessage) async throws
}

/// A mailbox: an address with an optional display name.
public struct MailAddress: Sendable, Equatable, Codable {
    public var email: String
    public var name: String?

    public init(_ email: String, name: String? = nil) {
        self.email = email
        self.name = name
    }
}

/// One message, transport-neutral. `text` is always there (every client can show it); `html` is the richer
/// alternative; inline parts are referenced from the HTML by `cid:`.
public struct MailMessage: Sendable, Equatable {
    public var from: MailAddress
    public var to: [MailAddress]
    public var replyTo: MailAddress?
    public var subject: String
    public var text: String
    public var html: String?
    public var inline: [InlinePart]
    /// Extra headers, e.g. `List-Unsubscribe` on bulk mail.
    public var headers: [(name: String, value: String)]

    public struct InlinePart: Sendable, Equatable {
        public var contentID: String
        public var contentType: String
        public var data: Data

        public init(contentID: String, contentType: String, data: Data) {
            self.contentID = contentID
            self.contentType = contentType
            self.data = data
        }
    }

    public init(
        from: MailAddress, to: [MailAddress], replyTo: MailAddress? = nil, subject: String, text: String,
        html: String? = nil, inline: [InlinePart] = [], headers: [(name: String, value: String)] = []
    ) {
        self.from = from
        self.to = to
        self.replyTo = replyTo
        self.subject = subject
        self.text = text
        self.html = html
        self.inline = inline
        self.headers = headers
    }

    public static func == (lhs: MailMessage, rhs: MailMessage) -> Bool {
        lhs.from == rhs.from && lhs.to == rhs.to && lhs.replyTo == rhs.replyTo && lhs.subject == rhs.subject
            && lhs.text == rhs.text && lhs.html == rhs.html && lhs.inline == rhs.inline
            && lhs.headers.map(\.name) == rhs.headers.map(\.name)
            && lhs.headers.map(\.value) == rhs.headers.map(\.value)
    }
}

/// Why a message was not sent. A temporary failure (a network error, an SMTP 4xx) is retried with backoff; a
/// permanent one (an SMTP 5xx: no such mailbox, refused content) is not, since trying again cannot help.
public enum MailFailure: Error, Sendable, Equatable, CustomStringConvertible {
    case temporary(String)
    case permanent(String)

    public var isPermanent: Bool {
        if case .permanent = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .temporary(let reason): "temporary mail failure: \(reason)"
        case .permanent(let reason): "permanent mail failure: \(reason)"
        }
    }
}

extension MailFailure: PermanentDeliveryFailure {}
