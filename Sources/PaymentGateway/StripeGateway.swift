public import AsyncHTTPClient
public import Foundation
public import Logging
public import NIOCore
import NIOHTTP1

/// `PaymentGateway` over Stripe's HTTP API (PaymentIntents, Refunds, webhook events), or anything that speaks it
/// (localstripe in the tests). Requests are form-encoded with the secret key as bearer; every call carries an
/// idempotency key, so network errors, and only those, are retried.
public struct StripeGateway: PaymentGateway {
    public struct Settings: Sendable {
        /// `STRIPE_API_BASE`: Stripe's own, or a compatible server.
        public var apiBase: URL
        /// `STRIPE_SECRET_KEY`.
        public var secretKey: String
        /// `STRIPE_WEBHOOK_SECRETS`: several while one is rotated out.
        public var webhookSecrets: [String]
        public var timeout: TimeAmount
        /// Tries after a network error, each after a short pause.
        public var networkRetries: Int

        public init(
            apiBase: URL = URL(string: "https://api.stripe.com")!, secretKey: String, webhookSecrets: [String],
            timeout: TimeAmount = .seconds(20), networkRetries: Int = 2
        ) {
            self.apiBase = apiBase
            self.secretKey = secretKey
            self.webhookSecrets = webhookSecrets
            self.timeout = timeout
            self.networkRetries = networkRetries
        }
    }

    public var name: String { "stripe" }
    let settings: Settings
    let client: HTTPClient
    let logger: Logger

    public init(settings: Settings, client: HTTPClient = .shared, logger: Logger) {
        self.settings = settings
        self.client = client
        self.logger = logger
    }

    public func startPayment(_ request: PaymentRequest) async throws -> GatewayPayment {
        var form: [(String, String)] = [
            ("amount", String(request.amountMinor)), ("currency", request.currency.lowercased()),
        ]
        // The description travels as metadata: every Stripe-compatible server keeps metadata, not all a description.
        let metadata = request.metadata.merging(["description": request.description]) { ours, _ in ours }
        for key in metadata.keys.sorted() { form.append(("metadata[\(key)]", metadata[key]!)) }
        // Cards only: with Stripe's automatic payment methods a confirm on the server would need a return URL.
        form.append(("payment_method_types[]", "card"))
        if let method = request.paymentMethod { form.append(("payment_method", method)) }
        let created = try await call(
            .POST, "/v1/payment_intents", form: form, idempotencyKey: "\(request.idempotencyKey)-create")
        var payment = try Self.payment(from: created)
        guard request.paymentMethod != nil, payment.status == .requiresConfirmation else { return payment }
        // Confirmed apart from creating: a decline answers 402, and the payment it leaves is read back by its ID.
        do {
            payment = try Self.payment(
                from: try await call(
                    .POST, "/v1/payment_intents/\(Self.pathSafe(payment.id))/confirm", form: [],
                    idempotencyKey: "\(request.idempotencyKey)-confirm"))
        } catch PaymentGatewayError.rejected(let status, let message) where status == 402 {
            payment = try await self.payment(payment.id)
            if payment.failureReason == nil { payment.failureReason = message }
        } catch PaymentGatewayError.unavailable(let why) {
            // The payment exists: its reference must not be lost with the confirmation's answer. How it stands is read
            // back if the processor answers, else it is reported as still processing (the reconciler asks later).
            logger.notice("payment confirmation unanswered", metadata: ["payment": "\(payment.id)", "error": "\(why)"])
            if let current = try? await self.payment(payment.id) { return current }
            payment.status = .processing
        }
        return payment
    }

    public func payment(_ id: String) async throws -> GatewayPayment {
        try Self.payment(from: try await call(.GET, "/v1/payment_intents/\(Self.pathSafe(id))", form: []))
    }

    public func refund(_ request: RefundRequest) async throws -> GatewayRefund {
        var form = [("payment_intent", request.paymentId)]
        if let amount = request.amountMinor { form.append(("amount", String(amount))) }
        let object = try await call(.POST, "/v1/refunds", form: form, idempotencyKey: request.idempotencyKey)
        var refund = try Self.refund(from: object)
        if refund.paymentId.isEmpty { refund.paymentId = request.paymentId }
        return refund
    }

    public func refundStatus(_ id: String) async throws -> GatewayRefund {
        try Self.refund(from: try await call(.GET, "/v1/refunds/\(Self.pathSafe(id))", form: []))
    }

