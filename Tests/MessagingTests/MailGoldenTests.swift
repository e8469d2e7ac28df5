import Domain
import Foundation
import Mail
import Messaging
import TestSupport
import Testing

/// Golden files of every message: what a person receives, kept beside this file, so that a change to a message's words
/// or layout shows as a diff in review.
///
/// Each `MailTemplate` in each `MailLanguage` is rendered from its sample content (`MailTemplate.sample`, what the
/// preview endpoint shows) the way production makes it: `MailRenderer` in the installation's layout, with the "not me"
/// link every sent message carries, as a `MailMessage` written by the file transport (`FileMailer`: the bytes SMTP
/// sends too) at a fixed instant (`TestClock.t0`) drawing from seeded randomness (`SeededRandomSource`). The written
/// message is read back as a mail client reads it (the subject decoded, each part decoded from its transfer encoding) and
/// compared byte for byte with
///
///     Golden/mail/<template>.<language>.txt    "Subject: …", an empty line, then the plain-text part
///     Golden/mail/<template>.<language>.html   the HTML part
///
/// each ending with one newline. `Golden/mail/branded/` holds the order confirmation in an organization's look (logo,
/// colours, footer address, its time zone), which the samples alone never show. The QR codes' images are not kept:
/// the HTML shows where they go (`cid:`).
///
/// A changed message fails here with its first differing lines. When the change is meant, re-record and commit the
/// golden files with it, so the reviewer reads the message's diff:
///
///     BOXOFFICE_RECORD_GOLDEN=1 swift test --skip-build --filter MailGoldenTests
///
/// With `BOXOFFICE_RECORD_GOLDEN=1` the files are rewritten instead of compared (the run passes and prints which files
/// changed). The files are found from this source file (`#filePath`), whatever the working directory. A new template
/// fails `everyTemplateHasGoldenFiles` until its files are recorded. docs/testing.md, "Golden files", says more.
@Suite struct MailGoldenTests {
    @Test(arguments: MailTemplate.allCases)
    func everyMessageMatchesItsGoldenFiles(_ template: MailTemplate) async throws {
        for language in MailLanguage.allCases {
            let received = try await GoldenMail.receive(
                template.sample(MailFormat(language)), language: language, layout: .installation)
            try GoldenFiles.check(received, as: "\(template.rawValue).\(language.rawValue)")
        }
    }

    /// An organization's logo, colours and footer address, and its time zone in the message's dates (the sample
    /// session starts 18:00 UTC: 19:00 in Berlin in December).
    @Test(arguments: MailLanguage.allCases)
    func aMessageInAnOrganizationsLookMatchesItsGoldenFiles(_ language: MailLanguage) async throws {
        let brand = MailBrand(
            language: language,
            layout: MailLayout(
                name: "Rope Studio",
                logoURL: "https://tickets.example.org/api/organizations/5e0c2a4f-9d1b-4c3e-8f7a-2b6d1e9c0a53/logo",
                primaryColor: "#aa3300", backgroundColor: "#fdf6ee", footerAddress: "Seilstraße 1, 10115 Berlin"),
            timeZone: try #require(TimeZone(identifier: "Europe/Berlin")))
        let template = MailTemplate.orderConfirmation
        let received = try await GoldenMail.receive(
            template.sample(brand.format), language: brand.language, layout: brand.layout)
        try GoldenFiles.check(received, as: "branded/\(template.rawValue).\(language.rawValue)")
    }

    /// Every message in every language has both files, and no file is left of a message that is gone.
    @Test func everyTemplateHasGoldenFiles() throws {
        let expected = Set(
            MailTemplate.allCases.flatMap { template in
                MailLanguage.allCases.flatMap { language in
                    ["txt", "html"].map { "\(template.rawValue).\(language.rawValue).\($0)" }
                }
            })
        let present = Set(
            ((try? FileManager.default.contentsOfDirectory(atPath: GoldenFiles.directory.path)) ?? []).filter {
                !$0.hasPrefix(".") && ($0.hasSuffix(".txt") || $0.hasSuffix(".html"))
            })
        // While recording, the other tests are writing the missing ones.
        if !GoldenFiles.recording {
            let missing = expected.subtracting(present).sorted()
            #expect(
                missing.isEmpty,
                "no golden files for \(missing.joined(separator: ", ")): record them with \(GoldenFiles.recordCommand)")
        }
        let stray = present.subtracting(expected).sorted()
        #expect(
            stray.isEmpty,
            "golden files of no message (renamed or removed?): \(stray.joined(separator: ", ")); git rm them")
    }
}

/// A message rendered, sent through the file transport and read back.
private enum GoldenMail {
    /// The instant every golden message is sent at.
    static let clock = AppClock.fixed(TestClock.t0)
    /// Where the installation's pages are, in the samples' links.
    static let publicURL = "https://tickets.example.org"

