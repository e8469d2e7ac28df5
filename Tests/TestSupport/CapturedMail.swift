import Foundation

/// A message the tests' aiosmtpd captured (`scripts/smtp-capture.py`), as Python's `email` package reads it: the
/// envelope, the decoded subject and sender, the parts' types and the text and HTML bodies.
public struct CapturedMail: Decodable, Sendable {
    public var from: String
    public var to: [String]
    public var tls: Bool
    public var peer: [JSONScalar]?
    public var subject: String
    public var fromHeader: String
    public var parts: [String]
    public var text: String
    public var html: String?
    public var messageID: String?
    public var date: String?
    /// Inline images: their Content-ID (without brackets) and bytes.
    public var images: [Image]
    /// The headers of bulk mail and replies, when present: List-Unsubscribe, List-Unsubscribe-Post, List-Id,
    /// Precedence, Reply-To.
    public var headers: [String: String]

    public struct Image: Decodable, Sendable {
        public var contentID: String
        public var contentType: String
        public var base64: String
        public var data: Data { Data(base64Encoded: base64) ?? Data() }
    }

    /// Any JSON scalar (the peer's address and port).
    public enum JSONScalar: Decodable, Hashable, Sendable {
        case string(String)
        case int(Int)
        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let int = try? container.decode(Int.self) {
                self = .int(int)
            } else {
                self = .string(try container.decode(String.self))
            }
        }
    }

    /// The folder aiosmtpd captures into (`BOXOFFICE_TEST_SMTP_MAILDIR`).
    public static var maildir: URL? {
        ProcessInfo.processInfo.environment["BOXOFFICE_TEST_SMTP_MAILDIR"].map { URL(fileURLWithPath: $0) }
    }

    /// The messages captured for `recipient` with this subject, oldest first.
    public static func messages(for recipient: String, subject: String) throws -> [CapturedMail] {
        try messages(for: recipient).filter { $0.subject == subject }
    }

    /// The messages captured for `recipient`, oldest first, parsed by Python's `email` package (an outside parser).
    public static func messages(for recipient: String) throws -> [CapturedMail] {
        guard let maildir else { return [] }
        let script = #"""
            import email, email.policy, json, os, sys
            out = []
            d = sys.argv[1]
            for name in sorted(os.listdir(d)):
                if not name.endswith(".json"): continue
                meta = json.load(open(os.path.join(d, name)))
                if sys.argv[2] not in meta["to"]: continue
                msg = email.message_from_bytes(open(os.path.join(d, name[:-5] + ".eml"), "rb").read(), policy=email.policy.default)
                parts = [p.get_content_type() for p in msg.walk()]
                text = msg.get_body(("plain",)); html = msg.get_body(("html",))
                out.append({"from": meta["from"], "to": meta["to"], "tls": meta["tls"], "peer": meta.get("peer"),
                            "subject": str(msg["subject"]), "fromHeader": str(msg["from"]), "parts": parts,
                            "text": text.get_content().replace("\r\n", "\n") if text else "",
                            "html": html.get_content() if html else None,
                            "messageID": msg["message-id"], "date": msg["date"],
                            "headers": {k: str(msg[k]) for k in ("List-Unsubscribe", "List-Unsubscribe-Post", "List-Id",
                                                                 "Precedence", "Reply-To") if msg[k] is not None},
                            "images": [{"contentID": str(p["content-id"] or "").strip("<>"), "contentType": p.get_content_type(),
                                        "base64": __import__("base64").b64encode(p.get_content()).decode()}
                                       for p in msg.walk() if p.get_content_maintype() == "image"]})
            print(json.dumps(out))
            """#
        let (status, data) = try ChildProcess.run(
            "/usr/bin/env", ["python3", "-c", script, maildir.path, recipient], errors: false)
        guard status == 0 else {
            throw CapturedMailError(reason: "the captured mail could not be read (python exited \(status))")
        }
        return try JSONDecoder().decode([CapturedMail].self, from: data)
    }
}

public struct CapturedMailError: Error, CustomStringConvertible {
    public var reason: String
    public var description: String { reason }
}
