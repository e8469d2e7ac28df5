import AsyncHTTPClient
import Domain
import Foundation
import HTTPCore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import PaymentGateway
import SQLKit
import TestSupport
import Testing

@Suite struct StripeSignatureTests {
    let body = Array(
        #"{"id":"evt_1","type":"payment_intent.succeeded","created":1800000000,"data":{"object":{}}}"#.utf8)
    let now = Date(timeIntervalSince1970: 1_800_000_100)

    @Test func aSignatureFromAnyConfiguredSecretPasses() throws {
        let header = StripeSignature.header(body: body, secret: "whsec_old", timestamp: 1_800_000_000)
        try StripeSignature(secrets: ["whsec_new", "whsec_old"]).verify(body: body, header: header, now: now)
        // Stripe sends one v1 per active secret while rotating; any one matching is enough.
        let two =
            "t=1800000000,v1=\(String(repeating: "ab", count: 32)),"
            + StripeSignature.header(body: body, secret: "whsec_new", timestamp: 1_800_000_000).split(separator: ",")[1]
        try StripeSignature(secrets: ["whsec_new"]).verify(body: body, header: two, now: now)
    }

    @Test func forgedStaleMissingAndAlteredAreRefused() {
        let signature = StripeSignature(secrets: ["whsec_live"])
        let forged = StripeSignature.header(body: body, secret: "whsec_guess", timestamp: 1_800_000_000)
        #expect(throws: PaymentGatewayError.badSignature("no signature matches")) {
            try signature.verify(body: body, header: forged, now: now)
        }
        let genuine = StripeSignature.header(body: body, secret: "whsec_live", timestamp: 1_800_000_000)
        #expect(throws: PaymentGatewayError.badSignature("no signature matches")) {
            try signature.verify(body: body + Array(" ".utf8), header: genuine, now: now)
        }
        #expect(throws: PaymentGatewayError.staleSignature) {
            try signature.verify(body: body, header: genuine, now: now.addingTimeInterval(301))
        }
        #expect(throws: PaymentGatewayError.badSignature("missing Stripe-Signature")) {
            try signature.verify(body: body, header: nil, now: now)
        }
        #expect(throws: PaymentGatewayError.badSignature("no timestamp")) {
            try signature.verify(body: body, header: "v1=00", now: now)
        }
    }
}

/// The webhook surface: signed events are recorded once; anything else is refused and written nowhere.
@Suite struct PaymentWebhookRouteTests {
    static func event(_ id: String, type: String = "payment_intent.succeeded", created: Int) -> String {
        """
        {"id":"\(id)","object":"event","type":"\(type)","created":\(created),"data":{"object":{"id":"pi_1","object":"payment_intent","status":"succeeded","amount":1200,"currency":"eur","metadata":{"order_id":"x"}}}}
        """
    }

