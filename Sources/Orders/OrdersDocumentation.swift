import Domain
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
            "Invalid body; details.fields names each problem (VALIDATION_FAILED)")
        let refused = OpenAPI.error(
            """
            Not possible: INSUFFICIENT_CAPACITY (details: ticketTypeId, requestedQuantity, availableQuantity, limitingSessionId), \
            SALES_NOT_STARTED, SALES_ENDED, NOT_ON_SALE, HOLD_EXPIRED; BUYER_LIMIT when the order would take this buyer \
            or client address past the event's limit on places they have, held, pending or sold (details: scope buyer or \
            address, limit, held, requestedQuantity)
            """)
        let notFound = OpenAPI.error("No such order, hold, ticket type or session (or not yours)")
        let checkoutDescription = """
            Takes the places from the ticket type and every session it includes, and writes the order, one ticket per place and \
            its outbox rows, in one transaction, or nothing. A total of zero is paid at once (provider free); otherwise the order \
            is pending (provider offline: pay by transfer or at the door) and keeps its places until its paymentDeadline. A guest's \
            free or offline order keeps them for GUEST_CONFIRM_WINDOW unless the buyer follows the link mailed to them (a free \
            one is then paid). Guests \
            give buyerName and buyerEmail; signed-in members pay the member price where one is set. With paymentMethod card \
            (or seed 002's CreditCard) the order is pending for the card payment window and, once the sale has committed, a \
            payment is started at the processor: with a paymentToken (a payment method from the card form) it is confirmed \
            at once and the answer's payment says succeeded (the order is paid), requires_action (3-D Secure: clientSecret \
            and nextAction) or failed (failureReason; the order is cancelled and its places released); without one the \
            payment's clientSecret lets the card form confirm it, and the webhook or the reconciler completes the order.
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
                    "422": OpenAPI.error(
                        "A card method where no card processor is configured (PAYMENT_METHOD_UNAVAILABLE), a paymentToken without a card method, more than the ticket type's per-order maximum (QUANTITY_LIMIT), an eventId that is not the ticket type's or the hold's, or a buyerName that trimming leaves blank (VALIDATION_FAILED)"
                    ),
                    "401": OpenAPI.error(
                        "A guest who gives no buyerEmail: sign in or say who you are (UNAUTHORIZED); an event that sells to signed-in buyers only (SIGN_IN_REQUIRED)"
                    ),
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
                            "name": [
                                "type": "string", "minLength": 1, "maxLength": 100,
                                "pattern": .string(OpenAPI.nonBlankTextPattern),
                            ],
                            "email": OpenAPI.email,
                            "dietaryRestrictions": ["type": "string", "maxLength": 500],
                            "emergencyContact": ["type": "string", "maxLength": 200],
                        ],
                        optional: ["dietaryRestrictions", "emergencyContact"]),
                ],
                "paymentMethod": [
                    "type": "string",
                    "enum": [
                        "offline", "transfer", "door", "cash", "invoice", "free", "card", "CreditCard", "credit_card",
                    ],
                    "description":
                        "offline (default), transfer, door, cash, invoice; card or CreditCard through the configured processor",
                ],
                "paymentToken": [
                    "type": "string", "minLength": 1, "maxLength": 255,
                    "description":
                        "A payment method from the processor's card form (Stripe: pm_…), only with a card method (422 otherwise); handed to the processor, stored and logged nowhere",
                ],
                "notes": ["type": "string", "maxLength": 1000],
                "buyerName": OpenAPI.singleLine(minLength: 1, maxLength: 100), "buyerEmail": OpenAPI.email,
                "holdId": OpenAPI.uuid, "lockId": OpenAPI.uuid,
            ],
            optional: [
                "eventId", "ticketTypeId", "categoryId", "quantity", "attendees", "paymentMethod", "paymentToken",
                "notes",
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
                "/api/orders/{orderId}/payments": [
                    "get": OpenAPI.operation(
                        "listOrderPayments", tag: "Payments",
                        summary: "An order's payments and refunds (its buyer, its organizers, admins)",
                        description:
                            "The buyer also sees the clientSecret of a payment that is not final, to finish it with the card form.",
                        parameters: [orderID, orderToken],
                        responses: [
                            "200": OpenAPI.json("Payments and refunds", OpenAPI.ref("OrderPayments")), "404": notFound,
                        ]),
                    "post": OpenAPI.operation(
                        "payOrder", tag: "Payments", summary: "Pay my pending order by card (again)",
                        description:
                            "Starts another card payment of a pending order (after giving up on 3-D Secure, or to pay an offline order by card), or of an order a declined card cancelled (a retry after a decline: its places were released, so the order is revived if they are still there when the payment succeeds, and the payment refunded otherwise). A second payment that succeeds after the first is refunded automatically. Without a paymentToken, a payment of the order still open at the processor (not final, of the order's total) is answered again instead of a new one; an order has at most 5 card payments, the checkout's included.",
                        parameters: [orderID, orderToken], requestBody: OpenAPI.body(OpenAPI.ref("PayOrderRequest")),
                        responses: [
                            "201": OpenAPI.json("The payment as the processor left it", OpenAPI.ref("Payment")),
                            "400": invalid, "404": notFound,
                            "409": OpenAPI.error(
                                "The order waits for no payment (INVALID_TRANSITION), or has had the most card payments one order may have (PAYMENT_ATTEMPTS_EXHAUSTED; details: limit)"
                            ),
                        ]),
                ],
                "/api/orders/{orderId}/refunds": [
                    "post": OpenAPI.operation(
                        "refundOrder", tag: "Payments",
                        summary: "Refund all or part of a paid order (organizers, admins)",
                        description:
                            "Refunds amountMinor (all that is left when omitted) from the order's succeeded payments: card payments through the processor (pending until it reports them done), payments recorded by hand as manual refunds. Refunding all that is left moves the order to refunded and gives its places back.",
                        parameters: [orderID], requestBody: OpenAPI.body(OpenAPI.ref("RefundOrderRequest")),
                        signedIn: true,
                        responses: [
                            "201": OpenAPI.json("The refunds made", OpenAPI.ref("RefundList")), "400": invalid,
                            "401": OpenAPI.error("Not signed in"), "403": OpenAPI.error("Not allowed"), "404": notFound,
                            "409": OpenAPI.error(
                                "Neither paid nor refunded/cancelled with money left (INVALID_TRANSITION), or more than is left (REFUND_TOO_LARGE; details: refundableMinor)"
                            ),
                        ])
                ],
                "/api/tickets/{ticketId}/attendee": [
                    "put": OpenAPI.operation(
                        "nameAttendee", tag: "Orders",
                        summary: "Name (or rename) a ticket's attendee (its buyer, organizers)",
                        parameters: [
                            ["name": "ticketId", "in": "path", "required": true, "schema": OpenAPI.uuid], orderToken,
                        ],
                        requestBody: OpenAPI.body(OpenAPI.ref("AttendeeRequest")),
                        responses: [
                            "200": OpenAPI.json("The ticket", OpenAPI.ref("OrderTicket")), "400": invalid,
                            "404": notFound,
                            "409": OpenAPI.error("The ticket is cancelled or refunded (INVALID_TRANSITION)"),
                        ])
                ],
                "/api/admin/emails": [
                    "get": OpenAPI.operation(
                        "listEmails", tag: "Orders",
                        summary:
                            "The email log: every message queued, with its state (admins; an organization's organizers with organizationId; an order's managers with orderId)",
                        description:
                            "States: pending (waiting, or waiting for a retry), processing (a worker has it), sent, failed (after its last try or a permanent refusal, with lastError). Newest first.",
                        parameters: [
                            ["name": "orderId", "in": "query", "required": false, "schema": OpenAPI.uuid],
                            [
                                "name": "organizationId", "in": "query", "required": false, "schema": OpenAPI.uuid,
                                "description":
                                    "The organization's mail: its orders', its organizers' messages and campaigns', its newsletter confirmations",
                            ],
                            ["name": "recipient", "in": "query", "required": false, "schema": OpenAPI.email],
                            [
                                "name": "state", "in": "query", "required": false,
                                "schema": OpenAPI.enumeration(["pending", "processing", "sent", "failed"]),
                            ],
                            [
                                "name": "topic", "in": "query", "required": false,
                                "schema": OpenAPI.enumeration(
                                    OutboxTopic.allCases.map(\.rawValue).filter { $0.hasPrefix("email.") }),
                            ],
                            [
                                "name": "page", "in": "query", "required": false,
                                "schema": ["type": "integer", "minimum": 1, "maximum": 1_000_000],
                            ],
                            [
                                "name": "perPage", "in": "query", "required": false,
                                "schema": ["type": "integer", "minimum": 1, "maximum": 100],
                            ],
                        ],
                        signedIn: true,
                        responses: [
                            "200": OpenAPI.json("A page of emails", OpenAPI.ref("EmailPage")), "400": invalid,
                            "401": OpenAPI.error("Not signed in"),
                            "403": OpenAPI.error(
                                "Not an admin (others must name an organization they organize or an order they manage)"),
                            "404": notFound,
                        ])
                ],
                "/api/admin/orders/{orderId}/resend-email": [
                    "post": OpenAPI.operation(
                        "resendOrderEmail", tag: "Orders",
                        summary: "Queue the order's confirmation again (seed 004; organizers, admins)",
                        parameters: [orderID], signedIn: true,
                        responses: [
                            "202": OpenAPI.json("Queued", OpenAPI.ref("Resend")), "401": OpenAPI.error("Not signed in"),
                            "404": notFound,
                            "409": OpenAPI.error("The order is expired, cancelled or refunded: nothing to confirm"),
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
                        "provider": [
                            "type": "string", "description": "free, offline, or the card processor's name (stripe)",
                        ],
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
                        "payment": OpenAPI.ref("Payment"),
                    ],
                    optional: ["notes", "paymentDeadline", "paidAt", "accessToken", "payment"]),
                "OrderTicket": OpenAPI.object(
                    [
                        "ticketId": OpenAPI.uuid, "ticketTypeId": OpenAPI.uuid,
                        "status": OpenAPI.enumeration(["pending", "valid", "cancelled", "refunded"]),
                        "attendeeName": OpenAPI.string, "attendeeEmail": OpenAPI.string,
                        "dietaryRestrictions": OpenAPI.string, "emergencyContact": OpenAPI.string,
                    ],
                    optional: ["dietaryRestrictions", "emergencyContact"]),
                "AttendeeRequest": OpenAPI.object(
                    [
                        "name": [
                            "type": "string", "minLength": 1, "maxLength": 100,
                            "pattern": .string(OpenAPI.nonBlankTextPattern),
                        ],
                        "email": OpenAPI.email,
                        "dietaryRestrictions": ["type": "string", "maxLength": 500],
                        "emergencyContact": ["type": "string", "maxLength": 200],
                    ],
                    optional: ["dietaryRestrictions", "emergencyContact"]),
                "Payment": OpenAPI.object(
                    [
                        "paymentId": OpenAPI.uuid, "orderId": OpenAPI.uuid, "provider": OpenAPI.string,
                        "method": OpenAPI.enumeration(["card", "manual"]),
                        "status": OpenAPI.enumeration(["pending", "requires_action", "succeeded", "failed", "canceled"]
                        ),
                        "amount": ["type": "number"], "amountMinor": OpenAPI.integer, "refundedMinor": OpenAPI.integer,
                        "currency": OpenAPI.string, "providerReference": OpenAPI.string,
                        "clientSecret": OpenAPI.string,
                        "nextAction": ["type": "object", "description": "The processor's next action (3-D Secure)"],
                        "failureReason": OpenAPI.string, "createdAt": OpenAPI.dateTime, "updatedAt": OpenAPI.dateTime,
                        "succeededAt": OpenAPI.dateTime,
                    ],
                    optional: ["providerReference", "clientSecret", "nextAction", "failureReason", "succeededAt"]),
                "Refund": OpenAPI.object(
                    [
                        "refundId": OpenAPI.uuid, "orderId": OpenAPI.uuid, "paymentId": OpenAPI.uuid,
                        "amount": ["type": "number"], "amountMinor": OpenAPI.integer, "currency": OpenAPI.string,
                        "reason": OpenAPI.string,
                        "status": OpenAPI.enumeration(["pending", "succeeded", "failed", "manual"]),
                        "failureReason": OpenAPI.string, "createdAt": OpenAPI.dateTime, "updatedAt": OpenAPI.dateTime,
                    ],
                    optional: ["paymentId", "failureReason"]),
                "OrderPayments": OpenAPI.object([
                    "orderId": OpenAPI.uuid, "currency": OpenAPI.string, "paidMinor": OpenAPI.integer,
                    "refundedMinor": OpenAPI.integer, "refundableMinor": OpenAPI.integer,
                    "payments": ["type": "array", "items": OpenAPI.ref("Payment")],
                    "refunds": ["type": "array", "items": OpenAPI.ref("Refund")],
                ]),
                "RefundList": OpenAPI.object(["refunds": ["type": "array", "items": OpenAPI.ref("Refund")]]),
                "EmailPage": OpenAPI.object([
                    "emails": [
                        "type": "array",
                        "items": OpenAPI.object(
                            [
                                "emailId": OpenAPI.uuid, "topic": OpenAPI.string,
                                "state": OpenAPI.enumeration(["pending", "processing", "sent", "failed"]),
                                "attempts": OpenAPI.integer, "lastError": OpenAPI.string, "orderId": OpenAPI.uuid,
                                "recipient": OpenAPI.string, "createdAt": OpenAPI.dateTime, "sentAt": OpenAPI.dateTime,
                                "failedAt": OpenAPI.dateTime,
                            ],
                            optional: ["lastError", "orderId", "recipient", "sentAt", "failedAt"]),
                    ],
                    "page": OpenAPI.integer, "perPage": OpenAPI.integer,
                ]),
                "Resend": OpenAPI.object(["message": OpenAPI.string, "emailId": OpenAPI.uuid]),
                "RefundOrderRequest": OpenAPI.object(
                    [
                        "amountMinor": ["type": "integer", "minimum": 1, "description": "Omitted: all that is left"],
                        "reason": ["type": "string", "maxLength": 500],
                    ],
                    optional: ["amountMinor", "reason"]),
                "PayOrderRequest": OpenAPI.object(
                    ["paymentToken": ["type": "string", "minLength": 1, "maxLength": 255]], optional: ["paymentToken"]),
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
            tags: [
                ["name": "Orders", "description": "Checkout, orders, their lifecycle and registrations."],
                [
                    "name": "Payments",
                    "description": "Card payments through the processor, refunds, and their records.",
                ],
            ]
        )
    }()
}
