public import HTTPCore

extension PaymentWebhookRoutes {
    public static let documentation: APIDocumentation = {
        let operation = { (id: String, summary: String) -> JSONValue in
            OpenAPI.operation(
                id, tag: "Payments", summary: summary,
                description: """
                    Called by the payment processor, not by clients. The `Stripe-Signature` header (HMAC-SHA256 over \
                    `t.body` with any configured webhook secret, at most 5 minutes old) is checked over the raw body \
                    before anything is read. payment_intent.* events move the payment's order as the system: succeeded \
                    → paid (confirmation queued; an expired order is revived if its places are free, else the payment \
                    is refunded), payment_failed or canceled → the card order is cancelled and its places released; \
                    refund.* events settle a refund. Each event is acted on and recorded once by its ID; a redelivery \
                    is acknowledged with `duplicate: true`. Not counted by the general rate limit.
                    """,
                parameters: [
                    [
                        "name": "Stripe-Signature", "in": "header", "required": true, "schema": OpenAPI.string,
                        "description": "t=<unix seconds>,v1=<hex signature>[,v1=…]",
                    ]
                ],
                requestBody: OpenAPI.body(OpenAPI.ref("PaymentWebhookEvent")),
                responses: [
                    "200": OpenAPI.json("Received", OpenAPI.ref("PaymentWebhookReceipt")),
                    "400": OpenAPI.error(
                        "Refused: signature missing, forged or stale, body not an event (WEBHOOK_REFUSED), or no "
                            + "processor configured (PAYMENTS_NOT_CONFIGURED)"),
                    "413": OpenAPI.error("Body larger than 256 KiB"),
                ])
        }
        return APIDocumentation(
            paths: [
                "/api/webhooks/stripe": ["post": operation("receiveStripeWebhook", "A Stripe webhook event")],
                "/api/webhook/payment": [
                    "post": operation("receivePaymentWebhook", "A payment webhook event (seed 004's path)")
                ],
            ],
            schemas: [
                "PaymentWebhookEvent": [
                    "type": "object",
                    "description": "The processor's event, as it sends it; its fields are the processor's.",
                    "required": ["id", "type", "created"],
                    "additionalProperties": true,
                    "properties": [
                        "id": OpenAPI.string, "type": OpenAPI.string, "created": OpenAPI.integer,
                        "data": ["type": "object", "additionalProperties": true],
                    ],
                ],
                "PaymentWebhookReceipt": OpenAPI.object(["received": OpenAPI.boolean, "duplicate": OpenAPI.boolean]),
            ],
            tags: [])
    }()
}
