public import HTTPCore

/// Assembles the OpenAPI 3.1 document from every feature's share.
public enum OpenAPIDocument {
    public static func assemble(version: String, parts: [APIDocumentation]) -> JSONValue {
        let merged = parts.reduce(APIDocumentation(schemas: OpenAPI.errorSchemas), { $0.merging($1) })
        let paths = merged.paths.map { path, methods in
            (path, JSONValue.object(methods.mapValues { withCommonStatuses($0, path: path) }))
        }.reduce(into: [String: JSONValue]()) { $0[$1.0] = $1.1 }
        let schemas = closed(merged.schemas, requestBodies: merged.paths.values.flatMap(\.values))
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
    /// decoder refuses unknown fields (`UnknownFields`). Schemas used only by responses stay as they are.
    static func closed(_ schemas: [String: JSONValue], requestBodies operations: [JSONValue]) -> [String: JSONValue] {
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
            if case .object(let properties)? = fields["properties"] {
                fields["properties"] = .object(properties.mapValues(close))
                if fields["additionalProperties"] == nil { fields["additionalProperties"] = false }
            }
            if let items = fields["items"] { fields["items"] = close(items) }
            for key in ["oneOf", "anyOf", "allOf"] {
                if case .array(let options)? = fields[key] { fields[key] = .array(options.map(close)) }
            }
            return .object(fields)
        }
        for operation in operations {
            if let schema = operation["requestBody"]?["content"]?["application/json"]?["schema"] { _ = close(schema) }
        }
        return schemas
    }

    /// The answers every operation of a kind can give, declared wherever a feature's share left them out: 400 for a
    /// path parameter that is not a UUID (or a body the endpoint refuses), 415 for a body that is missing or not JSON,
    /// 429 where the general rate limit counts (`/api` and `/embed`, payment webhooks aside).
    static func withCommonStatuses(_ operation: JSONValue, path: String) -> JSONValue {
        guard case .object(var fields) = operation, case .object(var responses)? = fields["responses"] else {
            return operation
        }
        let uuidParameter = (fields["parameters"]?.arrayValue ?? []).contains {
            $0["in"]?.stringValue == "path" && $0["schema"]?["format"]?.stringValue == "uuid"
        }
        if uuidParameter || fields["requestBody"] != nil, responses["400"] == nil {
            responses["400"] = OpenAPI.error(
                "A path parameter or the body is invalid (VALIDATION_FAILED, the field named)")
        }
        if fields["requestBody"]?["content"]?["application/json"] != nil, responses["415"] == nil {
            responses["415"] = OpenAPI.error("The body is missing or not JSON (UNSUPPORTED_MEDIA_TYPE)")
        }
        let limited =
            (path.hasPrefix("/api/") || path.hasPrefix("/embed/"))
            && !path.hasPrefix("/api/webhook/") && !path.hasPrefix("/api/webhooks/")
        if limited, responses["429"] == nil {
            responses["429"] = OpenAPI.error("Too many requests from this address (RATE_LIMITED, with Retry-After)")
        }
        fields["responses"] = .object(responses)
        return .object(fields)
    }
}
