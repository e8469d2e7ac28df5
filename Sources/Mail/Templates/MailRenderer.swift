import Foundation
import Mustache

/// A message as it is sent: subject, plain text and HTML.
public struct RenderedMail: Sendable, Equatable, Codable {
    public var subject: String
    public var text: String
    public var html: String
}

/// Renders every message: the catalog's words for the message and language, filled with the message's values, placed
/// by the one layout with the organization's name, logo, colours and footer. The catalog's strings are rendered as
/// plain text (values are not escaped there); the HTML layout escapes everything it places, so a buyer's name or an
/// organizer's message can never become markup.
public struct MailRenderer: Sendable {
    private let html: MustacheTemplate
    private let text: MustacheTemplate
    /// Every string of the catalog, parsed once.
    private let snippets: [String: MustacheTemplate]

    public init() {
        // The layouts are constants of this module, parsed by the tests: a parse error here is a programming error.
        html = try! MustacheTemplate(string: MailLayoutTemplates.html)
        text = try! MustacheTemplate(string: MailLayoutTemplates.text)
        var snippets: [String: MustacheTemplate] = [:]
        for language in MailLanguage.allCases {
            let common = MailCatalog.common(in: language)
            var strings = [
                common.greeting, common.greetingWithoutName, common.codeDescription, common.sentBy,
                common.changedSession, common.changedVenue,
            ]
            for template in MailTemplate.allCases {
                let wording = MailCatalog.wording(template, in: language)
                strings += [wording.subject] + wording.paragraphs + wording.after + (wording.action.map { [$0] } ?? [])
            }
            for string in strings { snippets[string] = Self.parse(string) }
        }
        self.snippets = snippets.compactMapValues { $0 }
    }

    private static func parse(_ snippet: String) -> MustacheTemplate? {
        try? MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + snippet)
    }

    public func render(_ content: MailContent, language: MailLanguage, layout: MailLayout) -> RenderedMail {
        let wording = MailCatalog.wording(content.template, in: language)
        let common = MailCatalog.common(in: language)
        var values: [String: Any] = content.values
        values["organization"] = layout.name
        func fill(_ snippet: String, adding extra: [String: String] = [:]) -> String {
            guard let template = snippets[snippet] ?? Self.parse(snippet) else { return snippet }
            return template.render(values.merging(extra) { _, new in new }).trimmingCharacters(
                in: .whitespacesAndNewlines)
        }
        let subject = fill(wording.subject).replacingOccurrences(of: "\n", with: " ")
        let greeting = content.values["name"].map { _ in fill(common.greeting) } ?? common.greetingWithoutName
        var context: [String: Any] = [
            "language": language.rawValue,
            "subject": subject,
            "greeting": greeting,
            "paragraphs": wording.paragraphs.map { fill($0) }.filter { !$0.isEmpty },
            "after": wording.after.map { fill($0) }.filter { !$0.isEmpty },
            "items": content.items,
            "hasItems": !content.items.isEmpty,
            "codes": content.codes.map {
                [
                    "contentID": $0.contentID, "label": $0.label,
                    "description": fill(common.codeDescription, adding: ["label": $0.label]),
                ]
            },
            "sentBy": fill(common.sentBy),
            "layout": layoutValues(layout),
        ]
        if let body = content.body {
            context["body"] = ["lines": body.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")]
        }
        if let link = content.link, let label = wording.action.map({ fill($0) }), !label.isEmpty {
            context["action"] = ["url": link, "label": label, "fallback": common.linkFallback]
        }
        if let unsubscribe = content.unsubscribeLink {
            context["unsubscribe"] = ["url": unsubscribe, "label": common.unsubscribe]
        }
        if let notMe = content.notMeLink {
            context["notMe"] = ["url": notMe, "label": common.notMe]
        }
        return RenderedMail(
            subject: subject, text: Self.tidy(text.render(context)), html: html.render(context))
    }

    /// One catalog string filled with values, as plain text (for lines a message builds from the catalog's parts).
    public static func fill(_ snippet: String, _ values: [String: String]) -> String {
        guard let template = parse(snippet) else { return snippet }
        return template.render(values).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The layout's values as the templates read them; an unset optional stays absent, so its section is skipped.
    private func layoutValues(_ layout: MailLayout) -> [String: Any] {
        var values: [String: Any] = [
            "name": layout.name, "primaryColor": layout.primaryColor, "backgroundColor": layout.backgroundColor,
        ]
        if let logo = layout.logoURL { values["logoURL"] = logo }
        if let footer = layout.footerAddress { values["footerAddress"] = footer }
        return values
    }

    /// No more than one empty line in a row, none at the end: sections that render nothing leave their blank lines.
    static func tidy(_ text: String) -> String {
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(line)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}

extension MailMessage {
    /// A message of rendered words: plain text first, then HTML.
    public init(
        from: MailAddress, to: [MailAddress], replyTo: MailAddress? = nil, rendered: RenderedMail,
        inline: [InlinePart] = [], headers: [(name: String, value: String)] = []
    ) {
        self.init(
            from: from, to: to, replyTo: replyTo, subject: rendered.subject, text: rendered.text, html: rendered.html,
            inline: inline, headers: headers)
    }
}
