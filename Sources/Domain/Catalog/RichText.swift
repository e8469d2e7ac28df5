import Foundation

/// Makes organizer-written HTML safe to show on any page: a short list of formatting tags survives, without
/// attributes (except a checked `href` on links); scripts, styles, event handlers and every other tag are removed,
/// and stray markup characters in text are escaped. Applied when a description is stored, so every reader gets
/// safe HTML whatever it does with it.
public enum RichText {
    static let allowedTags: Set<String> = [
        "p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "h2", "h3", "h4", "blockquote", "a",
    ]
    /// Tags whose content is dropped along with them.
    static let droppedWithContent: Set<String> = [
        "script", "style", "iframe", "object", "embed", "template", "noscript", "svg", "math",
    ]
    static let voidTags: Set<String> = ["br"]

    public static func sanitize(_ html: String) -> String {
        var output = ""
        var index = html.startIndex
        var open: [String] = []
        var skipping: String?
        while index < html.endIndex {
            let character = html[index]
            guard character == "<", let close = html[index...].firstIndex(of: ">") else {
                if skipping == nil { output += escape(character) }
                index = html.index(after: index)
                continue
            }
            let tag = Tag(html[html.index(after: index)..<close])
            index = html.index(after: close)
            if let skipped = skipping {
                if tag?.closing == true, tag?.name == skipped { skipping = nil }
                continue
            }
            guard let tag else { continue }
            if droppedWithContent.contains(tag.name) {
                if !tag.closing && !tag.selfClosing { skipping = tag.name }
                continue
            }
            guard allowedTags.contains(tag.name) else { continue }
            if tag.closing {
                if let position = open.lastIndex(of: tag.name) {
                    for name in open[position...].reversed() { output += "</\(name)>" }
                    open.removeSubrange(position...)
                }
            } else if voidTags.contains(tag.name) {
                output += "<\(tag.name)>"
            } else if tag.name == "a" {
                if let href = tag.safeHref {
                    output += "<a href=\"\(escapeAttribute(href))\" rel=\"nofollow noopener noreferrer\">"
                } else {
                    output += "<a>"
                }
                open.append("a")
            } else {
                output += "<\(tag.name)>"
                open.append(tag.name)
            }
        }
        for name in open.reversed() { output += "</\(name)>" }
        return output
    }

    static func escape(_ character: Character) -> String {
        switch character {
        case "<": "&lt;"
        case ">": "&gt;"
        case "&": "&amp;"
        case "\"": "&quot;"
        default: String(character)
        }
    }

    static func escapeAttribute(_ text: String) -> String {
        text.map(escape).joined()
    }

    struct Tag {
        var name: String
        var closing: Bool
        var selfClosing: Bool
        var attributes: Substring

        init?(_ inside: Substring) {
            var body = inside.drop { $0 == " " }
            closing = body.first == "/"
            if closing { body = body.dropFirst() }
            selfClosing = body.last == "/"
            let name = body.prefix { $0.isLetter || $0.isNumber }
            guard !name.isEmpty else { return nil }
            self.name = name.lowercased()
            attributes = body.dropFirst(name.count)
        }

        /// An `href` with an http, https or mailto scheme; anything else (`javascript:`, `data:`) is dropped.
        var safeHref: String? {
            guard let range = attributes.range(of: "href", options: .caseInsensitive) else { return nil }
            var rest = attributes[range.upperBound...].drop { $0 == " " }
            guard rest.first == "=" else { return nil }
            rest = rest.dropFirst().drop { $0 == " " }
            let value: Substring
            if let quote = rest.first, quote == "\"" || quote == "'" {
                value = rest.dropFirst().prefix { $0 != quote }
            } else {
                value = rest.prefix { !$0.isWhitespace && $0 != "/" }
            }
            // Printable ASCII only: control characters and spaces can hide a scheme ("java\tscript:").
            let cleaned = value.filter { $0.asciiValue.map { $0 > 0x20 && $0 < 0x7F } ?? false }
            let lower = cleaned.lowercased()
            guard lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:") else {
                return nil
            }
            return String(cleaned)
        }
    }
}
