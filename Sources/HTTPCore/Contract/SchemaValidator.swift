public import Domain
import Foundation

/// Checks a JSON value against a schema of the API document, naming each field that breaks a rule in the words a
/// client reads (`title`: "must be 3 to 200 characters").
///
/// It reads the part of JSON Schema the document uses: type, properties, required, additionalProperties, items, enum,
/// const, anyOf, oneOf, allOf, not, $ref, the formats uuid and date-time, pattern, minimum, maximum,
/// exclusiveMinimum, exclusiveMaximum, minLength, maxLength (in Unicode code points, as JSON Schema counts),
/// minItems, maxItems and uniqueItems. `APIContractTests` fails when the document uses a keyword this does not know,
/// so no rule of the document can be silently skipped.
public struct SchemaValidator: Sendable {
    /// The keywords this validator enforces, and those that only describe.
    public static let enforced: Set<String> = [
        "$ref", "type", "properties", "required", "additionalProperties", "items", "enum", "const", "anyOf", "oneOf",
        "allOf", "not", "format", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
        "minLength", "maxLength", "minItems", "maxItems", "uniqueItems",
    ]
    public static let descriptive: Set<String> = [
        "description", "title", "example", "examples", "default", "deprecated", "readOnly", "writeOnly",
        "contentEncoding", "contentMediaType",
    ]

    private let schemas: [String: JSONValue]
    private let patterns: PatternCache
    private let patternNames: [String: String]

    public init(document: JSONValue) {
        schemas = document["components"]?["schemas"]?.objectValue ?? [:]
        patterns = PatternCache()
        patternNames = KnownPatterns.names(in: document)
    }

    /// Every problem of `value` against `schema`, keyed by the field's dotted path (`attendees[1].name`; `body` for
    /// the whole).
    public func problems(of value: JSONValue, against schema: JSONValue) -> FieldProblems {
        var problems = FieldProblems()
        check(value, schema, path: "", into: &problems)
        return problems
    }

    /// Whether `value` meets `schema`.
    public func accepts(_ value: JSONValue, _ schema: JSONValue) -> Bool {
        problems(of: value, against: schema).isEmpty
    }

    private func check(_ value: JSONValue, _ schema: JSONValue, path: String, into problems: inout FieldProblems) {
        guard case .object(let rules) = schema else {
            if schema == .bool(false) { problems.add(Self.name(path), "is not allowed") }
            return
        }
        if let reference = rules["$ref"]?.stringValue {
            if let target = resolve(reference) { check(value, target, path: path, into: &problems) }
        }
        if let type = rules["type"] {
            let allowed = type.arrayValue?.compactMap(\.stringValue) ?? [type.stringValue ?? ""]
            guard allowed.contains(where: { Self.value(value, hasType: $0) }) else {
                problems.add(Self.name(path), Self.typeProblem(allowed, value))
                return
            }
        }
        if case .array(let options)? = rules["enum"], !options.contains(value) {
            let names = options.filter { $0 != .null }.map(Self.display).joined(separator: ", ")
            problems.add(Self.name(path), "must be one of \(names)")
            return
        }
        if let constant = rules["const"], constant != value {
            problems.add(Self.name(path), "must be \(Self.display(constant))")
            return
        }
        if let not = rules["not"], accepts(value, not) {
            problems.add(Self.name(path), not["type"] == "null" ? "must not be null" : "is not allowed here")
            return
        }
        switch value {
        case .object(let members): checkObject(members, rules, path: path, into: &problems)
        case .array(let items): checkArray(items, rules, path: path, into: &problems)
        case .string(let text): checkString(text, rules, path: path, into: &problems)
        case .int, .double: checkNumber(value, rules, path: path, into: &problems)
        case .bool, .null: break
        }
        if case .array(let parts)? = rules["allOf"] {
            for part in parts { check(value, part, path: path, into: &problems) }
        }
        for keyword in ["anyOf", "oneOf"] {
            guard case .array(let options)? = rules[keyword] else { continue }
            let passing = options.filter { accepts(value, $0) }.count
            if passing == 0 {
                alternativesProblem(value, options, path: path, into: &problems)
            } else if keyword == "oneOf", passing > 1 {
                problems.add(Self.name(path), "matches more than one of its allowed forms")
            }
        }
    }