    @Test(arguments: TestDatabase.all)
    func signedEventsAreRecordedOnceAndForgeriesNowhere(_ database: TestDatabase) async throws {
        let gateway = PaymentGatewayDouble(webhookSecrets: ["whsec_a", "whsec_b"])
        try await withApp(database, seams: .init(payments: gateway)) { app in
            let created = Int(app.clock.now.timeIntervalSince1970)
            let body = Self.event("evt_1", created: created)
            func send(_ path: String, _ body: String, signature: String?) async throws -> TestResponse {
                var headers: HTTPFields = [.contentType: "application/json"]
                if let signature { headers[HTTPField.Name("Stripe-Signature")!] = signature }
                return try await app.client.send(.post, path, headers: headers, raw: body)
            }
            let signed = StripeSignature.header(body: Array(body.utf8), secret: "whsec_b", timestamp: created)
            let first = try await send("/api/webhooks/stripe", body, signature: signed)
            #expect(first.status == .ok)
            #expect(try first.json()["duplicate"] == .bool(false))
            // The same event again, on the alias path: acknowledged, not acted on.
            let again = try await send("/api/webhook/payment", body, signature: signed)
            #expect(again.status == .ok)
            #expect(try again.json()["duplicate"] == .bool(true))

            let other = Self.event("evt_2", created: created)
            let forged = StripeSignature.header(body: Array(other.utf8), secret: "whsec_guess", timestamp: created)
            let stale = StripeSignature.header(body: Array(other.utf8), secret: "whsec_a", timestamp: created - 600)
            for signature in [forged, stale, signed, nil] as [String?] {
                let refused = try await send("/api/webhooks/stripe", other, signature: signature)
                #expect(refused.status == .badRequest)
                #expect(try refused.json()["error"]?["code"]?.stringValue == "WEBHOOK_REFUSED")
            }
            let garbage = "not json"
            let garbageSigned = StripeSignature.header(body: Array(garbage.utf8), secret: "whsec_a", timestamp: created)
            #expect(try await send("/api/webhooks/stripe", garbage, signature: garbageSigned).status == .badRequest)

            let rows = try await app.store.sql().raw("SELECT event_id, payment_id FROM payment_events").all()
            #expect(rows.count == 1)
            #expect(try rows.first?.decode(column: "payment_id", as: String.self) == "pi_1")
            #expect(app.logs.all.contains { $0.message == "payment webhook refused" })
        }
    }

    @Test func withoutAProcessorWebhooksAreRefused() async throws {
        try await withApp { app in
            let response = try await app.client.send(
                .post, "/api/webhooks/stripe", headers: [.contentType: "application/json"], raw: "{}")
            #expect(response.status == .badRequest)
            #expect(try response.json()["error"]?["code"]?.stringValue == "PAYMENTS_NOT_CONFIGURED")
        }
    }
}

/// `StripeGateway` against localstripe, a Stripe-compatible server nobody here wrote: payments confirmed, declined,
/// sent to 3-D Secure and left for the client; refunds; and localstripe's own signed webhooks verified by our route.
@Suite(.serialized) struct StripeGatewayLiveTests {
    static var base: URL? { TestPeers.stripeURL }

    func gateway(_ base: URL, secrets: [String] = []) -> StripeGateway {
        StripeGateway(
            settings: .init(apiBase: base, secretKey: "sk_test_boxoffice", webhookSecrets: secrets),
            logger: Logger(label: "stripe-test"))
    }

    func request(_ method: String?, amount: Int = 4200, key: String = UUID().uuidString) -> PaymentRequest {
        PaymentRequest(
            amountMinor: amount, currency: "EUR", idempotencyKey: "payment-\(key)", paymentMethod: method,
            description: "Order BX-TEST", metadata: ["order_id": key])
    }