    public func webhookEvent(body: [UInt8], signature: String?, now: Date) throws -> GatewayEvent {
        try StripeSignature(secrets: settings.webhookSecrets).verify(body: body, header: signature, now: now)
        guard let event = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
            let id = event["id"] as? String, let type = event["type"] as? String,
            let created = event["created"] as? Int
        else { throw PaymentGatewayError.malformed("not a Stripe event") }
        var payment: GatewayPayment?
        var refund: GatewayRefund?
        let object = (event["data"] as? [String: Any])?["object"] as? [String: Any]
        switch object?["object"] as? String {
        case "payment_intent": payment = try Self.payment(from: object!)
        case "refund": refund = try Self.refund(from: object!)
        default: break
        }
        return GatewayEvent(
            id: id, type: type, created: Date(timeIntervalSince1970: TimeInterval(created)), payment: payment,
            refund: refund)
    }

    // MARK: - The wire

    /// A refund object. Its payment is `payment_intent` (Stripe's since 2019), else the charge it came from.
    static func refund(from object: [String: Any]) throws -> GatewayRefund {
        guard let id = object["id"] as? String, let amount = object["amount"] as? Int else {
            throw PaymentGatewayError.malformed("refund without id or amount")
        }
        return GatewayRefund(
            id: id, paymentId: (object["payment_intent"] as? String) ?? (object["charge"] as? String) ?? "",
            amountMinor: amount, status: object["status"] as? String ?? "pending")
    }

    static func payment(from object: [String: Any]) throws -> GatewayPayment {
        guard let id = object["id"] as? String, let rawStatus = object["status"] as? String,
            let status = GatewayPayment.Status(rawValue: rawStatus), let amount = object["amount"] as? Int,
            let currency = object["currency"] as? String
        else { throw PaymentGatewayError.malformed("not a payment intent") }
        var nextAction: String?
        if let action = object["next_action"], !(action is NSNull),
            let data = try? JSONSerialization.data(withJSONObject: action, options: [.sortedKeys])
        {
            nextAction = String(decoding: data, as: UTF8.self)
        }
        let lastError = object["last_payment_error"] as? [String: Any]
        return GatewayPayment(
            id: id, status: status, amountMinor: amount, currency: currency.uppercased(),
            clientSecret: object["client_secret"] as? String, nextAction: nextAction,
            failureReason: (lastError?["message"] as? String) ?? (lastError?["code"] as? String),
            metadata: (object["metadata"] as? [String: String]) ?? [:])
    }

    /// One API call: its JSON object, or `rejected` (4xx) / `unavailable` (network, 429, 5xx).
    func call(
        _ method: HTTPMethod, _ path: String, form: [(String, String)], idempotencyKey: String? = nil
    ) async throws -> [String: Any] {
        var request = HTTPClientRequest(url: settings.apiBase.absoluteString.trimmingSuffix("/") + path)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(settings.secretKey)")
        request.headers.add(name: "Stripe-Version", value: "2024-06-20")
        if let idempotencyKey { request.headers.add(name: "Idempotency-Key", value: idempotencyKey) }
        if method == .POST {
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            request.body = .bytes(ByteBuffer(string: Self.formEncoded(form)))
        }
        var attempt = 0
        while true {
            attempt += 1
            let response: HTTPClientResponse
            let body: ByteBuffer
            do {
                response = try await client.execute(request, timeout: settings.timeout)
                body = try await response.body.collect(upTo: 1 << 20)
            } catch {
                guard attempt <= settings.networkRetries else {
                    throw PaymentGatewayError.unavailable("\(method) \(path): \(error)")
                }
                logger.notice("payment processor unreachable, trying again", metadata: ["error": "\(error)"])
                try await Task.sleep(for: .milliseconds(200 * attempt))
                continue
            }
            let object =
                (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any] ?? [:]
            switch response.status.code {
            case 200..<300: return object
            case 429, 500...:
                throw PaymentGatewayError.unavailable("\(method) \(path) answered \(response.status.code)")
            default:
                let message = ((object["error"] as? [String: Any])?["message"] as? String) ?? "\(response.status)"
                throw PaymentGatewayError.rejected(status: Int(response.status.code), message: message)
            }
        }
    }

    static func formEncoded(_ pairs: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return pairs.map {
            "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed)!)="
                + "\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)"
        }.joined(separator: "&")
    }

    /// An ID from outside goes into a path only as itself: no slash, no dot-dot.
    static func pathSafe(_ id: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "_-")
        return id.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
