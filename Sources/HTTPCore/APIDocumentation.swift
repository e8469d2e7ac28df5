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
    /// The control characters text may not hold (`ControlCharacters`: every one but tab, newline and carriage return),
    /// as the inside of a regular-expression class; and every control character, for fields that allow no space at all.
    public static let forbiddenInText = "\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F"
    static let controls = "\\u0000-\\u001F\\u007F-\\u009F"
    /// Text without the control characters the decoder refuses, as a pattern.
    public static let textPattern = "^[^\(forbiddenInText)]*$"
    /// Text as `textPattern` with at least one character that is not white space: a name that trimming would empty.
    public static let nonBlankTextPattern =
        "^[^\(forbiddenInText)]*[^\\s\(forbiddenInText)][^\(forbiddenInText)]*$"

    /// Plain text (`PlainText`): no control characters, and no `<` that a browser would read as a tag or comment; a
    /// `singleLine` field (a title, a name) no line breaks either (`FieldProblems.requireText`).
    public static func plainText(
        minLength: Int? = nil, maxLength: Int? = nil, nullable: Bool = false, singleLine: Bool = false
    ) -> JSONValue {
        let refused = forbiddenInText + (singleLine ? lineBreaks : "")
        var schema: [String: JSONValue] = [
            "type": nullable ? ["string", "null"] : "string",
            "pattern": .string("^(?:[^<\(refused)]|<(?![A-Za-z/!?]))*$"),
        ]
        if let minLength { schema["minLength"] = .int(minLength) }
        if let maxLength { schema["maxLength"] = .int(maxLength) }
        return .object(schema)
    }

    /// Line feed and carriage return, which single-line fields refuse, as the inside of a regular-expression class.
    static let lineBreaks = "\\n\\r"

    /// One line of text (a name) of `minLength` to `maxLength` code points: no control characters, no line breaks.
    public static func singleLine(minLength: Int, maxLength: Int) -> JSONValue {
        [
            "type": "string", "minLength": .int(minLength), "maxLength": .int(maxLength),
            "pattern": .string("^[^\(forbiddenInText)\(lineBreaks)]*$"),
        ]
    }

    /// An absolute http(s) URL as `WebURL` takes it (no quotes, angle brackets or spaces; escapes well formed).
    public static let webURL: JSONValue = [
        "type": "string", "maxLength": 2000,
        "pattern":
            "^[Hh][Tt][Tt][Pp][Ss]?://[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*(:([0-9]{1,4}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5]))?(/(%[0-9A-Fa-f]{2}|[A-Za-z0-9._~!$&()*+,;=:@/-])*)?$",
    ]

    /// An origin allowed to frame embeds (`EmbedOrigins`): https, or http on localhost; a port is 1 to 65535.
    public static let origin: JSONValue = [
        "type": "string",
        "pattern":
            "^([Hh][Tt][Tt][Pp][Ss]://[A-Za-z0-9.-]+|[Hh][Tt][Tt][Pp]://([Ll][Oo][Cc][Aa][Ll][Hh][Oo][Ss][Tt]|127\\.0\\.0\\.1))(:([1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5]))?$",
    ]

    /// An ISO 4217 code, as three letters in any case.
    public static let currency: JSONValue = ["type": "string", "pattern": "^[A-Za-z]{3}$"]

    /// An email address as `EmailAddress` takes it: one `@`, a local part of at most 64 characters, a domain with a dot
    /// (no empty label), no spaces, angle brackets, commas or control characters; surrounding spaces are trimmed.
    public static let email: JSONValue = [
        "type": "string", "maxLength": 254,
        "pattern":
            .string(
                "^[ \\t\\r\\n]*[^\\s@<>,\(controls)]{1,64}@[^\\s@<>,.\(controls)]+(\\.[^\\s@<>,.\(controls)]+)+[ \\t\\r\\n]*$"
            ),
    ]

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
