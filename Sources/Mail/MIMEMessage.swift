public import Foundation

/// A `MailMessage` as the bytes of an RFC 5322 message: CRLF line ends, `Date` and `Message-ID`, names and subjects
/// encoded per RFC 2047 when they are not plain ASCII, `multipart/alternative` (plain text first, then HTML) and, with
/// inline images, `multipart/related` around it. Both the file transport and SMTP send exactly these bytes (SMTP adds
/// dot-stuffing on the wire).
///
/// Text and HTML bodies go as they are (`7bit`, or `8bit` UTF-8) whenever every line fits RFC 5322's 998 octets, so a
/// link stays whole and readable in a saved `.eml`: quoted-printable would break a long link with soft line breaks and
/// write each `=` of `?token=…` as `=3D`, and a person copying the link from the file got a wrong token. A body with a
/// longer line, or a rendering for a mail server that does not take 8-bit data (`sevenBit`), is quoted-printable.
public struct MIMEMessage: Sendable {
    public let messageID: String
    public let rendered: String
    /// Whether `rendered` holds bytes above 127 (an `8bit` body): SMTP then asks for `BODY=8BITMIME`.
    public let isEightBit: Bool

    /// How a text or HTML body is carried.
    enum BodyEncoding: String {
        case sevenBit = "7bit"
        case eightBit = "8bit"
        case quotedPrintable = "quoted-printable"
    }

    /// - Parameters:
    ///   - boundarySeed: makes the part boundaries; any unique string (the message ID's random part will do).
    ///   - sevenBit: quoted-printable for every body that is not plain ASCII, for a mail server without 8BITMIME.
    public init(_ message: MailMessage, date: Date, messageID: String, boundarySeed: String, sevenBit: Bool = false) {
        self.messageID = messageID
        var head: [String] = [
            "Date: \(Self.rfc5322Date(date))",
            "Message-ID: <\(messageID)>",
            "From: \(Self.mailbox(message.from))",
            "To: \(message.to.map(Self.mailbox).joined(separator: ", "))",
        ]
        if let replyTo = message.replyTo { head.append("Reply-To: \(Self.mailbox(replyTo))") }
        head.append("Subject: \(Self.encodedWord(message.subject))")
        for header in message.headers {
            head.append("\(Self.headerName(header.name)): \(Self.headerSafe(header.value))")
        }
        head.append("MIME-Version: 1.0")

        let textPart = Self.part(type: "text/plain; charset=utf-8", body: message.text, sevenBit: sevenBit)
        var body: String
        if let html = message.html {
            let alternativeBoundary = "alt-\(boundarySeed)"
            let alternative = Self.multipart(
                boundary: alternativeBoundary,
                parts: [textPart, Self.part(type: "text/html; charset=utf-8", body: html, sevenBit: sevenBit)])
            let alternativeType = "multipart/alternative; boundary=\"\(alternativeBoundary)\""
            if message.inline.isEmpty {
                head.append("Content-Type: \(alternativeType)")
                body = alternative
            } else {
                let relatedBoundary = "rel-\(boundarySeed)"
                head.append("Content-Type: multipart/related; boundary=\"\(relatedBoundary)\"")
                body = Self.multipart(
                    boundary: relatedBoundary,
                    parts: ["Content-Type: \(alternativeType)\r\n\r\n\(alternative)"]
                        + message.inline.map(Self.inlinePart))
            }
        } else {
            let (encoding, encoded) = Self.encodedBody(message.text, sevenBit: sevenBit)
            head.append("Content-Type: text/plain; charset=utf-8")
            head.append("Content-Transfer-Encoding: \(encoding.rawValue)")
            body = encoded
        }
        rendered = head.joined(separator: "\r\n") + "\r\n\r\n" + body
        isEightBit = rendered.utf8.contains { $0 > 127 }
    }

    /// The part's own headers and its body, as `encodedBody` carries it.
    static func part(type: String, body: String, sevenBit: Bool) -> String {
        let (encoding, encoded) = encodedBody(body, sevenBit: sevenBit)
        return "Content-Type: \(type)\r\nContent-Transfer-Encoding: \(encoding.rawValue)\r\n\r\n\(encoded)"
    }

