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
                    refund.* events settle a refund. Nothing is taken from the event's copy: the processor is asked \
                    for the PaymentIntent or refund by its ID, and what it reports is acted on. An event naming one the \
                    processor does not know, another PaymentIntent than the payment's stored one, or another amount or \
                    currency, is refused: answered 200 with `ignored: true` and a `reason` (so the processor does not \
                    retry it), only logged. When the processor cannot be asked the answer is 503, and it delivers the \
                    event again later. Each event is acted on and recorded once by its ID; a redelivery is acknowledged \
                    with `duplicate: true`. Not counted by the general rate limit, but by one of its own: 300 calls \
                    per 60 s per client address.
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
                    "429": OpenAPI.error(
                        "Too many webhook calls from this address: 300 per 60 s (RATE_LIMITED, with Retry-After)"),
                    "503": OpenAPI.error(
                        "The processor could not be asked about the event; nothing was acted on, deliver it again "
                            + "(PAYMENT_PROCESSOR_UNAVAILABLE)"),
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
                "PaymentWebhookReceipt": OpenAPI.object(
                    [
                        "received": OpenAPI.boolean, "duplicate": OpenAPI.boolean, "ignored": OpenAPI.boolean,
                        "reason": OpenAPI.enumeration([
                            "unknown_payment", "unknown_refund", "reference_mismatch", "payment_mismatch",
                            "amount_mismatch", "refund_mismatch",
                        ]),
                    ], optional: ["reason"]),
            ],
            tags: [])
    }()
}
