public import Domain
public import Foundation
public import Hummingbird

/// Reads typed query-string parameters, collecting a problem for every malformed one, so a list endpoint answers
/// one 400 naming each bad parameter.
public struct QueryReader {
    let parameters: Parameters
    public private(set) var problems = FieldProblems()

    public init(_ parameters: Parameters) {
        self.parameters = parameters
    }

    public func string(_ name: String) -> String? {
        parameters.get(name)
    }

    public mutating func uuid(_ name: String) -> UUID? {
        guard let raw = parameters.get(name) else { return nil }
        let id = UUID(uuidString: raw)
        problems.require(id != nil, name, "must be a UUID")
        return id
    }

    public mutating func date(_ name: String) -> Date? {
        guard let raw = parameters.get(name) else { return nil }
        guard let date = ISO8601Instant.parse(raw) else {
            problems.add(name, "must be an RFC 3339 date-time in the years 0001 to 9999, such as 2026-06-01T12:00:00Z")
            return nil
        }
        return date
    }

    public mutating func integer(_ name: String, in range: ClosedRange<Int>, default fallback: Int) -> Int {
        guard let raw = parameters.get(name) else { return fallback }
        guard let value = Int(raw), range.contains(value) else {
            problems.add(name, "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            return fallback
        }
        return value
    }

    public mutating func boolean(_ name: String, default fallback: Bool) -> Bool {
        guard let raw = parameters.get(name) else { return fallback }
        problems.require(["true", "false"].contains(raw), name, "must be true or false")
        return raw == "true"
    }

    /// A value one of `T`'s raw values must match; `allowed` names them in the problem.
    public mutating func choice<T: RawRepresentable>(_ name: String, as type: T.Type, allowed: String) -> T?
    where T.RawValue == String {
        guard let raw = parameters.get(name) else { return nil }
        let value = T(rawValue: raw)
        problems.require(value != nil, name, "must be \(allowed)")
        return value
    }

    /// Records a problem found by the caller's own parsing.
    public mutating func report(_ name: String, _ problem: String) {
        problems.add(name, problem)
    }

    public func throwIfAny() throws {
        try problems.throwIfAny()
    }
}
