import Domain
import Foundation
import Synchronization

/// What a client is told when text breaks one of the patterns the API document names in `x-patterns` (free text,
/// a line, text without markup, an email address); any other pattern is quoted as it is.
enum KnownPatterns {
    /// A document's `x-patterns`, pattern to name.
    static func names(in document: JSONValue) -> [String: String] {
        let named = document["x-patterns"]?.objectValue ?? [:]
        return Dictionary(named.compactMap { name, pattern in pattern.stringValue.map { ($0, name) } }) { first, _ in
            first
        }
    }

    /// What is wrong with `text`, which does not match `pattern`: for a named pattern, the first of its parts the text
    /// breaks (control characters, a line break, a tag, nothing but spaces), in plain words.
    static func problem(for pattern: String, names: [String: String], text: String) -> String {
        guard let name = names[pattern] else { return "must match the pattern \(pattern)" }
        if name == "email" { return "must be an email address (name@example.org)" }
        if ControlCharacters.contains(text) {
            return ControlCharacters.problem
        }
        if name.hasPrefix("line"), text.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" }) {
            return FieldProblems.lineBreakProblem
        }
        if name.hasSuffix("WithoutMarkup") || name.hasSuffix("withoutMarkup") { return PlainText.problem }
        if name == "nonBlankText" { return "must not be blank" }
        return "must match the pattern \(pattern)"
    }
}

/// Compiled patterns, each made once. JSON Schema's patterns are ECMA-262 expressions, unanchored; ICU's (under
/// NSRegularExpression) read the same for the document's constructs, but its `$` also matches before a final line
/// break, so a trailing `$` is read as `\z`, the very end, as ECMA-262 reads it.
final class PatternCache: Sendable {
    private let compiled = Mutex<[String: Compiled]>([:])

    /// An expression is immutable once made and safe to use from any thread.
    private struct Compiled: @unchecked Sendable {
        let expression: NSRegularExpression?
    }

    func matches(_ text: String, _ pattern: String) -> Bool {
        let expression = compiled.withLock { cache in
            if let known = cache[pattern] { return known.expression }
            let made = Compiled(expression: try? NSRegularExpression(pattern: Self.strictEnd(pattern)))
            cache[pattern] = made
            return made.expression
        }
        // A pattern ICU cannot read is the document's defect, found by APIContractTests; text is not refused for it.
        guard let expression else { return true }
        let range = NSRange(text.startIndex..., in: text)
        return expression.firstMatch(in: text, range: range) != nil
    }

    static func strictEnd(_ pattern: String) -> String {
        guard pattern.hasSuffix("$") else { return pattern }
        let body = pattern.dropLast()
        let escapes = body.reversed().prefix { $0 == "\\" }.count
        return escapes % 2 == 0 ? body + "\\z" : pattern
    }
}
