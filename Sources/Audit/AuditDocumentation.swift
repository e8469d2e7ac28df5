public import HTTPCore

extension AuditRoutes {
    public static let documentation: APIDocumentation = {
        func query(_ name: String, _ schema: JSONValue, _ description: String) -> JSONValue {
            [
                "name": .string(name), "in": "query", "required": false, "schema": schema,
                "description": .string(description),
            ]
        }
        let operation = OpenAPI.operation(
            "listAuditLogs", tag: "Audit", summary: "Audit log, newest first",
            description:
                "Admins see everything. Organization owners must pass organizationId and see that organization's records.",
            parameters: [
                query("actorId", OpenAPI.uuid, "Only records by this user"),
                query("action", OpenAPI.string, "Exact action, such as auth.login.failed"),
                query("targetType", OpenAPI.string, "Target kind, such as user or organization"),
                query("targetId", OpenAPI.string, "Target identifier"),
                query("organizationId", OpenAPI.uuid, "Only records about this organization"),
                query("from", OpenAPI.dateTime, "Inclusive lower bound of occurredAt"),
                query("to", OpenAPI.dateTime, "Exclusive upper bound of occurredAt"),
                query("page", ["type": "integer", "minimum": 1, "maximum": 1_000_000], "Page number, from 1"),
                query("perPage", ["type": "integer", "minimum": 1, "maximum": 200], "Records per page (default 50)"),
            ],
            signedIn: true,
            responses: [
                "200": OpenAPI.json("A page of records", OpenAPI.ref("AuditLogPage")),
                "400": OpenAPI.error("Bad filter (VALIDATION_FAILED)"),
                "401": OpenAPI.error("Not signed in"),
                "403": OpenAPI.error("Not an admin, nor an owner of the organization"),
            ])
        let nullableUUID: JSONValue = ["type": ["string", "null"], "format": "uuid"]
        let nullableString: JSONValue = ["type": ["string", "null"]]
        return APIDocumentation(
            paths: ["/api/admin/audit-logs": ["get": operation]],
            schemas: [
                "AuditLog": OpenAPI.object(
                    [
                        "id": OpenAPI.uuid, "occurredAt": OpenAPI.dateTime,
                        "actorKind": OpenAPI.enumeration(["user", "anonymous", "system"]),
                        "actorId": nullableUUID, "action": OpenAPI.string, "targetType": OpenAPI.string,
                        "targetId": nullableString, "organizationId": nullableUUID, "ip": nullableString,
                        "userAgent": nullableString, "requestId": nullableString,
                        "details": ["type": "object", "additionalProperties": true],
                    ],
                    optional: ["actorId", "targetId", "organizationId", "ip", "userAgent", "requestId"]),
                "AuditLogPage": OpenAPI.object([
                    "items": ["type": "array", "items": OpenAPI.ref("AuditLog")],
                    "page": OpenAPI.integer, "perPage": OpenAPI.integer, "total": OpenAPI.integer,
                ]),
            ],
            tags: [["name": "Audit", "description": "Who did what, when, from where."]]
        )
    }()
}
