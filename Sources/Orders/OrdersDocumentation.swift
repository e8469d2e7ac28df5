public import HTTPCore

extension OrdersRoutes {
    public static let documentation: APIDocumentation = {
        let orderID: JSONValue = ["name": "orderId", "in": "path", "required": true, "schema": OpenAPI.uuid]
        let orderToken: JSONValue = [
            "name": "X-Order-Token", "in": "header", "required": false, "schema": OpenAPI.string,
            "description": "A guest's access token for the order, as returned when it was created.",
        ]
        let cartToken: JSONValue = [
            "name": "X-Cart-Token", "in": "header", "required": false, "schema": OpenAPI.string,
        ]
        let idempotencyKey: JSONValue = [
            "name": "Idempotency-Key", "in": "header", "required": false,
            "schema": ["type": "string", "maxLength": 255],
            "description":
                "A retry with the same key and the same body returns the same order (200); another body is refused (409).",
        ]
        let created = OpenAPI.json("The order (with its accessToken, shown only here)", OpenAPI.ref("Order"))
        let invalid = OpenAPI.error(
            "Invalid body; details.fields names each problem (VALIDATION_FAILED, QUANTITY_LIMIT)")
        let refused = OpenAPI.error(
            """
            Not possible: INSUFFICIENT_CAPACITY (details: ticketTypeId, requestedQuantity, availableQuantity, limitingSessionId), \
            SALES_NOT_STARTED, SALES_ENDED, NOT_ON_SALE, HOLD_EXPIRED; BUYER_LIMIT when an order that waits for payment \
            would take this buyer or client address past the event's limit on places held or pending (details: scope \
            buyer or address, limit, held, requestedQuantity)
            """)
        let notFound = OpenAPI.error("No such order, hold, ticket type or session (or not yours)")
        let checkoutDescription = """
            Takes the places from the ticket type and every session it includes, and writes the order, one ticket per place and \
            its outbox rows, in one transaction, or nothing. A total of zero is paid at once (provider free); otherwise the order \
            is pending (provider offline: pay by transfer or at the door) and keeps its places until its paymentDeadline. Guests \
            give buyerName and buyerEmail; signed-in members pay the member price where one is set.
            """
        let pageParameters: [JSONValue] = [
            [
                "name": "page", "in": "query", "required": false,
                "schema": ["type": "integer", "minimum": 1, "maximum": 1_000_000],
            ],
            [
                "name": "perPage", "in": "query", "required": false,
                "schema": ["type": "integer", "minimum": 1, "maximum": 100],
            ],
            [
                "name": "status", "in": "query", "required": false,
                "schema": OpenAPI.enumeration(["pending", "paid", "cancelled", "refunded", "expired"]),
            ],
        ]
        func checkout(
            _ id: String, _ summary: String, parameters: [JSONValue] = [], body: String = "CheckoutRequest"
        ) -> JSONValue {
            OpenAPI.operation(
                id, tag: "Orders", summary: summary, description: checkoutDescription,
                parameters: parameters + [cartToken, idempotencyKey],
                requestBody: OpenAPI.body(OpenAPI.ref(body)),
                responses: [
                    "201": created,
                    "200": OpenAPI.json("A retry with the same Idempotency-Key: the same order", OpenAPI.ref("Order")),
                    "400": invalid, "404": notFound, "409": refused,
                    "401": OpenAPI.error("A guest who gives no buyerEmail: sign in or say who you are (UNAUTHORIZED)"),
                ])
        }
        let checkoutRequest = OpenAPI.object(
            [
                "eventId": OpenAPI.uuid, "ticketTypeId": OpenAPI.uuid, "categoryId": OpenAPI.uuid,
                "quantity": ["type": "integer", "minimum": 1, "maximum": 10],
                "attendees": [
                    "type": "array", "maxItems": 10,
                    "description":
                        "The holders of the first tickets (the buyer holds the rest); more than the tickets is a 409",
                    "items": OpenAPI.object(
                        [
                            "name": ["type": "string", "minLength": 1, "maxLength": 100],
                            "email": OpenAPI.email,
                            "dietaryRestrictions": ["type": "string", "maxLength": 500],
                            "emergencyContact": ["type": "string", "maxLength": 200],
                        ],
                        optional: ["dietaryRestrictions", "emergencyContact"]),
                ],
                "paymentMethod": [
                    "type": "string",
                    "enum": ["offline", "transfer", "door", "cash", "invoice", "free"],
                    "description": "offline (default), transfer, door, cash, invoice",
                ],
                "notes": ["type": "string", "maxLength": 1000],
                "buyerName": ["type": "string", "minLength": 1, "maxLength": 100], "buyerEmail": OpenAPI.email,
                "holdId": OpenAPI.uuid, "lockId": OpenAPI.uuid,
            ],
            optional: [
                "eventId", "ticketTypeId", "categoryId", "quantity", "attendees", "paymentMethod", "notes",
                "buyerName",
                "buyerEmail", "holdId", "lockId",
            ])
        return APIDocumentation(
            paths: [
                "/api/events/{eventId}/tickets/purchase": [
                    "post": checkout(
                        "purchaseTickets", "Buy tickets of an event (seed 002)",
                        parameters: [["name": "eventId", "in": "path", "required": true, "schema": OpenAPI.uuid]])
                ],
                "/api/orders": [
                    "post": checkout("createOrder", "Create an order (seeds 003 and 004)"),
                    "get": OpenAPI.operation(
                        "listMyOrders", tag: "Orders", summary: "My orders, newest first", signedIn: true,
                        responses: [
                            "200": OpenAPI.json("Orders", OpenAPI.ref("OrderList")),
                            "401": OpenAPI.error("Not signed in"),
                        ]),
                ],
                "/api/orders/with-lock": [
                    "post": checkout(
                        "createOrderFromHold", "Turn a hold (lockId or holdId) into an order",
                        body: "HoldCheckoutRequest")
                ],
                "/api/orders/all": [
                    "get": OpenAPI.operation(
                        "listAllOrders", tag: "Orders", summary: "Every order, newest first (admins)",
                        parameters: pageParameters, signedIn: true,
                        responses: [
                            "200": OpenAPI.json("A page of orders", OpenAPI.ref("OrderPage")), "400": invalid,
                            "401": OpenAPI.error("Not signed in"), "403": OpenAPI.error("Not an admin"),
                        ])
                ],
                "/api/orders/event/{eventId}": [
                    "get": OpenAPI.operation(
                        "listEventOrders", tag: "Orders",
                        summary: "An event's orders, newest first (organizers, admins)",
                        parameters: [["name": "eventId", "in": "path", "required": true, "schema": OpenAPI.uuid]]
                            + pageParameters, signedIn: true,
                        responses: [
                            "200": OpenAPI.json("A page of orders", OpenAPI.ref("OrderPage")), "400": invalid,
                            "401": OpenAPI.error("Not signed in"), "403": OpenAPI.error("Not allowed"), "404": notFound,
                        ])
                ],
                "/api/users/{userId}/tickets": [
                    "get": OpenAPI.operation(
                        "listUserTickets", tag: "Orders", summary: "A user's tickets (the user, admins)",
                        parameters: [["name": "userId", "in": "path", "required": true, "schema": OpenAPI.uuid]],
                        signedIn: true,
                        responses: [
                            "200": OpenAPI.json("Tickets", OpenAPI.ref("UserTicketList")),
                            "401": OpenAPI.error("Not signed in"),
                            "403": OpenAPI.error("Another user's tickets"),
                        ])
                ],
                "/api/tickets/{ticketId}/cancel": [
                    "put": OpenAPI.operation(
                        "cancelTicket", tag: "Orders",
                        summary: "Cancel one ticket of a paid order under the event's refund rule",
                        description:
                            "Frees its place in every session it includes. Full refund until the event's refundCutoffHours before the ticket's first session, none after (or when the event has no rule).",
                        parameters: [
                            ["name": "ticketId", "in": "path", "required": true, "schema": OpenAPI.uuid], orderToken,
                        ],
                        responses: [
                            "200": OpenAPI.json("The cancellation", OpenAPI.ref("TicketCancellation")), "404": notFound,
                            "409": OpenAPI.error(
                                "The order is not paid, or the ticket is not valid (INVALID_TRANSITION)"),
                        ])
                ],
                "/api/orders/{orderId}": [
                    "get": OpenAPI.operation(
                        "getOrder", tag: "Orders",
                        summary:
                            "One order by ID (its buyer, its organizers, admins, or a guest with its token) or by number with ?email=",
                        parameters: [
                            [
                                "name": "orderId", "in": "path", "required": true, "schema": OpenAPI.string,
                                "description": "The order's ID, or its 10-character number",
                            ],
                            [
                                "name": "email", "in": "query", "required": false, "schema": OpenAPI.string,
                                "description":
                                    "The buyer's email, required to look an order up by number without its token",
                            ],
                            orderToken,
                        ],
                        responses: ["200": OpenAPI.json("The order", OpenAPI.ref("Order")), "404": notFound])
                ],
                "/api/orders/{orderId}/cancel": [
                    "post": OpenAPI.operation(
                        "cancelOrder", tag: "Orders", summary: "Cancel my unpaid order; its places go back on sale",
                        parameters: [orderID, orderToken],
                        responses: [
                            "200": OpenAPI.json("The order", OpenAPI.ref("Order")), "404": notFound,
                            "409": OpenAPI.error("Not pending (INVALID_TRANSITION)"),
                        ])
                ],
                "/api/admin/orders/{orderId}/status": [
                    "put": OpenAPI.operation(
                        "setOrderStatus", tag: "Orders",
                        summary: "Move an order through its lifecycle (organizers, admins)",
                        description:
                            "pending → paid, cancelled or expired; paid → cancelled or refunded. Paying confirms the held places; cancelling or refunding gives places back in every included session.",
                        parameters: [orderID], requestBody: OpenAPI.body(OpenAPI.ref("StatusChangeRequest")),
                        signedIn: true,
                        responses: [
                            "200": OpenAPI.json("The order", OpenAPI.ref("Order")), "400": invalid,
                            "401": OpenAPI.error("Not signed in"), "403": OpenAPI.error("Not allowed"), "404": notFound,
                            "409": OpenAPI.error("INVALID_TRANSITION or HOLD_EXPIRED"),
                        ])
                ],
                "/api/sessions/{sessionId}/registrations": [
                    "get": OpenAPI.operation(
                        "listSessionRegistrations", tag: "Orders",
                        summary: "Who is registered for a session (organizers, admins)",
                        parameters: [
                            [
                                "name": "sessionId", "in": "path", "required": true, "schema": OpenAPI.uuid,
                                "description": "The session's ID (sessionUuid), not its code",
                            ]
                        ],
                        signedIn: true,
                        responses: [
                            "200": OpenAPI.json("Registrations", OpenAPI.ref("RegistrationList")),
                            "401": OpenAPI.error("Not signed in"),
                            "403": OpenAPI.error("Not allowed"), "404": notFound,
                        ])
                ],
            ],
            schemas: [
                "Order": OpenAPI.object(
                    [
                        "orderId": OpenAPI.uuid, "orderNumber": OpenAPI.string, "eventId": OpenAPI.uuid,
                        "status": OpenAPI.enumeration(["pending", "paid", "cancelled", "refunded", "expired"]),
                        "buyerName": OpenAPI.string, "buyerEmail": OpenAPI.string,
                        "provider": OpenAPI.enumeration(["free", "offline"]),
                        "total": ["type": "number"], "totalMinor": OpenAPI.integer, "currency": OpenAPI.string,
                        "notes": OpenAPI.string,
                        "paymentDeadline": OpenAPI.dateTime,
                        "items": [
                            "type": "array",
                            "items": OpenAPI.object([
                                "ticketTypeId": OpenAPI.uuid, "quantity": OpenAPI.integer,
                                "unitPrice": ["type": "number"],
                                "unitPriceMinor": OpenAPI.integer, "memberPrice": OpenAPI.boolean,
                            ]),
                        ],
                        "tickets": [
                            "type": "array",
                            "items": OpenAPI.object(
                                [
                                    "ticketId": OpenAPI.uuid, "ticketTypeId": OpenAPI.uuid,
                                    "status": OpenAPI.enumeration(["pending", "valid", "cancelled", "refunded"]),
                                    "attendeeName": OpenAPI.string, "attendeeEmail": OpenAPI.string,
                                    "dietaryRestrictions": OpenAPI.string, "emergencyContact": OpenAPI.string,
                                ],
                                optional: ["dietaryRestrictions", "emergencyContact"]),
                        ],
                        "createdAt": OpenAPI.dateTime, "paidAt": OpenAPI.dateTime, "accessToken": OpenAPI.string,
                    ],
                    optional: ["notes", "paymentDeadline", "paidAt", "accessToken"]),
                "OrderList": OpenAPI.object(["orders": ["type": "array", "items": OpenAPI.ref("Order")]]),
                "OrderPage": OpenAPI.object([
                    "orders": ["type": "array", "items": OpenAPI.ref("Order")], "page": OpenAPI.integer,
                    "perPage": OpenAPI.integer,
                    "total": OpenAPI.integer,
                ]),
                "UserTicketList": OpenAPI.object([
                    "tickets": [
                        "type": "array",
                        "items": OpenAPI.object([
                            "ticketId": OpenAPI.uuid, "orderId": OpenAPI.uuid, "orderNumber": OpenAPI.string,
                            "eventId": OpenAPI.uuid,
                            "eventTitle": OpenAPI.string, "ticketTypeId": OpenAPI.uuid,
                            "ticketTypeName": OpenAPI.string,
                            "sessions": ["type": "array", "items": OpenAPI.string],
                            "status": OpenAPI.enumeration(["pending", "valid", "cancelled", "refunded"]),
                            "attendeeName": OpenAPI.string,
                        ]),
                    ]
                ]),
                "TicketCancellation": OpenAPI.object([
                    "ticketId": OpenAPI.uuid, "status": OpenAPI.enumeration(["cancelled", "refunded"]),
                    "refundAmount": ["type": "number"],
                    "refundMinor": OpenAPI.integer, "currency": OpenAPI.string, "rule": OpenAPI.string,
                ]),
                "CheckoutRequest": checkoutRequest.merging([
                    "anyOf": [
                        ["required": ["ticketTypeId", "quantity"]], ["required": ["categoryId", "quantity"]],
                        ["required": ["holdId"]], ["required": ["lockId"]],
                    ]
                ]),
                "HoldCheckoutRequest": checkoutRequest.merging([
                    "anyOf": [["required": ["holdId"]], ["required": ["lockId"]]]
                ]),
                "StatusChangeRequest": OpenAPI.object(
                    [
                        "status": OpenAPI.enumeration(["pending", "paid", "cancelled", "refunded", "expired"]),
                        "reason": OpenAPI.string,
                    ],
                    optional: ["reason"]),
                "RegistrationList": OpenAPI.object([
                    "sessionId": OpenAPI.string, "eventId": OpenAPI.uuid,
                    "registrations": [
                        "type": "array",
                        "items": OpenAPI.object(
                            [
                                "ticketId": OpenAPI.uuid, "orderNumber": OpenAPI.string, "ticketTypeId": OpenAPI.uuid,
                                "ticketTypeName": OpenAPI.string, "status": OpenAPI.string,
                                "attendeeName": OpenAPI.string,
                                "attendeeEmail": OpenAPI.string, "dietaryRestrictions": OpenAPI.string,
                                "emergencyContact": OpenAPI.string,
                            ],
                            optional: ["dietaryRestrictions", "emergencyContact"]),
                    ],
                ]),
            ],
            tags: [["name": "Orders", "description": "Checkout, orders, their lifecycle and registrations."]]
        )
    }()
}
