import Domain
public import HTTPCore

extension OutboxAdminRoutes {
    public static let documentation: APIDocumentation = {
        func query(_ name: String, _ schema: JSONValue, _ description: String) -> JSONValue {
            [
                "name": .string(name), "in": "query", "required": false, "schema": schema,
                "description": .string(description),
            ]
        }
        let states = OpenAPI.enumeration(OutboxAdministration.OutboxState.allCases.map(\.rawValue))
        let nullableString: JSONValue = ["type": ["string", "null"]]
        let nullableDate: JSONValue = ["type": ["string", "null"], "format": "date-time"]
        let list = OpenAPI.operation(
            "listOutboxMessages", tag: "Outbox",
            summary: "Outbox messages, newest first, with counts per topic and state",
            description:
                "Admins only. What BoxOffice owes after commits (emails, signals), what was delivered, and what failed with its last error.",
            parameters: [
                query("topic", OpenAPI.enumeration(OutboxTopic.allCases.map(\.rawValue)), "Only this topic"),
                query("state", states, "Only this state"),
                query("limit", ["type": "integer", "minimum": 1, "maximum": 500], "At most this many (default 100)"),
            ],
            signedIn: true,
            responses: [
                "200": OpenAPI.json("Messages and counts", OpenAPI.ref("OutboxList")),
                "400": OpenAPI.error("Bad filter (VALIDATION_FAILED)"),
                "401": OpenAPI.error("Not signed in"),
                "403": OpenAPI.error("Not an admin"),
            ])
        let retry = OpenAPI.operation(
            "retryOutboxMessage", tag: "Outbox", summary: "Queue a failed message again",
            description: "Admins only. The message goes back to pending, due now, with its attempts counted afresh.",
            parameters: [["name": "id", "in": "path", "required": true, "schema": OpenAPI.uuid]],
            signedIn: true,
            responses: [
                "200": OpenAPI.json("The message, pending again", OpenAPI.ref("OutboxMessage")),
                "401": OpenAPI.error("Not signed in"),
                "403": OpenAPI.error("Not an admin"),
                "404": OpenAPI.error("No such message"),
                "409": OpenAPI.error("The message has not failed (CONFLICT)"),
            ])
        return APIDocumentation(
            paths: ["/api/admin/outbox": ["get": list], "/api/admin/outbox/{id}/retry": ["post": retry]],
            schemas: [
                "OutboxMessage": OpenAPI.object(
                    [
                        "id": OpenAPI.uuid, "topic": OpenAPI.string, "state": states, "attempts": OpenAPI.integer,
                        "lastError": nullableString, "createdAt": OpenAPI.dateTime, "availableAt": OpenAPI.dateTime,
                        "deliveredAt": nullableDate, "failedAt": nullableDate, "payload": [:],
                    ],
                    optional: ["lastError", "deliveredAt", "failedAt"]),
                "OutboxCount": OpenAPI.object(["topic": OpenAPI.string, "state": states, "count": OpenAPI.integer]),
                "OutboxList": OpenAPI.object([
                    "items": ["type": "array", "items": OpenAPI.ref("OutboxMessage")],
                    "counts": ["type": "array", "items": OpenAPI.ref("OutboxCount")],
                ]),
            ],
            tags: [["name": "Outbox", "description": "Side effects owed after commits, and their delivery."]]
        )
    }()
}
