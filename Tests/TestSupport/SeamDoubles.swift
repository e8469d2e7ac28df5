import Domain
import Foundation
import Mail
import PaymentGateway
import Storage
import Synchronization

/// A `Mailer` that keeps what it is given, for tests: every test app gets one unless it asks for another, so no test
/// writes mail files. `failing` makes the next sends throw.
public final class RecordingMailer: Mailer {
    private let state = Mutex<(sent: [MailMessage], failures: [MailFailure])>(([], []))
    public var transport: String { "file" }

    public init() {}

    public var sent: [MailMessage] { state.withLock { $0.sent } }
    /// The messages with this subject, in the order sent (a test's sign-ups send verification mail too).
    public func sent(subject: String) -> [MailMessage] { sent.filter { $0.subject == subject } }
    /// The messages to this address that are not account mail (a sign-up's verification), in the order sent.
    public func sent(to email: String) -> [MailMessage] {
        sent.filter { $0.to.contains { $0.email == email } && $0.subject != "Confirm your email address" }
    }

    /// The next `count` sends fail with `failure`.
    public func fail(_ failure: MailFailure, times count: Int = 1) {
        state.withLock { $0.failures += Array(repeating: failure, count: count) }
    }

    public func send(_ message: MailMessage) async throws {
        try state.withLock { state in
            if !state.failures.isEmpty { throw state.failures.removeFirst() }
            state.sent.append(message)
        }
    }
}

/// A `PaymentGateway` double: payments live in memory; a method named `pm_card_visa` succeeds, `pm_card_declined`
/// fails, `pm_card_3ds` requires action; without a method the payment waits for the client. `delay` makes every call
/// slow, to show that a slow processor holds no seat lock. Webhooks are verified with Stripe's signature scheme.
public final class PaymentGatewayDouble: PaymentGateway {
    public var name: String { "stripe" }
    public let webhookSecrets: [String]
    private let state = Mutex<(payments: [String: GatewayPayment], keys: [String: String], refunds: [GatewayRefund])>(
        ([:], [:], []))
    private let delay: Duration

    public init(webhookSecrets: [String] = ["whsec_test"], delay: Duration = .zero) {
        self.webhookSecrets = webhookSecrets
        self.delay = delay
    }

    public var payments: [GatewayPayment] { state.withLock { Array($0.payments.values) } }
    public var refunds: [GatewayRefund] { state.withLock { $0.refunds } }

    /// Moves a payment as the processor would after the client acted (3-D Secure passed, a late success).
    public func settle(_ id: String, as status: GatewayPayment.Status, failureReason: String? = nil) {
        state.withLock {
            $0.payments[id]?.status = status
            $0.payments[id]?.failureReason = failureReason
        }
    }

    private let calls = Mutex(0)
    /// How many payments were asked to start (counted as each call begins, before the delay).
    public var startCalls: Int { calls.withLock { $0 } }
    private let gate = Mutex<(closed: Bool, waiting: [CheckedContinuation<Void, Never>])>((false, []))

    /// From now on, payments being started wait (however long the test likes) until `open()`: a processor as slow as
    /// a test needs, without depending on the machine's speed.
    public func close() { gate.withLock { $0.closed = true } }

    public func open() {
        let waiting = gate.withLock { state in
            state.closed = false
            defer { state.waiting = [] }
            return state.waiting
        }
        for continuation in waiting { continuation.resume() }
    }

    public func startPayment(_ request: PaymentRequest) async throws -> GatewayPayment {
        calls.withLock { $0 += 1 }
        await withCheckedContinuation { continuation in
            let wait = gate.withLock { state in
                if state.closed { state.waiting.append(continuation) }
                return state.closed
            }
            if !wait { continuation.resume() }
        }
        if delay > .zero { try await Task.sleep(for: delay) }
        return state.withLock { state in
            if let id = state.keys[request.idempotencyKey], let existing = state.payments[id] { return existing }
            let id = "pi_\(UUID.random().uuidString.prefix(12))"
            var payment = GatewayPayment(
                id: id, status: .requiresPaymentMethod, amountMinor: request.amountMinor,
                currency: request.currency.uppercased(), clientSecret: "\(id)_secret", metadata: request.metadata)
            switch request.paymentMethod {
            case "pm_card_visa": payment.status = .succeeded
            case "pm_card_declined":
                payment.failureReason = "Your card was declined."
            case "pm_card_3ds":
                payment.status = .requiresAction
                payment.nextAction = #"{"type":"use_stripe_sdk"}"#
            case nil: break
            default: payment.status = .requiresConfirmation
            }
            state.payments[id] = payment
            state.keys[request.idempotencyKey] = id
            return payment
        }
    }

    public func payment(_ id: String) async throws -> GatewayPayment {
        if delay > .zero { try await Task.sleep(for: delay) }
        guard let payment = state.withLock({ $0.payments[id] }) else {
            throw PaymentGatewayError.rejected(status: 404, message: "No such payment_intent: \(id)")
        }
        return payment
    }

    public func refund(_ request: RefundRequest) async throws -> GatewayRefund {
        if delay > .zero { try await Task.sleep(for: delay) }
        return try state.withLock { state in
            guard let payment = state.payments[request.paymentId], payment.status == .succeeded else {
                throw PaymentGatewayError.rejected(
                    status: 400, message: "Cannot refund a payment that did not succeed.")
            }
            let refund = GatewayRefund(
                id: "re_\(state.refunds.count + 1)", paymentId: payment.id,
                amountMinor: request.amountMinor ?? payment.amountMinor, status: "succeeded")
            state.refunds.append(refund)
            return refund
        }
    }

    public func refundStatus(_ id: String) async throws -> GatewayRefund {
        guard let refund = state.withLock({ $0.refunds.first { $0.id == id } }) else {
            throw PaymentGatewayError.rejected(status: 404, message: "No such refund: \(id)")
        }
        return refund
    }

    public func webhookEvent(body: [UInt8], signature: String?, now: Date) throws -> GatewayEvent {
        let gateway = StripeGateway(
            settings: .init(secretKey: "sk_test_double", webhookSecrets: webhookSecrets), logger: .init(label: "double")
        )
        return try gateway.webhookEvent(body: body, signature: signature, now: now)
    }
}

/// A `BlobStore` in memory, for tests that need files kept but not where: its links are `memory://<key>?expires=…`.
public final class InMemoryBlobStore: BlobStore {
    private let state = Mutex<[String: StoredBlob]>([:])
    public var kind: String { "memory" }

    public init() {}

    public var keys: [String] { state.withLock { Array($0.keys).sorted() } }

    public func put(_ data: [UInt8], key: BlobKey, contentType: String) async throws {
        state.withLock { $0[key.value] = StoredBlob(data: data, contentType: contentType) }
    }

    public func get(_ key: BlobKey) async throws -> StoredBlob? { state.withLock { $0[key.value] } }

    public func delete(_ key: BlobKey) async throws { _ = state.withLock { $0.removeValue(forKey: key.value) } }

    public func signedURL(_ key: BlobKey, expiresAt: Date) throws -> String {
        "memory://\(key.value)?expires=\(Int(expiresAt.timeIntervalSince1970))"
    }
}
