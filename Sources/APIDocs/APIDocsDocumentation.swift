public import HTTPCore

extension APIDocsRoutes {
    public static let documentation: APIDocumentation = {
        func asset(_ id: String, _ summary: String, _ type: String) -> [String: JSONValue] {
            [
                "get": OpenAPI.operation(
                    id, tag: "Documentation", summary: summary,
                    responses: ["200": ["description": .string(summary), "content": .object([type: [:]])]]
                )
            ]
        }
        return APIDocumentation(
            paths: [
                "/openapi.json": [
                    "get": OpenAPI.operation(
                        "getOpenAPIDocument", tag: "Documentation", summary: "This document (OpenAPI 3.1)",
                        responses: ["200": OpenAPI.json("The OpenAPI document", ["type": "object"])]
                    )
                ],
                "/docs": asset("getDocsPage", "Readable API reference, rendered offline", "text/html"),
                "/docs/docs.js": asset("getDocsScript", "Script of the API reference page", "text/javascript"),
                "/docs/docs.css": asset("getDocsStyle", "Style sheet of the API reference page", "text/css"),
            ],
            tags: [["name": "Documentation", "description": "The API document and its reader."]]
        )
    }()
}