    private func checkObject(
        _ members: [String: JSONValue], _ rules: [String: JSONValue], path: String, into problems: inout FieldProblems
    ) {
        let properties = rules["properties"]?.objectValue ?? [:]
        for name in rules["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where members[name] == nil {
            problems.add(Self.join(path, name), "is required")
        }
        // In the body's order of keys, sorted, so the answer names problems the same way every time.
        for (name, member) in members.sorted(by: { $0.key < $1.key }) {
            if let property = properties[name] {
                check(member, property, path: Self.join(path, name), into: &problems)
            } else if let additional = rules["additionalProperties"] {
                if additional == .bool(false) {
                    problems.add(Self.join(path, name), "is not a field of this request")
                } else if case .object = additional {
                    check(member, additional, path: Self.join(path, name), into: &problems)
                }
            }
        }
    }

    private func checkArray(
        _ items: [JSONValue], _ rules: [String: JSONValue], path: String, into problems: inout FieldProblems
    ) {
        let least = rules["minItems"]?.intValue
        let most = rules["maxItems"]?.intValue
        if let least, items.count < least || most.map({ items.count > $0 }) == true {
            problems.add(Self.name(path), Self.between(least, most, "item", "items"))
            return
        }
        if let most, items.count > most {
            problems.add(Self.name(path), most == 1 ? "must have at most 1 item" : "must have at most \(most) items")
            return
        }
        if rules["uniqueItems"] == .bool(true), Set(items).count != items.count {
            problems.add(Self.name(path), "must not name an item twice")
            return
        }
        if let schema = rules["items"] {
            for (index, item) in items.enumerated() { check(item, schema, path: "\(path)[\(index)]", into: &problems) }
        }
    }

    private func checkString(
        _ text: String, _ rules: [String: JSONValue], path: String, into problems: inout FieldProblems
    ) {
        let field = Self.name(path)
        switch rules["format"]?.stringValue {
        case "uuid"? where UUID(uuidString: text) == nil:
            problems.add(field, "must be a UUID")
            return
        case "date-time"? where ISO8601Instant.parse(text) == nil:
            problems.add(field, ISO8601Instant.problem)
            return
        default: break
        }
        // Characters as JSON Schema counts them: Unicode code points.
        let length = text.unicodeScalars.count
        let least = rules["minLength"]?.intValue
        let most = rules["maxLength"]?.intValue
        if length < (least ?? 0) || most.map({ length > $0 }) == true {
            problems.add(field, Self.lengthProblem(least, most))
            return
        }
        if let pattern = rules["pattern"]?.stringValue, !patterns.matches(text, pattern) {
            problems.add(field, KnownPatterns.problem(for: pattern, names: patternNames, text: text))
        }
    }

    private func checkNumber(
        _ value: JSONValue, _ rules: [String: JSONValue], path: String, into problems: inout FieldProblems
    ) {
        let field = Self.name(path)
        let integer = Self.types(.object(rules)).contains("integer")
        // A whole JSON number read as a Double in an integer field did not fit 64 bits (those that do are read as
        // Int): out of any integer range.
        var fits = !(integer && value.intValue == nil)
        if let least = rules["minimum"], Self.compare(value, least) == .orderedAscending { fits = false }
        if let most = rules["maximum"], Self.compare(value, most) == .orderedDescending { fits = false }
        if !fits {
            problems.add(field, Self.rangeProblem(rules["minimum"], rules["maximum"], integer: integer))
            return
        }
        if let bound = rules["exclusiveMaximum"], Self.compare(value, bound) != .orderedAscending {
            problems.add(field, "must be less than \(Self.display(bound))")
        }
        if let bound = rules["exclusiveMinimum"], Self.compare(value, bound) != .orderedDescending {
            problems.add(field, "must be more than \(Self.display(bound))")
        }
    }

    /// Two JSON numbers compared exactly when both are whole 64-bit numbers (a Double rounds Int.max up).
    private static func compare(_ value: JSONValue, _ bound: JSONValue) -> ComparisonResult {
        if case .int(let number) = value, case .int(let limit) = bound {
            return number < limit ? .orderedAscending : number > limit ? .orderedDescending : .orderedSame
        }
        guard let number = value.number, let limit = bound.number else { return .orderedSame }
        return number < limit ? .orderedAscending : number > limit ? .orderedDescending : .orderedSame
    }

