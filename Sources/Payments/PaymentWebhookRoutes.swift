public import Domain
import Foundation
public import HTTPCore
import HTTPTypes
public import Hummingbird
import Logging
import PaymentGateway
public import Persistence
import SQLKit
import Synchronization

/// `POST /api/webhooks/stripe` and its alias `POST /api/webhook/payment`: the payment processor's events. The
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

/// The processor's webhook events: verified by the gateway over the raw body, checked with the processor itself, acted
/// on (a payment's new status moves its order through `CardPayments.apply`; a refund's is recorded), then recorded once
/// by their ID. Acting comes first and is idempotent, so an event whose handling failed half-way is acted on again when
/// the processor redelivers it.
///
/// A signature proves only that the event was signed with the webhook secret, so an event's copy of a payment or a
/// refund is never acted on: the processor is asked for it by its ID, and what it answers is what counts. An event
/// naming a payment or refund the processor does not know (404), or whose PaymentIntent is not the one stored on our
/// payment, or whose amount or currency are not the payment's, is refused: logged, not recorded, and answered 200 with
/// `ignored: true` (the processor must not retry what retrying cannot change). When the processor cannot be asked
/// (network, 5xx, or a refusal other than 404, such as a wrong API key's 401), nothing is acted on or recorded and
/// the answer is 503, so the processor delivers the event again later (the reconciler asks about the payment
/// meanwhile).
public struct PaymentWebhooks: Sendable {
    let payments: CardPayments
    let store: DatabaseStore
    let refusals: WebhookRefusalLog
    var gateway: any PaymentGateway { payments.gateway }

    public init(payments: CardPayments, store: DatabaseStore) {
        self.payments = payments
        self.store = store
        self.refusals = WebhookRefusalLog()
    }

    func receive(body: [UInt8], signature: String?, now: Date, logger: Logger, peer: String?) async throws
        -> PaymentWebhookReceipt
    {
        let event: GatewayEvent
        do {
            event = try gateway.webhookEvent(body: body, signature: signature, now: now)
        } catch let error as PaymentGatewayError {
            refusals.log(
                "payment webhook refused", metadata: ["reason": "\(error)", "peer": "\(peer ?? "-")"], now: now,
                logger: logger)
            throw WebhookRefusal(reason: error)
        }
        let sql = store.sql()
        if try await PaymentEvents.seen(event.id, on: sql) {
            logger.info(
                "payment webhook received",
                metadata: ["event": "\(event.id)", "type": "\(event.type)", "duplicate": "true"])
            return PaymentWebhookReceipt(received: true, duplicate: true)
        }
        let verdict: Verdict
        do {
            verdict = try await act(on: event, now: now)
        } catch let error as PaymentGatewayError {
            // Unreachable, a 5xx, an unreadable answer or a refusal other than 404 (a wrong API key): the event's own
            // copy is not acted on; the processor delivers it again.
            refusals.log(
                "payment webhook deferred: the processor could not be asked",
                metadata: ["event": "\(event.id)", "type": "\(event.type)", "error": "\(error)"], now: now,
                logger: logger)
            throw WebhookDeferred()
        }
        if case .refused(let reason, let details) = verdict {
            var metadata: Logger.Metadata = [
                "event": "\(event.id)", "type": "\(event.type)", "reason": "\(reason)", "peer": "\(peer ?? "-")",
            ]
            for (key, value) in details { metadata[key] = "\(value)" }
            refusals.log("payment webhook refused", metadata: metadata, now: now, logger: logger)
            return PaymentWebhookReceipt(received: true, duplicate: false, ignored: true, reason: reason)
        }
        let fresh = try await PaymentEvents.record(event, provider: gateway.name, receivedAt: now, on: sql)
        logger.info(
            "payment webhook received",
            metadata: ["event": "\(event.id)", "type": "\(event.type)", "duplicate": "\(!fresh)"])
        return PaymentWebhookReceipt(received: true, duplicate: !fresh)
    }

    /// What became of a verified event.
    enum Verdict: Sendable, Equatable {
        /// Acted on, or about nothing of ours: recorded.
        case accepted
        /// Contradicted by the processor or by our own records: only logged.
        case refused(String, details: [String: String] = [:])
    }

