public import Domain
public import Foundation
public import Hummingbird

/// Reads the query string of a request by the API document: every parameter the operation documents is checked
/// against its schema when the reader is made (type, format, range, enumeration, pattern, the document's words in the
/// problem), and a parameter left out reads as the schema's `default`. A list endpoint answers one 400 naming each bad
/// parameter. Reading a parameter the document does not describe is this server's defect, refused as such.
public struct QueryReader {
    /// The query string's fields, read as HTML forms and `URLSearchParams` write them: `+` is a space, then
    /// percent-decoding (`%2B` is a plus); the first of a repeated name counts.
    let parameters: [String: String]
    /// The operation's documented query parameters' schemas, by name.
    let documented: [String: JSONValue]
    public private(set) var problems = FieldProblems()
    /// Parameters read that the document does not describe.
    private var undocumented: [String] = []
    /// Parameters read by their default that the document states none for.
    private var missingDefaults: [String] = []

    public init(_ request: Request, context: some RequestContext) {
        parameters = Self.fields(of: request.uri.query)
        documented =
            context.endpointPath.map {
                APIContract.shared.parameters(in: "query", method: request.method.rawValue, path: $0)
            } ?? [:]
        for (name, schema) in documented.sorted(by: { $0.key < $1.key }) {
            guard let raw = parameters[name] else { continue }
            for (field, problem) in APIContract.shared.problems(ofParameter: name, raw: raw, schema: schema).byField {
                problems.add(field, problem)
            }
        }
    }

    /// Whether the operation takes `name` (a filter shared by lists of which only some take it).
    public func takes(_ name: String) -> Bool { documented[name] != nil }

    public mutating func string(_ name: String) -> String? {
        read(name)
    }

    public mutating func uuid(_ name: String) -> UUID? {
        guard let raw = read(name) else { return nil }
        let id = UUID(uuidString: raw)
        problems.require(id != nil, name, "must be a UUID")
        return id
    }

    public mutating func date(_ name: String) -> Date? {
        guard let raw = read(name) else { return nil }
        guard let date = ISO8601Instant.parse(raw) else {
            problems.add(name, "must be an RFC 3339 date-time in the years 0001 to 9999, such as 2026-06-01T12:00:00Z")
            return nil
        }
        return date
    }

    /// The whole number sent, or the document's default for it (nil when it states none).
    public mutating func integer(_ name: String) -> Int? {
        guard let raw = read(name) else {
            if case .int(let fallback)? = APIContract.defaultValue(of: documented[name]) { return fallback }
            return nil
        }
        guard let value = Int(raw) else {
            problems.add(name, "must be an integer")
            return nil
        }
        return value
    }

    /// The whole number sent, or the document's default for it: a parameter read this way must state one (a list's
    /// `page` and `perPage`), or the read is refused as this server's defect.
    public mutating func integerOrDefault(_ name: String) -> Int {
        if let value = integer(name) { return value }
        if parameters[name] == nil { missingDefaults.append(name) }
        return 0
    }

    /// `true` or `false` as sent, or the document's default for it (false when it states none).
    public mutating func boolean(_ name: String) -> Bool {
        guard let raw = read(name) else {
            if case .bool(let fallback)? = APIContract.defaultValue(of: documented[name]) { return fallback }
            return false
        }
        problems.require(["true", "false"].contains(raw), name, "must be true or false")
        return raw == "true"
    }

    /// One of `T`'s values, which the document lists as the parameter's enumeration.
    public mutating func choice<T: RawRepresentable>(_ name: String, as type: T.Type) -> T? where T.RawValue == String {
        guard let raw = read(name) else { return nil }
        let value = T(rawValue: raw)
        problems.require(value != nil, name, "is not one of the values this server knows")
        return value
    }

    /// Records a problem found by a rule the document cannot state (a topic that is not an email's).
    public mutating func report(_ name: String, _ problem: String) {
        problems.add(name, problem)
    }

    public func throwIfAny() throws {
        guard undocumented.isEmpty, missingDefaults.isEmpty else {
            throw UndocumentedParameters(names: undocumented + missingDefaults.map { "\($0) (its default)" })
        }
        try problems.throwIfAny()
    }

    static func fields(of query: String?) -> [String: String] {
        func decoded(_ text: Substring) -> String {
            let spaced = text.replacingOccurrences(of: "+", with: " ")
            return spaced.removingPercentEncoding ?? spaced
        }
        var fields: [String: String] = [:]
        for pair in (query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decoded(parts[0])
            if fields[name] == nil { fields[name] = parts.count > 1 ? decoded(parts[1]) : "" }
        }
        return fields
    }

    private mutating func read(_ name: String) -> String? {
        if documented[name] == nil { undocumented.append(name) }
        return parameters[name]
    }
}

/// A handler read query or path parameters its operation in the API document does not describe: a defect of this server,
/// answered 500 and logged with the names (see `ErrorMiddleware`), never read unchecked.
struct UndocumentedParameters: Error, CustomStringConvertible {
    let names: [String]
    var description: String { "parameters not in the API document: \(names.joined(separator: ", "))" }
}
