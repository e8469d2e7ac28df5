public import HTTPCore

extension SalesRoutes {
    public static let documentation: APIDocumentation = {
        let cartToken: JSONValue = [
            "name": "X-Cart-Token", "in": "header", "required": false, "schema": OpenAPI.string,
            "description": "An anonymous cart's token, as returned when its first hold was made.",
        ]
        let invalid = OpenAPI.error("Invalid body (VALIDATION_FAILED)")
        let refused = OpenAPI.error(
            """
            Not possible now: INSUFFICIENT_CAPACITY (details: ticketTypeId, requestedQuantity, availableQuantity, \
            limitingSessionId), SALES_NOT_STARTED, SALES_ENDED or NOT_ON_SALE; BUYER_LIMIT when this buyer or this \
            client address would hold more places of the event than its limit (details: scope buyer or address, limit, \
            held, requestedQuantity)
            """)
        let notFound = OpenAPI.error("No such hold or ticket type (HOLD_NOT_FOUND, TICKET_TYPE_NOT_FOUND)")
        let tooMany = OpenAPI.error(
            "More than the ticket type's per-order maximum (QUANTITY_LIMIT), or an eventId that is not the ticket type's (VALIDATION_FAILED)"
        )
        return APIDocumentation(
            paths: [
                "/api/holds": [
                    "post": OpenAPI.operation(
                        "createHold", tag: "Inventory", summary: "Hold places of a ticket type for a while",
                        description: """
                            Takes the places from the ticket type and every session it includes, atomically, until `expiresAt` \
                            (HOLD_TTL, 10 minutes by default). Signed-in users own their holds; otherwise the hold belongs to an \
                            anonymous cart whose token is returned once as `cartToken` (send it back as X-Cart-Token).
                            """,
                        parameters: [cartToken], requestBody: OpenAPI.body(OpenAPI.ref("HoldRequest")),
                        responses: [
                            "201": OpenAPI.json("The hold", OpenAPI.ref("Hold")), "400": invalid, "422": tooMany,
                            "404": notFound,
                            "409": refused,
                            "401": OpenAPI.error("An event that sells to signed-in buyers only (SIGN_IN_REQUIRED)"),
                        ])
                ],
                "/api/holds/mine": [
                    "get": OpenAPI.operation(
                        "listMyHolds", tag: "Inventory", summary: "My active holds (signed in, or by X-Cart-Token)",
                        parameters: [cartToken],
                        responses: [
                            "200": OpenAPI.json("Holds", OpenAPI.ref("HoldList")),
                            "401": OpenAPI.error("Neither signed in nor a cart token"),
                        ])
                ],
                "/api/holds/{holdId}": [
                    "delete": OpenAPI.operation(
                        "releaseHold", tag: "Inventory", summary: "Release a hold; its places go back on sale",
                        parameters: [
                            ["name": "holdId", "in": "path", "required": true, "schema": OpenAPI.uuid], cartToken,
                        ],
                        responses: [
                            "204": ["description": "Released (or already ended)"],
                            "401": OpenAPI.error("Neither signed in nor a cart token"),
                            "404": notFound,
                        ])
                ],
                "/api/events/tickets/reserve": [
                    "post": OpenAPI.operation(
                        "reserveTickets", tag: "Inventory",
                        summary: "Reserve places (seed 003): a hold for the signed-in user",
                        requestBody: OpenAPI.body(OpenAPI.ref("ReserveRequest")), signedIn: true,
                        responses: [
                            "200": OpenAPI.json("Reserved", OpenAPI.ref("ReserveResponse")), "400": invalid,
                            "422": tooMany, "401": OpenAPI.error("Not signed in"), "404": notFound, "409": refused,
                        ])
                ],
                "/api/events/tickets/release": [
                    "post": OpenAPI.operation(
                        "releaseTickets", tag: "Inventory", summary: "Release a reservation (seed 003)",
                        requestBody: OpenAPI.body(OpenAPI.ref("ReleaseRequest")), signedIn: true,
                        responses: [
                            "200": OpenAPI.json("Released", OpenAPI.ref("ReleaseResponse")), "400": invalid,
                            "401": OpenAPI.error("Not signed in"), "404": notFound,
                        ])
                ],
            ],
            schemas: [
                "Hold": OpenAPI.object(
                    [
                        "holdId": OpenAPI.uuid, "eventId": OpenAPI.uuid, "ticketTypeId": OpenAPI.uuid,
                        "quantity": ["type": "integer", "minimum": 1, "maximum": 10],
                        "sessions": ["type": "array", "items": OpenAPI.string], "expiresAt": OpenAPI.dateTime,
                        "cartToken": OpenAPI.string,
                    ],
                    optional: ["cartToken"]),
                "HoldList": OpenAPI.object(["holds": ["type": "array", "items": OpenAPI.ref("Hold")]]),
                "HoldRequest": OpenAPI.object(
                    ["ticketTypeId": OpenAPI.uuid, "quantity": ["type": "integer", "minimum": 1, "maximum": 10]],
                    optional: ["quantity"]),
                "ReserveRequest": OpenAPI.object(
                    [
                        "eventId": OpenAPI.uuid, "categoryId": OpenAPI.uuid, "ticketTypeId": OpenAPI.uuid,
                        "quantity": ["type": "integer", "minimum": 1, "maximum": 10],
                    ],
                    optional: ["eventId", "categoryId", "ticketTypeId"]
                ).merging(["anyOf": [["required": ["categoryId"]], ["required": ["ticketTypeId"]]]]),
                "ReserveResponse": OpenAPI.object([
                    "success": OpenAPI.boolean, "availableSeats": OpenAPI.integer, "message": OpenAPI.string,
                    "holdId": OpenAPI.uuid, "lockId": OpenAPI.uuid, "expiresAt": OpenAPI.dateTime,
                ]),
                "ReleaseRequest": OpenAPI.object(
                    ["holdId": OpenAPI.uuid, "lockId": OpenAPI.uuid], optional: ["holdId", "lockId"]
                ).merging(["anyOf": [["required": ["holdId"]], ["required": ["lockId"]]]]),
                "ReleaseResponse": OpenAPI.object(["success": OpenAPI.boolean, "message": OpenAPI.string]),
            ],
            tags: [["name": "Inventory", "description": "Holds: places set aside while a buyer pays."]]
        )
    }()
}
