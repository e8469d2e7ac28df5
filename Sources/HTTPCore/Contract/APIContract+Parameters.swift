public import Domain

/// The query and path parameters of an operation, as the document describes them: each read is checked against its
/// schema (type, format, range, enumeration, pattern) there, so no handler restates a parameter's constraint.
extension APIContract {
    /// The schemas of the parameters `method path` takes `in` a place (`query`, `path`), by name: read from the
    /// document once, when the contract is made (every request that reads a parameter asks).
    public func parameters(in place: String, method: String, path: String) -> [String: JSONValue] {
        parameterSchemas[Self.parameterKey(place: place, method: method, path: path)] ?? [:]
    }

    /// The schema of the path parameter `name` of the path template `path`, from any of its operations (a path's
    /// parameters are the same for each).
    public func pathParameter(_ name: String, path: String) -> JSONValue? {
        pathParameterSchemas[path]?[name]
    }

    /// The problems of a parameter's text `raw` against its `schema`, named by the parameter. A query string carries
    /// only text: a number or truth value is read as the schema's type asks before it is checked, so `perPage=abc`
    /// is "must be an integer" and `perPage=0` "must be an integer from 1 to 100", as a JSON body's field would be.
    public func problems(ofParameter name: String, raw: String, schema: JSONValue) -> FieldProblems {
        let wrapper: JSONValue = .object(["type": .string("object"), "properties": .object([name: schema])])
        return validator.problems(of: .object([name: Self.typed(raw, as: schema)]), against: wrapper)
    }

    /// The schema's `default`, when it states one.
    public static func defaultValue(of schema: JSONValue?) -> JSONValue? { schema?["default"] }

    static func typed(_ raw: String, as schema: JSONValue) -> JSONValue {
        let types: [String] =
            if let one = schema["type"]?.stringValue { [one] } else {
                schema["type"]?.arrayValue?.compactMap(\.stringValue) ?? []
            }
        if types.contains("integer"), let value = Int(raw) { return .int(value) }
        if types.contains("number"), let value = Double(raw), value.isFinite { return .double(value) }
        if types.contains("boolean"), raw == "true" || raw == "false" { return .bool(raw == "true") }
        return .string(raw)
    }

    static func parameterKey(place: String, method: String, path: String) -> String {
        "\(place) \(method.uppercased()) \(path)"
    }

    /// Every operation's parameters by place, method and path (`parameterKey`), and each path's path parameters.
    static func parameterIndex(of document: JSONValue) -> (
        byOperation: [String: [String: JSONValue]], byPath: [String: [String: JSONValue]]
    ) {
        var byOperation: [String: [String: JSONValue]] = [:]
        var byPath: [String: [String: JSONValue]] = [:]
        for (path, item) in document["paths"]?.objectValue ?? [:] {
            // Parameters may be stated for every operation of the path and refined per operation.
            let shared = item["parameters"]?.arrayValue ?? []
            for (method, operation) in (item.objectValue ?? [:]).sorted(by: { $0.key < $1.key })
            where method != "parameters" {
                for parameter in shared + (operation["parameters"]?.arrayValue ?? []) {
                    guard let place = parameter["in"]?.stringValue, let name = parameter["name"]?.stringValue else {
                        continue
                    }
                    let schema = parameter["schema"] ?? .object([:])
                    byOperation[parameterKey(place: place, method: method, path: path), default: [:]][name] = schema
                    if place == "path", byPath[path]?[name] == nil { byPath[path, default: [:]][name] = schema }
                }
            }
        }
        return (byOperation, byPath)
    }
}