    static func receive(_ content: MailContent, language: MailLanguage, layout: MailLayout) async throws
        -> ReceivedMail
    {
        try await Randomness.$source.withValue(SeededRandomSource(seed: 1)) {
            var content = content
            // Every sent message carries its address's "not me" link (`MailConsent.admit` sets it from the address's
            // token, an `OpaqueToken`: 32 random bytes, URL-safe base64).
            let token = Data(Randomness.bytes(32)).base64EncodedString().replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
            content.notMeLink = "\(publicURL)/mail/not-me?token=\(token)"
            // What `MailComposer.message` makes: `MailComposer.render` is the renderer with the brand's language and
            // layout.
            let rendered = MailRenderer().render(content, language: language, layout: layout)
            let message = MailMessage(
                from: MailAddress("tickets@example.org", name: "BoxOffice Tickets"),
                to: [MailAddress("ada@example.org", name: "Ada Lovelace")], rendered: rendered)

            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "boxoffice-golden-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            try await FileMailer(directory: folder, clock: clock).send(message)
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            let file = try #require(files.count == 1 ? files.first : nil, "one message written: \(files)")
            let eml = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let received = try ReceivedMail(eml: eml)
            // The transport's encoding loses nothing: what arrives is what was rendered.
            #expect(
                received == ReceivedMail(subject: rendered.subject, text: rendered.text, html: rendered.html),
                "\(content.template.rawValue) (\(language.rawValue)): the MIME message changed the words")
            return received
        }
    }
}

/// The golden files: where they are, and comparing or recording one message's.
private enum GoldenFiles {
    /// `Golden/mail` beside this source file.
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden").appendingPathComponent("mail")

    static let recording = ProcessInfo.processInfo.environment["BOXOFFICE_RECORD_GOLDEN"] == "1"

    static let recordCommand = "BOXOFFICE_RECORD_GOLDEN=1 swift test --skip-build --filter MailGoldenTests"

    /// Compares `mail` with the files named `name` (`order-confirmation.en`), or writes them when recording.
    static func check(_ mail: ReceivedMail, as name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let files = [
            ("\(name).txt", "Subject: \(mail.subject)\n\n\(mail.text)\n"),
            ("\(name).html", (mail.html ?? "") + "\n"),
        ]
        for (file, content) in files {
            let url = directory.appendingPathComponent(file)
            let existing = try? Data(contentsOf: url)
            if existing == Data(content.utf8) { continue }
            if recording {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(content.utf8).write(to: url)
                print("recorded Golden/mail/\(file)")
            } else if let existing {
                Issue.record(
                    """
                    Golden/mail/\(file) differs from the message as rendered now:
                    \(difference(String(decoding: existing, as: UTF8.self), content))
                    If the change is meant, re-record: \(recordCommand)
                    """, sourceLocation: sourceLocation)
            } else {
                Issue.record(
                    "Golden/mail/\(file) is missing: record it with \(recordCommand)", sourceLocation: sourceLocation)
            }
        }
    }

    /// The lines that differ, between the lines both share at the start and at the end: a few of each side.
    static func difference(_ old: String, _ new: String) -> String {
        let before = old.split(separator: "\n", omittingEmptySubsequences: false)
        let after = new.split(separator: "\n", omittingEmptySubsequences: false)
        var prefix = 0
        while prefix < min(before.count, after.count), before[prefix] == after[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < min(before.count, after.count) - prefix,
            before[before.count - 1 - suffix] == after[after.count - 1 - suffix]
        {
            suffix += 1
        }
        let removed = before[prefix..<(before.count - suffix)]
        let added = after[prefix..<(after.count - suffix)]
        // Strings compare by canonical equivalence; the files, by bytes.
        if removed.isEmpty && added.isEmpty { return "the same text in other bytes (Unicode normalization?)" }
        func shown(_ lines: ArraySlice<Substring>, _ mark: String) -> [String] {
            let limit = 6
            var out = lines.prefix(limit).map { line in
                "\(mark) " + (line.count > 160 ? String(line.prefix(160)) + "…" : String(line))
            }
            if lines.count > limit { out.append("\(mark) … (\(lines.count - limit) more)") }
            return out
        }
        return
            (["from line \(prefix + 1): \(removed.count) line(s) in the file, \(added.count) rendered now"]
            + shown(removed, "-") + shown(added, "+")).joined(separator: "\n")
    }
}

/// A message as a mail client reads it: the subject decoded (RFC 2047), the text and HTML parts decoded from their
/// transfer encoding (as written, or quoted-printable), their line ends as `\n`.
private struct ReceivedMail: Equatable {
    var subject: String
    var text: String
    var html: String?

