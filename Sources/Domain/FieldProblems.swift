/// Every problem found in one piece of input, keyed by the field that has it.
///
/// Validation collects all problems before refusing, so a client learns about every bad field at once
/// instead of fixing them one round trip at a time.
public struct FieldProblems: Sendable, Equatable, Error {
    /// Field path (`title`, `sessions[2].capacity`) to a human-readable problem.
    public private(set) var byField: [String: String] = [:]

    public init() {}

    public init(_ field: String, _ problem: String) {
        byField[field] = problem
    }

    public var isEmpty: Bool { byField.isEmpty }

    /// Records a problem; the first one recorded for a field wins, as it is usually the most basic.
    public mutating func add(_ field: String, _ problem: String) {
        if byField[field] == nil { byField[field] = problem }
    }

    /// Records `problem` for `field` unless `condition` holds.
    public mutating func require(_ condition: Bool, _ field: String, _ problem: @autoclosure () -> String) {
        if !condition { add(field, problem()) }
    }

    /// Throws `self` when any problem was recorded.
    public func throwIfAny() throws(FieldProblems) {
        if !isEmpty { throw self }
    }
}
