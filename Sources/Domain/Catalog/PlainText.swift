import Foundation

/// Fields that are plain text (titles, names, short descriptions, policies, categories, addresses) refuse markup: an
/// HTML tag in them is a mistake or an attack, and pages and emails show them as text anyway. Only an event's full
/// description takes (sanitised) markup: `RichText`.
public enum PlainText {
    /// Whether `text` holds something a browser would read as a tag or comment (`<b`, `</`, `<!--`, `<?`).
    public static func hasMarkup(_ text: String) -> Bool {
        text.range(of: #"<[A-Za-z/!?]"#, options: .regularExpression) != nil
    }

    public static let problem = "must be plain text (no HTML tags)"
}

extension FieldProblems {
    /// Refuses markup in a plain-text field.
    public mutating func requirePlainText(_ text: String?, _ field: String) {
        if let text { require(!PlainText.hasMarkup(text), field, PlainText.problem) }
    }
}

/// Absolute http(s) URLs that parse, with nothing a page could be tricked by (quotes, angle brackets, spaces).
public enum WebURL {
    public static func isValid(_ text: String) -> Bool {
        guard text.count <= 2000, !text.contains(where: { "\"'<>\\` ".contains($0) || $0.isWhitespace }),
            let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = url.host, !host.isEmpty
        else { return false }
        return true
    }
}
