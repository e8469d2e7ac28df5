public import Foundation

/// A card processor, as BoxOffice uses one: start a payment for an order, ask how it stands, refund it in whole or in
/// part, and read the processor's signed webhooks. The live implementation is chosen in the composition root from
/// configuration (`StripeGateway` for Stripe and anything that speaks its API); tests use a double. BoxOffice never
/// sees a card number: the buyer's card form gives the client a payment method ID, which is all that reaches us.
///
/// Every call is made after the database transaction that decided the sale has committed, never inside it, so a slow
/// processor never holds a seat lock; each carries an idempotency key derived from our own IDs, so a retried call
/// cannot charge twice.
public protocol PaymentGateway: Sendable {
    /// Stored on each payment: `stripe`, …
    var name: String { get }
    /// Creates a payment and, given a payment method, confirms it at once.
    func startPayment(_ request: PaymentRequest) async throws -> GatewayPayment
    /// How a payment stands now.
    func payment(_ id: String) async throws -> GatewayPayment
    /// Refunds `amountMinor`, or the whole payment when nil.
    func refund(_ request: RefundRequest) async throws -> GatewayRefund
    /// How a refund stands now (one reported `pending` is asked again until it is done).
    func refundStatus(_ id: String) async throws -> GatewayRefund
    /// Verifies a webhook's signature over its raw body and reads the event. Throws `PaymentGatewayError` for a
    /// forged, stale or malformed one.
    func webhookEvent(body: [UInt8], signature: String?, now: Date) throws -> GatewayEvent
}

public struct PaymentRequest: Sendable, Equatable {
    public var amountMinor: Int
    /// ISO 4217, any case.
    public var currency: String
    /// Makes retries safe: the same key never creates a second payment.
    public var idempotencyKey: String
    /// A payment method from the client's card form; nil leaves the payment for the client to confirm.
    public var paymentMethod: String?
    public var description: String
    /// Our references, returned with every event about the payment (`order_id`, …).
    public var metadata: [String: String]

    public init(
        amountMinor: Int, currency: String, idempotencyKey: String, paymentMethod: String?, description: String,
        metadata: [String: String]
    ) {
        self.amountMinor = amountMinor
        self.currency = currency
        self.idempotencyKey = idempotencyKey
        self.paymentMethod = paymentMethod
        self.description = description
        self.metadata = metadata
    }
}

/// A payment as the processor reports it.
public struct GatewayPayment: Sendable, Equatable {
    public enum Status: String, Sendable, Codable {
        /// The money is ours.
        case succeeded
        /// The buyer must act (3-D Secure): `nextAction` says how, with `clientSecret`.
        case requiresAction = "requires_action"
        /// No usable payment method yet, or the last one failed (`failureReason`).
        case requiresPaymentMethod = "requires_payment_method"
        case requiresConfirmation = "requires_confirmation"
        /// The processor is still deciding.
        case processing
        case canceled
    }

    public var id: String
    public var status: Status
    public var amountMinor: Int
    public var currency: String
    /// For the client to confirm or authenticate the payment with the processor's own script.
    public var clientSecret: String?
    /// What the buyer must do next, as the processor describes it (JSON), when `status` is `requiresAction`.
    public var nextAction: String?
    /// Why the last attempt failed, in the processor's words (a decline reason).
    public var failureReason: String?
    public var metadata: [String: String]

    public init(
        id: String, status: Status, amountMinor: Int, currency: String, clientSecret: String? = nil,
        nextAction: String? = nil, failureReason: String? = nil, metadata: [String: String] = [:]
    ) {
        self.id = id
        self.status = status
        self.amountMinor = amountMinor
        self.currency = currency
        self.clientSecret = clientSecret
        self.nextAction = nextAction
        self.failureReason = failureReason
        self.metadata = metadata
    }

    /// Failed for now: the attempt was declined and nothing is pending.
    public var hasFailed: Bool { status == .canceled || (status == .requiresPaymentMethod && failureReason != nil) }
}