    init(subject: String, text: String, html: String?) {
        self.subject = subject
        self.text = text
        self.html = html
    }

    init(eml: String) throws {
        let (head, body) = try Self.split(eml)
        let headers = Self.headers(head)
        subject = try Self.decodeWords(headers["subject"] ?? "")
        var parts: [String: String] = [:]
        try Self.collect(headers, body, into: &parts)
        guard let text = parts["text/plain"] else { throw GoldenMailError("no text/plain part") }
        self.text = text
        html = parts["text/html"]
    }

    struct GoldenMailError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// The head and the body of a message or part.
    static func split(_ entity: String) throws -> (head: String, body: String) {
        guard let blank = entity.range(of: "\r\n\r\n") else { throw GoldenMailError("no empty line after the head") }
        return (String(entity[..<blank.lowerBound]), String(entity[blank.upperBound...]))
    }

    /// The head's fields by lowercased name, folded lines unfolded.
    static func headers(_ head: String) -> [String: String] {
        var fields: [(name: String, value: String)] = []
        for line in head.components(separatedBy: "\r\n") {
            if line.hasPrefix(" ") || line.hasPrefix("\t"), !fields.isEmpty {
                fields[fields.count - 1].value += line
            } else if let colon = line.firstIndex(of: ":") {
                fields.append(
                    (
                        line[..<colon].lowercased(),
                        line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                    ))
            }
        }
        return Dictionary(fields.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// Each text part's decoded content by its type, multiparts walked.
    static func collect(_ headers: [String: String], _ body: String, into parts: inout [String: String]) throws {
        let contentType = headers["content-type"] ?? "text/plain"
        let type = contentType.split(separator: ";")[0].trimmingCharacters(in: .whitespaces).lowercased()
        if type.hasPrefix("multipart/") {
            guard let start = contentType.range(of: "boundary=\""),
                let end = contentType[start.upperBound...].firstIndex(of: "\"")
            else { throw GoldenMailError("\(type) without a boundary") }
            let delimiter = "\r\n--" + String(contentType[start.upperBound..<end])
            for segment in ("\r\n" + body).components(separatedBy: delimiter).dropFirst() {
                if segment.hasPrefix("--") { break }
                guard segment.hasPrefix("\r\n") else { throw GoldenMailError("a boundary not on a line of its own") }
                // "\r\n" is one `Character`.
                let (head, content) = try split(String(segment.dropFirst("\r\n".count)))
                try collect(Self.headers(head), content, into: &parts)
            }
            return
        }
        guard type.hasPrefix("text/") else { return }
        guard parts[type] == nil else { throw GoldenMailError("two \(type) parts") }
        switch headers["content-transfer-encoding"]?.lowercased() {
        case "quoted-printable": parts[type] = try decodeQuotedPrintable(body)
        // Sent as written (lines within 998 octets): only the line ends are the wire's.
        case "7bit", "8bit": parts[type] = body.replacingOccurrences(of: "\r\n", with: "\n")
        case let other: throw GoldenMailError("\(type) in \(other ?? "no") transfer encoding")
        }
    }

    /// RFC 2045 quoted-printable: soft line breaks removed, `=XX` as its byte, line ends as `\n`.
    static func decodeQuotedPrintable(_ encoded: String) throws -> String {
        let bytes = Array(encoded.utf8)
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "=") else {
                out.append(bytes[index])
                index += 1
                continue
            }
            let next = bytes[(index + 1)..<min(index + 3, bytes.count)]
            if next.elementsEqual("\r\n".utf8) {
                index += 3
            } else if next.count == 2, let byte = UInt8(String(decoding: next, as: UTF8.self), radix: 16) {
                out.append(byte)
                index += 3
            } else {
                throw GoldenMailError("a stray '=' in quoted-printable")
            }
        }
        guard let text = String(bytes: out, encoding: .utf8) else { throw GoldenMailError("not UTF-8") }
        return text.replacingOccurrences(of: "\r\n", with: "\n")
    }

    /// RFC 2047: a value of `=?utf-8?B?…?=` words (the only kind `MIMEMessage` writes) as its text; plain values as
    /// they are.
    static func decodeWords(_ value: String) throws -> String {
        guard value.contains("=?") else { return value }
        var bytes = Data()
        for word in value.split(whereSeparator: \.isWhitespace) {
            let prefix = "=?utf-8?B?"
            guard word.lowercased().hasPrefix(prefix.lowercased()), word.hasSuffix("?="),
                let data = Data(base64Encoded: String(word.dropFirst(prefix.count).dropLast(2)))
            else { throw GoldenMailError("not an encoded word: \(word)") }
            bytes.append(data)
        }
        guard let text = String(data: bytes, encoding: .utf8) else { throw GoldenMailError("not UTF-8") }
        return text
    }
}
