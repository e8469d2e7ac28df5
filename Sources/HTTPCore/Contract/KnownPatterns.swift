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
        if name.hasSuffix("WithoutMarkup") { return PlainText.problem }
        if name == "nonBlankText" { return "must not be blank" }
        return "must match the pattern \(pattern)"
    }
}

/// Exact Swift readings of the document's most used patterns, keyed by the pattern each was written for, so a pattern
/// the document changes is read by ICU again. They answer as the expressions do for every text (a test holds them to
/// ICU's answers), but in one pass: ICU backtracks through a grouped pattern such as `(?:[^<…]|<(?!…))*`, and past
/// its backtracking limit (which long text such as a policy of several hundred kilobytes may reach) it reports no
/// match, which would refuse good text.
package enum PatternReadings {
    package typealias Reading = @Sendable (String) -> Bool

    /// The control characters text may not hold (all but tab, line feed and carriage return), as the patterns say.
    static let controls = #"\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F"#

    package static let readings: [String: Reading] = [
        // text
        "^[^" + controls + "]*$": { !ControlCharacters.contains($0) },
        // line
        "^[^" + controls + #"\n\r]*$"#: { text in !ControlCharacters.contains(text) && !hasLineBreak(text) },
        // textWithoutMarkup
        "^(?:[^<" + controls + "]|<(?![A-Za-z/!?]))*$": { text in
            !ControlCharacters.contains(text) && !hasTag(text)
        },
        // lineWithoutMarkup
        "^(?:[^<" + controls + #"\n\r]|<(?![A-Za-z/!?]))*$"#: { text in
            !ControlCharacters.contains(text) && !hasLineBreak(text) && !hasTag(text)
        },
        // nonBlankText
        "^[^" + controls + "]*[^" + #"\s"# + controls + "][^" + controls + "]*$": { text in
            !ControlCharacters.contains(text) && text.unicodeScalars.contains { !isECMAWhitespace($0) }
        },
    ]

    static func hasLineBreak(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 == "\n" || $0 == "\r" }
    }

    /// A `<` that starts a tag, comment or instruction: followed by a letter, `/`, `!` or `?`.
    static func hasTag(_ text: String) -> Bool {
        var afterOpening = false
        for scalar in text.unicodeScalars {
            let startsTag =
                ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar) || "/!?".unicodeScalars.contains(scalar)
            if afterOpening, startsTag { return true }
            afterOpening = scalar == "<"
        }
        return false
    }

    /// ECMA-262's `\s`: its WhiteSpace (tab, vertical tab, form feed, space, no-break space, U+FEFF and every space
    /// separator) and its LineTerminators (line feed, carriage return, U+2028, U+2029).
    static func isECMAWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0xA0, 0xFEFF, 0x2028, 0x2029: true
        default: scalar.properties.generalCategory == .spaceSeparator
        }
    }
}

/// Compiled patterns, each made once. JSON Schema's patterns are ECMA-262 expressions, unanchored; ICU's (under
/// NSRegularExpression) read the same for the document's constructs, but its `$` also matches before a final line
/// break, so a trailing `$` is read as `\z`, the very end, as ECMA-262 reads it.
package final class PatternCache: Sendable {
    private let compiled = Mutex<[String: Compiled]>([:])

    /// An expression is immutable once made and safe to use from any thread.
    private struct Compiled: @unchecked Sendable {
        let expression: NSRegularExpression?
    }

    package init() {}

    package func matches(_ text: String, _ pattern: String) -> Bool {
        if let reading = PatternReadings.readings[pattern] { return reading(text) }
        return icuMatches(text, pattern)
    }

    /// The pattern read by ICU, whatever readings there are (the test of the readings compares with this).
    package func icuMatches(_ text: String, _ pattern: String) -> Bool {
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