    @Test func paymentsSucceedFailWaitAndAreRefunded() async throws {
        guard let base = Self.base else {
            #expect(!TestPeers.required, "BOXOFFICE_TEST_STRIPE_URL is required under scripts/test")
            return
        }
        let stripe = gateway(base)
        let paid = try await stripe.startPayment(request("pm_card_visa"))
        #expect(paid.status == .succeeded && paid.amountMinor == 4200 && paid.currency == "EUR")
        #expect(paid.metadata["order_id"] != nil)
        #expect(try await stripe.payment(paid.id).status == .succeeded)

        let declined = try await stripe.startPayment(request("pm_card_chargeCustomerFail"))
        #expect(declined.status == .requiresPaymentMethod && declined.hasFailed)
        #expect(declined.failureReason != nil)

        let waiting = try await stripe.startPayment(request(nil))
        #expect(waiting.status == .requiresPaymentMethod && !waiting.hasFailed)
        #expect(waiting.clientSecret?.hasPrefix(waiting.id) == true)

        let partial = try await stripe.refund(
            RefundRequest(paymentId: paid.id, amountMinor: 1000, idempotencyKey: "refund-\(paid.id)-1"))
        #expect(partial.amountMinor == 1000 && partial.status == "succeeded")
        let rest = try await stripe.refund(RefundRequest(paymentId: paid.id, amountMinor: nil, idempotencyKey: "r2"))
        #expect(rest.paymentId == paid.id)

        await #expect(throws: PaymentGatewayError.self) {
            _ = try await stripe.refund(RefundRequest(paymentId: declined.id, amountMinor: nil, idempotencyKey: "r3"))
        }
        await #expect(throws: PaymentGatewayError.self) { _ = try await stripe.payment("pi_doesnotexist") }
    }

    @Test func threeDSecureAsksTheBuyerToAct() async throws {
        guard let base = Self.base else {
            #expect(!TestPeers.required, "BOXOFFICE_TEST_STRIPE_URL is required under scripts/test")
            return
        }
        // A card that needs authentication, made the way a card form would (localstripe keeps the number).
        var request = HTTPClientRequest(url: base.absoluteString + "/v1/payment_methods")
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer sk_test_boxoffice")
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.body = .bytes(
            ByteBuffer(
                string:
                    "type=card&card[number]=4000000000003220&card[exp_month]=12&card[exp_year]=2030&card[cvc]=123"))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let object =
            try JSONSerialization.jsonObject(
                with: Data(try await response.body.collect(upTo: 1 << 20).readableBytesView)) as? [String: Any]
        let method = try #require(object?["id"] as? String)
        let payment = try await gateway(base).startPayment(self.request(method))
        #expect(payment.status == .requiresAction)
        #expect(payment.nextAction?.contains("three_d_secure") == true && payment.clientSecret != nil)
    }

    /// localstripe signs and posts its own webhook events to our live server: the signature check passes on a real
    /// peer's signature, and the event is recorded once.
    @Test func localstripeWebhooksAreVerifiedAndRecorded() async throws {
        guard let base = Self.base else {
            #expect(!TestPeers.required, "BOXOFFICE_TEST_STRIPE_URL is required under scripts/test")
            return
        }
        let secret = "whsec_\(UUID().uuidString.prefix(8))"
        let stripe = gateway(base, secrets: [secret])
        try await withApp(
            testing: .live,
            // localstripe keeps its connection alive; a short idle timeout lets the server stop at once afterwards.
            configure: { $0.http.idleTimeoutSeconds = 1 }, seams: .init(payments: stripe)
        ) { app in
            // localstripe signs with the wall clock; the app's checks must too.
            app.clock.set(Date())
            let port = try #require(app.client.port)
            let hook = "hook\(UUID().uuidString.prefix(8))"
            var config = HTTPClientRequest(url: base.absoluteString + "/_config/webhooks/\(hook)")
            config.method = .POST
            config.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            config.body = .bytes(
                ByteBuffer(
                    string: "url=http%3A%2F%2F127.0.0.1%3A\(port)%2Fapi%2Fwebhooks%2Fstripe&secret=\(secret)"
                        + "&events[]=payment_intent.succeeded"))
            let configured = try await HTTPClient.shared.execute(config, timeout: .seconds(10))
            #expect(configured.status == .ok)
            let paid = try await stripe.startPayment(request("pm_card_visa"))
            var recorded = false
            for _ in 0..<60 where !recorded {
                try await Task.sleep(for: .milliseconds(100))
                recorded =
                    try await app.store.sql().raw(
                        "SELECT 1 AS found FROM payment_events WHERE payment_id = \(bind: paid.id) AND type = 'payment_intent.succeeded'"
                    ).first() != nil
            }
            #expect(recorded, "localstripe's signed event was accepted")
            // Stop localstripe posting to a server that is about to go away.
            var remove = HTTPClientRequest(url: base.absoluteString + "/_config/webhooks/\(hook)")
            remove.method = .POST
            remove.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            remove.body = .bytes(ByteBuffer(string: "url=http%3A%2F%2F127.0.0.1%3A9%2F&secret=x&events[]=none"))
            _ = try? await HTTPClient.shared.execute(remove, timeout: .seconds(5))
        }
    }
}