    /// None of `anyOf`/`oneOf`'s forms fits. "One of these fields is required" is said on the first of them; otherwise
    /// the problems of the first form of the value's own type are given.
    private func alternativesProblem(
        _ value: JSONValue, _ options: [JSONValue], path: String, into problems: inout FieldProblems
    ) {
        let requiredSets = options.compactMap { $0["required"]?.arrayValue?.compactMap(\.stringValue) }
        if requiredSets.count == options.count, case .object(let members) = value {
            let sent = { (name: String) in members[name] != nil && members[name] != .null }
            if requiredSets.allSatisfy({ names in names.contains { !sent($0) } }) {
                // The form the body came closest to names the field it lacks; with none begun, the first form's
                // first field is named, with the others.
                let closest = requiredSets.max { lhs, rhs in lhs.filter(sent).count < rhs.filter(sent).count }
                if let closest, closest.contains(where: sent), let missing = closest.first(where: { !sent($0) }) {
                    problems.add(Self.join(path, missing), "is required")
                    return
                }
                if let first = requiredSets.first?.first {
                    let others = requiredSets.dropFirst().map { $0.joined(separator: " and ") }
                    problems.add(Self.join(path, first), "is required (or \(others.joined(separator: ", or ")))")
                    return
                }
            }
        }
        let sameType = options.first { option in
            Self.types(option).isEmpty || Self.types(option).contains { Self.value(value, hasType: $0) }
        }
        if let sameType {
            check(value, sameType, path: path, into: &problems)
            if problems.isEmpty { problems.add(Self.name(path), "does not fit any of its allowed forms") }
        } else {
            let types = options.flatMap(Self.types)
            problems.add(Self.name(path), Self.typeProblem(types, value))
        }
    }

    private func resolve(_ reference: String) -> JSONValue? {
        let prefix = "#/components/schemas/"
        guard reference.hasPrefix(prefix) else { return nil }
        return schemas[String(reference.dropFirst(prefix.count))]
    }

    private static func types(_ schema: JSONValue) -> [String] {
        guard let type = schema["type"] else { return [] }
        return type.arrayValue?.compactMap(\.stringValue) ?? [type.stringValue ?? ""]
    }

    static func value(_ value: JSONValue, hasType type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object),
            ("integer", .int), ("number", .int), ("number", .double):
            true
        case ("integer", .double(let number)):
            // Past 64 bits but whole: an integer out of range, said by the range check.
            number.rounded() == number && number.isFinite
        default:
            false
        }
    }

    private static func typeProblem(_ allowed: [String], _ value: JSONValue) -> String {
        let names = allowed.filter { $0 != "null" }.map { type in
            switch type {
            case "string": "a string"
            case "integer": "an integer"
            case "number": "a number"
            case "boolean": "a boolean"
            case "array": "an array"
            default: "an object"
            }
        }
        let expected = names.joined(separator: " or ")
        return value == .null ? "must be \(expected), not null" : "must be \(expected)"
    }

    private static func lengthProblem(_ least: Int?, _ most: Int?) -> String {
        switch (least, most) {
        case (let least?, let most?) where least > 0: "must be \(least) to \(most) characters"
        case (_, let most?): "must be at most \(most) characters"
        case (let least?, nil): least == 1 ? "must not be empty" : "must be at least \(least) characters"
        default: "has the wrong length"
        }
    }

    private static func rangeProblem(_ least: JSONValue?, _ most: JSONValue?, integer: Bool) -> String {
        // Bounds of 64 bits are no rule of the field's own: the client is told it is the size of the number.
        let whole = integer && (least == .int(Int.min) || most == .int(Int.max))
        let kind = whole ? "an integer " : ""
        return switch (least.map(display), most.map(display)) {
        case (let least?, let most?): "must be \(kind)from \(least) to \(most)"
        case (let least?, nil): "must be \(kind)of at least \(least)"
        case (nil, let most?): "must be \(kind)of at most \(most)"
        default: "must be \(integer ? "an integer" : "a number") from \(Int.min) to \(Int.max)"
        }
    }

    private static func between(_ least: Int, _ most: Int?, _ one: String, _ many: String) -> String {
        guard let most else { return "must have at least \(least) \(least == 1 ? one : many)" }
        return "must have \(least) to \(most) \(many)"
    }

    private static func display(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): text
        case .int(let number): String(number)
        case .double(let number): String(number)
        case .bool(let flag): String(flag)
        case .null: "null"
        default: "\(value)"
        }
    }

    private static func join(_ path: String, _ name: String) -> String { path.isEmpty ? name : "\(path).\(name)" }
    private static func name(_ path: String) -> String { path.isEmpty ? "body" : path }
}

extension JSONValue {
    var intValue: Int? {
        if case .int(let number) = self { number } else { nil }
    }

    var number: Double? {
        switch self {
        case .int(let number): Double(number)
        case .double(let number): number
        default: nil
        }
    }
}