    /// Acts on a signed event as the processor confirms it. Throws `PaymentGatewayError` when the processor cannot be
    /// asked (nothing is acted on then).
    func act(on event: GatewayEvent, now: Date) async throws -> Verdict {
        let sql = store.sql()
        if let reported = event.payment, event.type.hasPrefix("payment_intent."),
            let paymentID = try await payments.payment(for: reported),
            let row = try await PaymentRow.find(paymentID, on: sql)
        {
            // The stored reference is never replaced by an event's: a payment has one PaymentIntent.
            if let stored = row.providerRef, stored != reported.id {
                return .refused("reference_mismatch", details: ["payment": "\(row.id)", "reported": reported.id])
            }
            // A final payment changes no more: the event is received, and nobody need be asked.
            guard !row.status.isFinal else { return .accepted }
            // Events can arrive out of order (an old decline after a newer attempt), and a signature is not the
            // processor's word: the payment as the processor reports it now, by its ID, is what counts.
            let current: GatewayPayment
            do {
                current = try await gateway.payment(reported.id)
            } catch PaymentGatewayError.rejected(let status, _) where status == 404 {
                // Any other refusal (a wrong API key's 401) is the installation's to fix: deferred, not ignored.
                return .refused("unknown_payment", details: ["payment": "\(row.id)"])
            }
            if let problem = Self.mismatch(current, reported: reported.id, row: row) {
                return .refused(problem, details: ["payment": "\(row.id)", "reported": reported.id])
            }
            try await payments.apply(paymentID, CardPayments.ProcessorWord(current), now: now)
        }
        if let reported = event.refund, let refund = try await RefundRow.find(reference: reported.id, on: sql) {
            guard refund.status == .pending else { return .accepted }
            let current: GatewayRefund
            do {
                current = try await gateway.refundStatus(reported.id)
            } catch PaymentGatewayError.rejected(let status, _) where status == 404 {
                return .refused("unknown_refund", details: ["refund": "\(refund.id)"])
            }
            var payment: PaymentRow?
            if let paymentID = refund.paymentID { payment = try await PaymentRow.find(paymentID, on: sql) }
            guard current.id == reported.id, current.amountMinor == refund.amountMinor,
                current.paymentId.isEmpty || current.paymentId == payment?.providerRef
            else { return .refused("refund_mismatch", details: ["refund": "\(refund.id)", "reported": reported.id]) }
            try await Refunds.record(refund.id, current, now: now, store: store)
        }
        return .accepted
    }

    /// Why the processor's copy of a payment does not fit our payment `row`, if it does not: another PaymentIntent,
    /// another payment's metadata, another amount or currency.
    static func mismatch(_ current: GatewayPayment, reported: String, row: PaymentRow) -> String? {
        if current.id != reported || (row.providerRef.map { $0 != current.id } ?? false) {
            return "reference_mismatch"
        }
        // Ours carry our payment's ID; one found only by its metadata must say so at the processor too.
        let ours = current.metadata["payment_id"].flatMap(UUID.init(uuidString:))
        if ours != row.id, ours != nil || row.providerRef == nil { return "payment_mismatch" }
        if current.amountMinor != row.amountMinor || current.currency.uppercased() != row.currency.uppercased() {
            return "amount_mismatch"
        }
        return nil
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
    /// True when the event was refused after its signature was checked: the processor does not know its payment or
    /// refund, or reports another PaymentIntent, amount or currency than ours. Nothing was acted on or recorded.
    public var ignored: Bool
    /// Why it was ignored: `unknown_payment`, `unknown_refund`, `reference_mismatch`, `payment_mismatch`,
    /// `amount_mismatch`, `refund_mismatch`.
    public var reason: String?

    init(received: Bool, duplicate: Bool, ignored: Bool = false, reason: String? = nil) {
        self.received = received
        self.duplicate = duplicate
        self.ignored = ignored
        self.reason = reason
    }
}

/// Refused webhooks go to the log, but not one warning each without bound (a flood of forged calls would fill it):
/// the first `warnings` of each minute are warnings, the rest debug lines, and the first warning of the next minute
/// says how many were left out.
final class WebhookRefusalLog: Sendable {
    static let warnings = 20
    static let window: TimeInterval = 60
    private let state = Mutex<(start: Date, logged: Int, quiet: Int)>((.distantPast, 0, 0))

    func log(_ message: Logger.Message, metadata: Logger.Metadata, now: Date, logger: Logger) {
        let (loud, last, left) = state.withLock { state -> (Bool, Bool, Int) in
            var left = 0
            if now.timeIntervalSince(state.start) >= Self.window || now < state.start {
                left = state.quiet
                state = (now, 0, 0)
            }
            guard state.logged < Self.warnings else {
                state.quiet += 1
                return (false, false, 0)
            }
            state.logged += 1
            return (true, state.logged == Self.warnings, left)
        }
        var metadata = metadata
        if left > 0 { metadata["leftOutBefore"] = "\(left)" }
        if last { metadata["next"] = "further refusals this minute are logged at debug level" }
        if loud { logger.warning(message, metadata: metadata) } else { logger.debug(message, metadata: metadata) }
    }
}

/// A verified event the processor could not be asked about (network, 5xx): not acted on, not recorded; the processor
/// delivers it again later.
struct WebhookDeferred: APIError {
    var code: String { "PAYMENT_PROCESSOR_UNAVAILABLE" }
    var status: HTTPResponse.Status { .serviceUnavailable }
    var message: String { "The payment processor could not be asked about this event; deliver it again later." }
    var headers: HTTPFields { [.retryAfter: "60"] }
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
