import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Synchronization
import Testing

@testable import PaymentGateway

/// What localstripe never sends, checked on Stripe's own shapes: a refund's webhook event and a refund object, as Stripe
/// documents them (recorded from its API reference, version 2024-06-20).
@Suite struct StripeRecordedTests {
    static let refundUpdated = """
        {"id":"evt_3PqR","object":"event","api_version":"2024-06-20","created":1800000000,"type":"charge.refund.updated",
         "data":{"object":{"id":"re_3PqRfa","object":"refund","amount":2500,"balance_transaction":"txn_3PqR",
           "charge":"ch_3PqR","created":1799999000,"currency":"eur","metadata":{},"payment_intent":"pi_3PqR",
           "reason":"requested_by_customer","receipt_number":null,"source_transfer_reversal":null,"status":"succeeded",
           "transfer_reversal":null}},
         "livemode":false,"pending_webhooks":1,"request":{"id":null,"idempotency_key":"boxoffice-refund-1"}}
        """

    @Test func aRefundEventIsReadAsTheRefund() throws {
        let gateway = StripeGateway(
            settings: .init(secretKey: "sk_test", webhookSecrets: ["whsec_rec"]), logger: Logger(label: "recorded"))
        let body = Array(Self.refundUpdated.utf8)
        let header = StripeSignature.header(body: body, secret: "whsec_rec", timestamp: 1_800_000_000)
        let event = try gateway.webhookEvent(
            body: body, signature: header, now: Date(timeIntervalSince1970: 1_800_000_010))
        #expect(event.type == "charge.refund.updated" && event.payment == nil)
        #expect(
            event.refund
                == GatewayRefund(id: "re_3PqRfa", paymentId: "pi_3PqR", amountMinor: 2500, status: "succeeded"))
    }

    @Test func aRefundWithoutItsPaymentIntentNamesItsCharge() throws {
        let refund = try StripeGateway.refund(
            from: ["id": "re_old", "amount": 100, "charge": "ch_old", "status": "pending"])
        #expect(refund == GatewayRefund(id: "re_old", paymentId: "ch_old", amountMinor: 100, status: "pending"))
        #expect(throws: PaymentGatewayError.self) { try StripeGateway.refund(from: ["id": "re_x"]) }
    }
}

/// The idempotency keys `StripeGateway` sends, checked on a server that records each request and answers with Stripe's
/// recorded responses (localstripe ignores the header, so it cannot show them).
@Suite struct StripeIdempotencyTests {
    final class Seen: Sendable {
        let requests = Mutex<[(path: String, key: String?)]>([])
    }

    @Test func everyCallCarriesAKeyDerivedFromOurs() async throws {
        let seen = Seen()
        let router = Router()
        router.post("/v1/payment_intents") { request, _ -> Response in
            seen.requests.withLock {
                $0.append((request.uri.path, request.headers[HTTPField.Name("Idempotency-Key")!]))
            }
            return Self.json(
                #"{"id":"pi_rec","object":"payment_intent","status":"requires_confirmation","amount":4200,"currency":"eur","client_secret":"pi_rec_secret_x","metadata":{}}"#
            )
        }
        router.post("/v1/payment_intents/pi_rec/confirm") { request, _ -> Response in
            seen.requests.withLock {
                $0.append((request.uri.path, request.headers[HTTPField.Name("Idempotency-Key")!]))
            }
            return Self.json(
                #"{"id":"pi_rec","object":"payment_intent","status":"succeeded","amount":4200,"currency":"eur","client_secret":"pi_rec_secret_x","metadata":{}}"#
            )
        }
        router.post("/v1/refunds") { request, _ -> Response in
            seen.requests.withLock {
                $0.append((request.uri.path, request.headers[HTTPField.Name("Idempotency-Key")!]))
            }
            return Self.json(
                #"{"id":"re_rec","object":"refund","amount":1000,"payment_intent":"pi_rec","status":"pending"}"#)
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let gateway = StripeGateway(
                settings: .init(
                    apiBase: URL(string: "http://127.0.0.1:\(client.port!)")!, secretKey: "sk_test", webhookSecrets: []),
                logger: Logger(label: "recorded"))
            let request = PaymentRequest(
                amountMinor: 4200, currency: "EUR", idempotencyKey: "boxoffice-payment-1",
                paymentMethod: "pm_card_visa",
                description: "Order X", metadata: [:])
            #expect(try await gateway.startPayment(request).status == .succeeded)
            // A retry of the same payment sends the same keys: the processor answers it without charging again.
            _ = try await gateway.startPayment(request)
            let refund = try await gateway.refund(
                RefundRequest(paymentId: "pi_rec", amountMinor: 1000, idempotencyKey: "boxoffice-refund-1"))
            #expect(refund == GatewayRefund(id: "re_rec", paymentId: "pi_rec", amountMinor: 1000, status: "pending"))
        }
        let keys = seen.requests.withLock { $0.map { "\($0.path) \($0.key ?? "-")" } }
        #expect(
            keys == [
                "/v1/payment_intents boxoffice-payment-1-create",
                "/v1/payment_intents/pi_rec/confirm boxoffice-payment-1-confirm",
                "/v1/payment_intents boxoffice-payment-1-create",
                "/v1/payment_intents/pi_rec/confirm boxoffice-payment-1-confirm",
                "/v1/refunds boxoffice-refund-1",
            ])
    }

    static func json(_ text: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
