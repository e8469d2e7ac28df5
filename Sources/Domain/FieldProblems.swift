import Foundation

/// Every problem found in one piece of input, keyed by the field that has it.
///
/// Validation collects all problems before refusing, so a client learns about every bad field at once
/// instead of fixing them one round trip at a time.
public struct FieldProblems: Sendable, Equatable, Error {
    /// Field path (`title`, `sessions[2].capacity`) to a human-readable problem.
    public private(set) var byField: [String: String] = [:]
    /// Fields refused by a rule the API document cannot state (a name that trimming leaves too short), not for a
    /// shape it states. Input whose every problem is such a rule is well formed: 422, not 400.
    public private(set) var ruleFields: Set<String> = []

    public init() {}

    public init(_ field: String, _ problem: String) {
        byField[field] = problem
    }

    public var isEmpty: Bool { byField.isEmpty }

    /// Whether every problem is a rule the document cannot state (see `ruleFields`).
    public var onlyRules: Bool { !isEmpty && byField.keys.allSatisfy(ruleFields.contains) }

    /// Records a problem with the field's shape; the first one recorded for a field wins, as it is usually the most
    /// basic, except that a shape problem replaces a rule's.
    public mutating func add(_ field: String, _ problem: String) {
        if byField[field] == nil || ruleFields.contains(field) {
            byField[field] = problem
            ruleFields.remove(field)
        }
    }

    /// Records `problem` for `field` unless `condition` holds.
    public mutating func require(_ condition: Bool, _ field: String, _ problem: @autoclosure () -> String) {
        if !condition { add(field, problem()) }
    }

    /// Records a refusal by a rule the API document cannot state, unless the field already has a problem.
    public mutating func refuse(_ field: String, _ problem: String) {
        guard byField[field] == nil else { return }
        byField[field] = problem
        ruleFields.insert(field)
    }

    /// Free text within `lengths`, returned trimmed as it is kept. The bounds are counted as the API document's
    /// `minLength`/`maxLength` count them, in code points of the text as sent, so text outside them is malformed;
    /// text within them that trimming leaves shorter than the minimum (`"  "`, `" ab"` for three) is refused by rule.
    /// A `singleLine` field (a title, a name) refuses line breaks anywhere, as its pattern in the document says.
    @discardableResult
    public mutating func requireText(
        _ text: String, _ field: String, lengths: ClosedRange<Int>, singleLine: Bool = false
    ) -> String {
        guard lengths.contains(text.unicodeScalars.count) else {
            add(field, "must be \(lengths.lowerBound) to \(lengths.upperBound) characters")
            return text
        }
        if singleLine, text.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" }) {
            add(field, Self.lineBreakProblem)
            return text
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.unicodeScalars.count < lengths.lowerBound {
            refuse(
                field,
                lengths.lowerBound == 1
                    ? "must not be blank"
                    : "must have at least \(lengths.lowerBound) characters besides surrounding spaces")
        }
        return trimmed
    }

    /// What a single-line field with a line break in it is told.
    public static let lineBreakProblem = "must be a single line (no line breaks)"

    /// Throws `self` when any problem was recorded.
    public func throwIfAny() throws(FieldProblems) {
        if !isEmpty { throw self }
    }
}
