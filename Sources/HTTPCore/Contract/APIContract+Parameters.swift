public import Domain

/// The query and path parameters of an operation, as the document describes them: each read is checked against its
/// schema (type, format, range, enumeration, pattern) there, so no handler restates a parameter's constraint.
extension APIContract {
    /// The schemas of the parameters `method path` takes `in` a place (`query`, `path`), by name.
    public func parameters(in place: String, method: String, path: String) -> [String: JSONValue] {
        var found: [String: JSONValue] = [:]
        let item = document["paths"]?[path]
        // Parameters may be stated for every operation of the path and refined per operation.
        let lists = [item?["parameters"], item?[method.lowercased()]?["parameters"]]
        for parameter in lists.compactMap({ $0?.arrayValue }).joined() where parameter["in"]?.stringValue == place {
            if let name = parameter["name"]?.stringValue { found[name] = parameter["schema"] ?? .object([:]) }
        }
        return found
    }

    /// The schema of the path parameter `name` of the path template `path`, from any of its operations (a path's
    /// parameters are the same for each).
    public func pathParameter(_ name: String, path: String) -> JSONValue? {
        guard let item = document["paths"]?[path]?.objectValue else { return nil }
        for method in item.keys.sorted() where method != "parameters" {
            if let schema = parameters(in: "path", method: method, path: path)[name] { return schema }
        }
        return nil
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
}