public struct RefundRequest: Sendable, Equatable {
    public var paymentId: String
    /// Nil refunds what is left of the payment.
    public var amountMinor: Int?
    public var idempotencyKey: String

    public init(paymentId: String, amountMinor: Int?, idempotencyKey: String) {
        self.paymentId = paymentId
        self.amountMinor = amountMinor
        self.idempotencyKey = idempotencyKey
    }
}

public struct GatewayRefund: Sendable, Equatable {
    public var id: String
    public var paymentId: String
    public var amountMinor: Int
    /// `succeeded`, `pending`, `failed`, as the processor says.
    public var status: String

    public init(id: String, paymentId: String, amountMinor: Int, status: String) {
        self.id = id
        self.paymentId = paymentId
        self.amountMinor = amountMinor
        self.status = status
    }
}

/// A verified webhook event.
public struct GatewayEvent: Sendable, Equatable {
    /// The processor's event ID: an event is acted on once, however often it is delivered.
    public var id: String
    /// `payment_intent.succeeded`, `payment_intent.payment_failed`, `payment_intent.canceled`, …
    public var type: String
    public var created: Date
    /// The payment the event is about, when it is about one.
    public var payment: GatewayPayment?
    /// The refund the event is about (`refund.updated`, …), when it is about one.
    public var refund: GatewayRefund?

    public init(id: String, type: String, created: Date, payment: GatewayPayment?, refund: GatewayRefund? = nil) {
        self.id = id
        self.type = type
        self.created = created
        self.payment = payment
        self.refund = refund
    }
}

public enum PaymentGatewayError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No processor is configured (`STRIPE_SECRET_KEY`).
    case notConfigured
    /// A webhook whose signature matches none of the configured secrets, or is missing.
    case badSignature(String)
    /// A webhook signed too long ago (a replay).
    case staleSignature
    /// A webhook or answer that cannot be read.
    case malformed(String)
    /// The processor refused the request (4xx): retrying the same request cannot help.
    case rejected(status: Int, message: String)
    /// The processor could not be reached or failed (network, 5xx, 429): worth retrying later.
    case unavailable(String)

    public var description: String {
        switch self {
        case .notConfigured: "no payment processor is configured"
        case .badSignature(let why): "webhook signature: \(why)"
        case .staleSignature: "webhook signature is older than the tolerance"
        case .malformed(let why): "malformed: \(why)"
        case .rejected(let status, let message): "processor refused (\(status)): \(message)"
        case .unavailable(let why): "processor unavailable: \(why)"
        }
    }

    /// True when retrying later may succeed.
    public var isTemporary: Bool {
        if case .unavailable = self { return true }
        return false
    }
}

/// The gateway of an installation without a processor: nothing can be paid by card, and webhooks are refused.
public struct UnconfiguredGateway: PaymentGateway {
    public var name: String { "none" }
    public init() {}

    public func startPayment(_ request: PaymentRequest) async throws -> GatewayPayment {
        throw PaymentGatewayError.notConfigured
    }
    public func payment(_ id: String) async throws -> GatewayPayment { throw PaymentGatewayError.notConfigured }
    public func refund(_ request: RefundRequest) async throws -> GatewayRefund {
        throw PaymentGatewayError.notConfigured
    }
    public func refundStatus(_ id: String) async throws -> GatewayRefund { throw PaymentGatewayError.notConfigured }
    public func webhookEvent(body: [UInt8], signature: String?, now: Date) throws -> GatewayEvent {
        throw PaymentGatewayError.notConfigured
    }
}

/// Keeps the processor's references to a card out of what BoxOffice stores: a refusal's message may quote the payment
/// method it was given (`No such PaymentMethod: 'pm_…'`), and that token must go nowhere but the processor.
public enum PaymentSecrets {
    /// `text` with every payment method, token, card or source ID (`pm_…`, `tok_…`, `card_…`, `src_…`) replaced.
    public static func redacted(_ text: String) -> String {
        text.replacingOccurrences(
            of: #"\b(pm|tok|card|src|seti)_[A-Za-z0-9_]+"#, with: "[payment method]", options: .regularExpression)
    }
}
