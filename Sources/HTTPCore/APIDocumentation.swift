/// A feature's share of the OpenAPI document: the operations it serves and the schemas they use.
///
/// Each feature module publishes one beside its routes, so the document is kept next to the code it
/// describes; the composition root merges them and a test checks the result against the router.
public struct APIDocumentation: Sendable {
    /// Path template (OpenAPI form, `/api/events/{eventId}`) to lower-case method to operation object.
    public var paths: [String: [String: JSONValue]]
    /// Component schemas by name.
    public var schemas: [String: JSONValue]
    /// Tag objects (`name`, `description`) that group the feature's operations.
    public var tags: [JSONValue]

    public init(
        paths: [String: [String: JSONValue]] = [:],
        schemas: [String: JSONValue] = [:],
        tags: [JSONValue] = []
    ) {
        self.paths = paths
        self.schemas = schemas
        self.tags = tags
    }

    /// Merges another feature's share; a path served by two features keeps both sets of methods.
    public func merging(_ other: APIDocumentation) -> APIDocumentation {
        APIDocumentation(
            paths: paths.merging(other.paths) { mine, theirs in mine.merging(theirs) { _, last in last } },
            schemas: schemas.merging(other.schemas) { _, last in last },
            tags: tags + other.tags
        )
    }
}

/// Building blocks for operation objects, so fragments stay short and uniform.
public enum OpenAPI {
    public static func ref(_ schema: String) -> JSONValue {
        ["$ref": .string("#/components/schemas/\(schema)")]
    }

    /// A JSON response with the given schema.
    public static func json(_ description: String, _ schema: JSONValue) -> JSONValue {
        ["description": .string(description), "content": ["application/json": ["schema": schema]]]
    }

    /// An error response in the shared envelope.
    public static func error(_ description: String) -> JSONValue {
        json(description, ref("Error"))
    }

    /// A JSON request body.
    public static func body(_ schema: JSONValue, required: Bool = true) -> JSONValue {
        ["required": .bool(required), "content": ["application/json": ["schema": schema]]]
    }

    public static func operation(
        _ id: String,
        tag: String,
        summary: String,
        description: String? = nil,
        parameters: [JSONValue] = [],
        requestBody: JSONValue? = nil,
        signedIn: Bool = false,
        responses: [String: JSONValue]
    ) -> JSONValue {
        var object: [String: JSONValue] = [
            "operationId": .string(id),
            "tags": [.string(tag)],
            "summary": .string(summary),
            "responses": .object(responses),
        ]
        if let description { object["description"] = .string(description) }
        if !parameters.isEmpty { object["parameters"] = .array(parameters) }
        if let requestBody { object["requestBody"] = requestBody }
        if signedIn { object["security"] = [["bearer": []]] }
        return .object(object)
    }

    /// An object schema whose listed properties are all required unless named in `optional`.
    public static func object(_ properties: [String: JSONValue], optional: Set<String> = []) -> JSONValue {
        [
            "type": "object",
            "properties": .object(properties),
            "required": .array(properties.keys.filter { !optional.contains($0) }.sorted().map(JSONValue.string)),
        ]
    }

    public static func enumeration(_ values: [String]) -> JSONValue {
        ["type": "string", "enum": .array(values.map(JSONValue.string))]
    }

    public static let string: JSONValue = ["type": "string"]
    public static let boolean: JSONValue = ["type": "boolean"]
    public static let integer: JSONValue = ["type": "integer"]
    public static let dateTime: JSONValue = ["type": "string", "format": "date-time"]
    public static let uuid: JSONValue = ["type": "string", "format": "uuid"]

    /// The error envelope, shared by every operation.
    public static let errorSchemas: [String: JSONValue] = [
        "Error": object([
            "error": object([
                "code": ["type": "string", "description": "Stable machine code, such as VALIDATION_FAILED."],
                "message": string,
                "details": ["type": "object", "additionalProperties": true],
                "timestamp": dateTime,
            ])
        ])
    ]
}
