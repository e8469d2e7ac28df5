import Foundation
import HTTPCore

/// Checks JSON values against the schemas of BoxOffice's own OpenAPI document.
///
/// It understands the part of JSON Schema the document uses (type, properties, required,
/// additionalProperties, items, enum, const, oneOf, anyOf, allOf, $ref, format date-time and uuid,
/// minimum, maximum, minLength, maxLength), and fails on any keyword it does not know, so the
/// document cannot drift into constructs the tests would silently skip.
public struct OpenAPIValidator: Sendable {
    public let document: JSONValue

    public init(document: JSONValue) {
        self.document = document
    }

    /// Problems with `value` as the response of `method path` with `status`; empty when it conforms.
    public func validateResponse(_ value: JSONValue, method: String, path: String, status: Int) -> [String] {
        guard let template = operationPath(for: path) else { return ["no documented path matches \(path)"] }
        guard let operation = document["paths"]?[template]?[method.lowercased()] else {
            return ["\(method) \(template) is not documented"]
        }
        guard let response = operation["responses"]?[String(status)] ?? operation["responses"]?["default"] else {
            return ["\(method) \(template) documents no \(status) response"]
        }
        guard let schema = response["content"]?["application/json"]?["schema"] else {
            return ["\(method) \(template) \(status) has no JSON schema"]
        }
        return validate(value, against: schema, at: "$")
    }

    /// The documented path template (`/api/events/{eventId}`) that a concrete path matches.
    public func operationPath(for path: String) -> String? {
        let segments = path.split(separator: "/")
        let templates = document["paths"]?.objectValue?.keys.sorted() ?? []
        if templates.contains(path) { return path }
        return templates.first { template in
            let parts = template.split(separator: "/")
            return parts.count == segments.count
                && zip(parts, segments).allSatisfy { part, segment in part.hasPrefix("{") || part == segment }
        }
    }

    public func validate(_ value: JSONValue, against schema: JSONValue, at location: String) -> [String] {
        guard case .object(let rules) = schema else {
            return schema == .bool(true) ? [] : ["\(location): schema is not an object"]
        }
        var problems: [String] = []
        for (keyword, rule) in rules {
            switch keyword {
            case "$ref":
                guard let target = resolve(rule.stringValue ?? "") else {
                    problems.append("\(location): unresolvable $ref \(rule)")
                    continue
                }
                problems += validate(value, against: target, at: location)
            case "type":
                let allowed = rule.arrayValue?.compactMap(\.stringValue) ?? [rule.stringValue ?? ""]
                if !allowed.contains(where: { Self.has(value, type: $0) }) {
                    problems.append("\(location): expected \(allowed.joined(separator: " or ")), got \(value)")
                }
            case "properties":
                guard case .object(let members) = value, case .object(let properties) = rule else { continue }
                for (name, propertySchema) in properties {
                    if let member = members[name] {
                        problems += validate(member, against: propertySchema, at: "\(location).\(name)")
                    }
                }
            case "required":
                guard case .object(let members) = value else { continue }
                for name in rule.arrayValue?.compactMap(\.stringValue) ?? [] where members[name] == nil {
                    problems.append("\(location): missing required \(name)")
                }
            case "additionalProperties":
                guard case .object(let members) = value else { continue }
                let declared = Set(rules["properties"]?.objectValue?.keys.map { $0 } ?? [])
                for (name, member) in members where !declared.contains(name) {
                    if rule == .bool(false) {
                        problems.append("\(location): undocumented property \(name)")
                    } else if case .object = rule {
                        problems += validate(member, against: rule, at: "\(location).\(name)")
                    }
                }
            case "items":
                guard case .array(let items) = value else { continue }
                for (index, item) in items.enumerated() {
                    problems += validate(item, against: rule, at: "\(location)[\(index)]")
                }
            case "enum":
                if !(rule.arrayValue ?? []).contains(value) {
                    problems.append("\(location): \(value) is not one of \(rule)")
                }
            case "const":
                if rule != value { problems.append("\(location): \(value) is not \(rule)") }
            case "oneOf", "anyOf":
                let results = (rule.arrayValue ?? []).map { validate(value, against: $0, at: location) }
                let passing = results.filter(\.isEmpty).count
                if passing == 0 || (keyword == "oneOf" && passing > 1) {
                    problems.append("\(location): matches \(passing) of the \(keyword) alternatives")
                }
            case "allOf":
                for part in rule.arrayValue ?? [] { problems += validate(value, against: part, at: location) }
            case "format":
                problems += Self.checkFormat(value, rule.stringValue ?? "", at: location)
            case "minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems":
                problems += Self.checkBound(keyword, rule, value, at: location)
            case "description", "title", "example", "examples", "default", "deprecated", "readOnly", "writeOnly",
                "nullable", "pattern":
                continue
            default:
                problems.append("\(location): the validator does not know the keyword \(keyword)")
            }
        }
        return problems
    }

    private func resolve(_ reference: String) -> JSONValue? {
        let prefix = "#/components/schemas/"
        guard reference.hasPrefix(prefix) else { return nil }
        return document["components"]?["schemas"]?[String(reference.dropFirst(prefix.count))]
    }

    static func has(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object),
            ("integer", .int), ("number", .int), ("number", .double):
            true
        case ("integer", .double(let number)):
            number.rounded() == number
        default:
            false
        }
    }

    static func checkFormat(_ value: JSONValue, _ format: String, at location: String) -> [String] {
        guard case .string(let text) = value else { return [] }
        switch format {
        case "date-time":
            return (try? Date.ISO8601FormatStyle().parse(text)) == nil
                ? ["\(location): \(text) is not a date-time"] : []
        case "uuid":
            return UUID(uuidString: text) == nil ? ["\(location): \(text) is not a uuid"] : []
        default:
            return []
        }
    }

    static func checkBound(_ keyword: String, _ rule: JSONValue, _ value: JSONValue, at location: String) -> [String] {
        guard case .int(let bound) = rule else { return [] }
        let measured: Double? =
            switch (keyword, value) {
            case ("minimum", .int(let n)), ("maximum", .int(let n)): Double(n)
            case ("minimum", .double(let n)), ("maximum", .double(let n)): n
            case ("minLength", .string(let s)), ("maxLength", .string(let s)): Double(s.count)
            case ("minItems", .array(let a)), ("maxItems", .array(let a)): Double(a.count)
            default: nil
            }
        guard let measured else { return [] }
        let ok = keyword.hasPrefix("min") ? measured >= Double(bound) : measured <= Double(bound)
        return ok ? [] : ["\(location): \(keyword) \(bound) violated by \(value)"]
    }
}
