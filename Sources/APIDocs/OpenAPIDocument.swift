public import HTTPCore

/// Assembles the OpenAPI 3.1 document from every feature's share.
public enum OpenAPIDocument {
    public static func assemble(version: String, parts: [APIDocumentation]) -> JSONValue {
        let merged = parts.reduce(APIDocumentation(schemas: OpenAPI.errorSchemas), { $0.merging($1) })
        let (schemas, closedBodies) = closed(merged.schemas, requestBodies: merged.paths)
        let paths = closedBodies.map { path, methods in
            (path, JSONValue.object(methods.mapValues { withTextParameters(withCommonStatuses($0, path: path)) }))
        }.reduce(into: [String: JSONValue]()) { $0[$1.0] = $1.1 }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "BoxOffice API",
                "version": .string(version),
                "description": """
                Self-hosted event ticketing. JSON under /api, camelCase. Every error has the shape \
                {"error":{"code","message","details","timestamp"}} with a stable code; every response \
                carries X-Request-ID. A request body with a field its endpoint does not know is refused \
                with 400 VALIDATION_FAILED naming the field (request schemas say additionalProperties: false).
                """,
            ],
            "paths": .object(paths),
            "components": [
                "schemas": .object(schemas),
                "securitySchemes": [
                    "bearer": ["type": "http", "scheme": "bearer", "bearerFormat": "JWT"],
                    "partnerKey": [
                        "type": "http", "scheme": "bearer",
                        "description": "A partner key (pk_…) made by the organization's owners",
                    ],
                ],
            ],
            "tags": .array(merged.tags),
        ]
    }

    /// The request schemas marked closed (`additionalProperties: false`), with the objects nested in them, as the
    /// decoder refuses unknown fields (`UnknownFields`), and their text without control characters; inline request
    /// bodies likewise. Schemas used only by responses stay as they are.
    static func closed(_ schemas: [String: JSONValue], requestBodies paths: [String: [String: JSONValue]])
        -> ([String: JSONValue], [String: [String: JSONValue]])
    {
        var schemas = schemas
        var done = Set<String>()
        func close(_ schema: JSONValue) -> JSONValue {
            if let reference = schema["$ref"]?.stringValue {
                let name = String(reference.split(separator: "/").last ?? "")
                if !done.contains(name), let target = schemas[name] {
                    done.insert(name)
                    schemas[name] = close(target)
                }
                return schema
            }
            guard case .object(var fields) = schema else { return schema }
            fields = constrained(fields)
            if case .object(var properties)? = fields["properties"] {
                // An optional field may be sent as null: the decoder reads it as left out (or, for a field that can be
                // cleared, as "clear"), so the document says so.
                // (Of fields one of which is required, the `anyOf` below says the one sent must not be null.)
                let required = Set(fields["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
                for (name, property) in properties where !required.contains(name) {
                    properties[name] = Self.nullable(property)
                }
                fields["properties"] = .object(properties.mapValues(close))
                if fields["additionalProperties"] == nil { fields["additionalProperties"] = false }
            }
            if let items = fields["items"] { fields["items"] = close(items) }
            for key in ["oneOf", "anyOf", "allOf"] {
                if case .array(let options)? = fields[key] { fields[key] = .array(options.map(close)) }
            }
            // One of several fields is required: the one sent must not be null.
            if case .array(let options)? = fields["anyOf"] {
                fields["anyOf"] = .array(
                    options.map { option in
                        guard case .object(var members) = option, members["properties"] == nil,
                            let names = members["required"]?.arrayValue?.compactMap(\.stringValue)
                        else { return option }
                        members["properties"] = .object(
                            Dictionary(uniqueKeysWithValues: names.map { ($0, ["not": ["type": "null"]] as JSONValue) })
                        )
                        return .object(members)
                    })
            }
            return .object(fields)
        }
        var paths = paths
        for (path, methods) in paths {
            for (method, operation) in methods {
                guard case .object(var fields) = operation, case .object(var body)? = fields["requestBody"],
                    case .object(var content)? = body["content"]
                else { continue }
                for (type, media) in content {
                    guard case .object(var entry) = media, let schema = entry["schema"] else { continue }
                    entry["schema"] = close(schema)
                    content[type] = .object(entry)
                }
                body["content"] = .object(content)
                fields["requestBody"] = .object(body)
                paths[path]?[method] = .object(fields)
            }
        }
        return (schemas, paths)
    }

    /// What the decoder refuses of a value, said in its schema: text may not hold control characters other than tab,
    /// newline and carriage return (every free-text string of a request, body or parameter, says so as a pattern), and
    /// whole numbers are 64-bit.
    static func constrained(_ fields: [String: JSONValue]) -> [String: JSONValue] {
        let types = fields["type"].flatMap { $0.stringValue.map { [$0] } ?? $0.arrayValue?.compactMap(\.stringValue) }
        // Whole numbers are 64-bit: a larger one is not read at all.
        if types?.contains("integer") == true {
            var fields = fields
            if fields["maximum"] == nil { fields["maximum"] = .int(Int.max) }
            if fields["minimum"] == nil { fields["minimum"] = .int(Int.min) }
            return fields
        }
        guard types?.contains("string") == true, fields["pattern"] == nil, fields["enum"] == nil,
            fields["format"] == nil, fields["contentEncoding"] == nil
        else { return fields }
        var fields = fields
        fields["pattern"] = .string(OpenAPI.textPattern)
        return fields
    }

    static func nullable(_ schema: JSONValue) -> JSONValue {
        guard case .object(var fields) = schema else { return schema }
        switch fields["type"] {
        case .string(let type)? where type != "null": fields["type"] = [.string(type), "null"]
        case .array(let types)? where !types.contains("null"): fields["type"] = .array(types + ["null"])
        default: return schema
        }
        if case .array(let values)? = fields["enum"], !values.contains(.null) {
            fields["enum"] = .array(values + [.null])
        }
        return .object(fields)
    }

    /// Parameters (path, query, header) say the same of their text.
    static func withTextParameters(_ operation: JSONValue) -> JSONValue {
        guard case .object(var fields) = operation, case .array(let parameters)? = fields["parameters"] else {
            return operation
        }
        fields["parameters"] = .array(
            parameters.map { parameter in
                // Headers are the client's plumbing (tokens, keys), read as they come: only path and query text says so.
                guard case .object(var object) = parameter, case .object(let schema)? = object["schema"],
                    object["in"] != "header"
                else {
                    return parameter
                }
                object["schema"] = .object(constrained(schema))
                return .object(object)
            })
        return .object(fields)
    }

    /// The answers every operation of a kind can give, declared wherever a feature's share left them out: 400 for a
    /// path parameter that is not a UUID (or a body the endpoint refuses), 415 for a body that is missing or not JSON,
    /// 429 where the general rate limit counts (every path but the payment webhooks and the operations' own).
    static func withCommonStatuses(_ operation: JSONValue, path: String) -> JSONValue {
        guard case .object(var fields) = operation, case .object(var responses)? = fields["responses"] else {
            return operation
        }
        let uuidParameter = (fields["parameters"]?.arrayValue ?? []).contains {
            $0["in"]?.stringValue == "path" && $0["schema"]?["format"]?.stringValue == "uuid"
        }
        let anyParameter = !(fields["parameters"]?.arrayValue ?? []).isEmpty
        if uuidParameter || anyParameter || fields["requestBody"] != nil, responses["400"] == nil {
            responses["400"] = OpenAPI.error(
                "A parameter or the body is invalid (VALIDATION_FAILED, the field named)")
        }
        if fields["requestBody"] != nil, responses["422"] == nil {
            responses["422"] = OpenAPI.error(
                "Well formed, but contradicting itself or the data it names, or refused by a rule no schema states, such as a name that trimming leaves too short (VALIDATION_FAILED, the field named)"
            )
        }
        if fields["requestBody"]?["content"]?["application/json"] != nil, responses["415"] == nil {
            responses["415"] = OpenAPI.error("The body is missing or not JSON (UNSUPPORTED_MEDIA_TYPE)")
        }
        let limited = !RateLimitExemptions.isExempt(path + "/")
        if limited, responses["429"] == nil {
            responses["429"] = OpenAPI.error("Too many requests from this address (RATE_LIMITED, with Retry-After)")
        }
        fields["responses"] = .object(responses)
        return .object(fields)
    }
}
