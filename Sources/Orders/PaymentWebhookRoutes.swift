public import Domain
import Foundation
public import HTTPCore
import HTTPTypes
public import Hummingbird
import Logging
import Payments
public import Persistence
import SQLKit

/// `POST /api/webhooks/stripe` and seed 004's `POST /api/webhook/payment`: the payment processor's events. The
/// signature over the raw body is checked with every configured secret before anything is read; a forged, stale or
/// malformed call is refused 400 and written nowhere but the log. Each event is recorded once by its ID, so a
/// processor's redelivery is acknowledged and ignored.
public struct PaymentWebhookRoutes: Sendable {
    let webhooks: PaymentWebhooks
    let clock: AppClock

    public init(webhooks: PaymentWebhooks, clock: AppClock) {
        self.webhooks = webhooks
        self.clock = clock
    }

    public func register(on webhooks: some RouterMethods<WebhookRequestContext>) {
        for path in ["/api/webhooks/stripe", "/api/webhook/payment"] {
            webhooks.post(RouterPath(path)) { request, context in
                try await receive(request, context: context)
            }
        }
    }

    func receive(_ request: Request, context: WebhookRequestContext) async throws -> PaymentWebhookReceipt {
        try await webhooks.receive(
            body: try await context.rawBody(request), signature: request.headers[HTTPField.Name("Stripe-Signature")!],
            now: clock.now(), logger: context.logger, peer: context.peerAddress)
    }
}

/// The processor's webhook events: verified by the gateway over the raw body, acted on (a payment's new status moves
/// its order through `CardPayments.apply`; a refund's is recorded), then recorded once by their ID. Acting comes first
/// and is idempotent, so an event whose handling failed half-way is acted on again when the processor redelivers it.
public struct PaymentWebhooks: Sendable {
    let payments: CardPayments
    let store: DatabaseStore
    var gateway: any PaymentGateway { payments.gateway }

    public init(payments: CardPayments, store: DatabaseStore) {
        self.payments = payments
        self.store = store
    }

    func receive(body: [UInt8], signature: String?, now: Date, logger: Logger, peer: String?) async throws
        -> PaymentWebhookReceipt
    {
        let event: GatewayEvent
        do {
            event = try gateway.webhookEvent(body: body, signature: signature, now: now)
        } catch let error as PaymentGatewayError {
            logger.warning("payment webhook refused", metadata: ["reason": "\(error)", "peer": "\(peer ?? "-")"])
            throw WebhookRefusal(reason: error)
        }
        let sql = store.sql()
        if try await PaymentEvents.seen(event.id, on: sql) {
            logger.info(
                "payment webhook received",
                metadata: ["event": "\(event.id)", "type": "\(event.type)", "duplicate": "true"])
            return PaymentWebhookReceipt(received: true, duplicate: true)
        }
        if let reported = event.payment, event.type.hasPrefix("payment_intent."),
            let paymentID = try await payments.payment(for: reported)
        {
            // Events can arrive out of order (an old decline after a newer attempt): the payment as it stands now is
            // what counts; the event's copy only when the processor cannot be asked.
            let current = (try? await gateway.payment(reported.id)) ?? reported
            try await payments.apply(paymentID, CardPayments.ProcessorWord(current), now: now)
        }
        if let refund = event.refund,
            let row = try await sql.raw(
                "SELECT id FROM refunds WHERE provider_ref = \(bind: refund.id)"
            ).first()
        {
            try await Refunds.record(
                try row.decode(column: "id", as: UUID.self), refund, now: now, store: store)
        }
        let fresh = try await PaymentEvents.record(event, provider: gateway.name, receivedAt: now, on: sql)
        logger.info(
            "payment webhook received",
            metadata: ["event": "\(event.id)", "type": "\(event.type)", "duplicate": "\(!fresh)"])
        return PaymentWebhookReceipt(received: true, duplicate: !fresh)
    }
}

/// The processor's events as recorded: once per event ID.
enum PaymentEvents {
    static func seen(_ eventID: String, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.raw("SELECT 1 AS seen FROM payment_events WHERE event_id = \(bind: eventID)").first() != nil
    }

    /// True when the event is new; false when it was recorded before (a redelivery).
    static func record(_ event: GatewayEvent, provider: String, receivedAt: Date, on sql: any SQLDatabase)
        async throws -> Bool
    {
        let inserted = try await sql.raw(
            """
            INSERT INTO payment_events (event_id, provider, type, payment_id, created_at, received_at)
            VALUES (\(bind: event.id), \(bind: provider), \(bind: event.type), \(bind: event.payment?.id), \
            \(bind: event.created), \(bind: receivedAt))
            ON CONFLICT (event_id) DO NOTHING RETURNING event_id
            """
        ).all()
        return !inserted.isEmpty
    }
}

public struct PaymentWebhookReceipt: Codable, Sendable, ResponseEncodable {
    public var received: Bool
    /// True when this event had been received before: acknowledged, not acted on again.
    public var duplicate: Bool
}

/// A webhook that is not the processor's: unsigned, signed with another secret, too old, or unreadable.
struct WebhookRefusal: APIError {
    let reason: PaymentGatewayError
    var code: String { reason == .notConfigured ? "PAYMENTS_NOT_CONFIGURED" : "WEBHOOK_REFUSED" }
    var status: HTTPResponse.Status { .badRequest }
    var message: String {
        switch reason {
        case .notConfigured: "No payment processor is configured on this installation."
        case .staleSignature: "The signature is too old."
        case .malformed: "The body is not an event."
        default: "The signature does not match."
        }
    }
}