    /// A body with CRLF line ends, as it is (`7bit` for ASCII, `8bit` for other UTF-8, unless `sevenBit`) when every line
    /// fits 998 octets and it holds no NUL or lone CR; else quoted-printable.
    static func encodedBody(_ text: String, sevenBit: Bool) -> (BodyEncoding, String) {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false)
        let asItIs = lines.allSatisfy { line in
            line.utf8.count <= 998 && !line.utf8.contains(0) && !line.utf8.contains(13)
        }
        let ascii = text.utf8.allSatisfy { $0 < 128 }
        guard asItIs, ascii || !sevenBit else { return (.quotedPrintable, QuotedPrintable.encode(text)) }
        return (ascii ? .sevenBit : .eightBit, lines.joined(separator: "\r\n"))
    }

    static func inlinePart(_ part: MailMessage.InlinePart) -> String {
        let base64 = part.data.base64EncodedString(
            options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        return "Content-Type: \(headerSafe(part.contentType))\r\nContent-Transfer-Encoding: base64\r\n"
            + "Content-ID: <\(headerSafe(part.contentID))>\r\nContent-Disposition: inline\r\n\r\n\(base64)"
    }

    static func multipart(boundary: String, parts: [String]) -> String {
        parts.map { "--\(boundary)\r\n\($0)\r\n" }.joined() + "--\(boundary)--\r\n"
    }

    /// `Name <address>`, the name quoted or encoded as needed.
    static func mailbox(_ address: MailAddress) -> String {
        guard let name = address.name, !name.isEmpty else { return "<\(headerSafe(address.email))>" }
        let display: String
        if name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == " ") }) {
            display = name
        } else if name.allSatisfy({ $0.isASCII && !$0.isNewline && $0 != "\"" && $0 != "\\" }) {
            display = "\"\(name)\""
        } else {
            display = encodedWord(name, always: true)
        }
        return "\(display) <\(headerSafe(address.email))>"
    }

    /// RFC 2047 `=?utf-8?B?…?=` words for anything that is not printable ASCII, split so that no encoded word passes
    /// 75 characters and no character's bytes are split between words.
    static func encodedWord(_ text: String, always: Bool = false) -> String {
        let plain = text.allSatisfy { $0.isASCII && !$0.isNewline && ($0 == " " || !$0.isWhitespace) }
        if plain && !always && text.count <= 900 { return text }
        var words: [String] = []
        var chunk = ""
        for character in text where !character.isNewline {
            if (chunk + String(character)).utf8.count > 45 {
                words.append(chunk)
                chunk = ""
            }
            chunk.append(character)
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?utf-8?B?\(Data($0.utf8).base64EncodedString())?=" }.joined(separator: "\r\n ")
    }

    /// A header name is printable ASCII without spaces or a colon (RFC 5322 ftext); anything else is dropped.
    static func headerName(_ name: String) -> String {
        String(name.unicodeScalars.filter { $0.value >= 33 && $0.value <= 126 && $0 != ":" })
    }

    /// A header value cannot carry a line break: one would start a header of the sender's choosing.
    static func headerSafe(_ value: String) -> String {
        String(value.unicodeScalars.filter { $0 != "\r" && $0 != "\n" })
    }

    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}

/// Quoted-printable (RFC 2045): 7-bit safe, lines of at most 76 characters, every line break a CRLF.
enum QuotedPrintable {
    static func encode(_ text: String) -> String {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false)
        return lines.map { encodeLine(Array($0.utf8)) }.joined(separator: "\r\n")
    }

    private static func encodeLine(_ bytes: [UInt8]) -> String {
        var output = ""
        var lineLength = 0
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            var token: String
            let printable = (byte >= 33 && byte <= 126 && byte != 61) || ((byte == 32 || byte == 9) && !isLast)
            token = printable ? String(UnicodeScalar(byte)) : String(format: "=%02X", byte)
            // A line starting with a dot is written as-is: SMTP's dot-stuffing is the transport's job.
            if lineLength + token.count > 75 {
                output += "=\r\n"
                lineLength = 0
            }
            output += token
            lineLength += token.count
        }
        return output
    }
}
