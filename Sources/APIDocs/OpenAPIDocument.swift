public import HTTPCore

/// Assembles the OpenAPI 3.1 document from every feature's share.
public enum OpenAPIDocument {
    public static func assemble(version: String, parts: [APIDocumentation]) -> JSONValue {
        let merged = parts.reduce(APIDocumentation(schemas: OpenAPI.errorSchemas), { $0.merging($1) })
        let paths = merged.paths.mapValues { methods in JSONValue.object(methods) }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "BoxOffice API",
                "version": .string(version),
                "description": """
                    Self-hosted event ticketing. JSON under /api, camelCase. Every error has the shape \
                    {"error":{"code","message","details","timestamp"}} with a stable code; every response \
                    carries X-Request-ID.
                    """,
            ],
            "paths": .object(paths),
            "components": [
                "schemas": .object(merged.schemas),
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer", "bearerFormat": "JWT"]],
            ],
            "tags": .array(merged.tags),
        ]
    }
}
