import BoxOfficeApp
import Domain
import Foundation
import HTTPCore
import HTTPTypes
import HummingbirdTesting
import Orders
import PaymentGateway
import Payments
import SQLKit
import Synchronization
import TestSupport
import Testing

/// A signed webhook is acted on only as the processor confirms it; an order's card payments are bounded; the webhook
/// path has a limit of its own per address, and its refusals a bounded share of the log.
@Suite struct PaymentHardeningTests {
    /// The gateway double, with a processor that may be unreachable for look-ups (`down`), or refuse them all as with
    /// a wrong API key (`keyRefused`: 401), and whose refunds stay `pending` when made (`pendingRefunds`) until they
    /// are asked about again.
    final class Processor: PaymentGateway {
        let inner = PaymentGatewayDouble()
        private let state = Mutex<(down: Bool, pendingRefunds: Bool, keyRefused: Bool)>((false, false, false))
        var name: String { inner.name }
        var down: Bool {
            get { state.withLock { $0.down } }
            set { state.withLock { $0.down = newValue } }
        }
        var keyRefused: Bool {
            get { state.withLock { $0.keyRefused } }
            set { state.withLock { $0.keyRefused = newValue } }
        }
        var pendingRefunds: Bool {
            get { state.withLock { $0.pendingRefunds } }
            set { state.withLock { $0.pendingRefunds = newValue } }
        }

        func startPayment(_ request: PaymentRequest) async throws -> GatewayPayment {
            try await inner.startPayment(request)
        }
        func payment(_ id: String) async throws -> GatewayPayment {
            if down { throw PaymentGatewayError.unavailable("GET /v1/payment_intents answered 503") }
            if keyRefused { throw PaymentGatewayError.rejected(status: 401, message: "Invalid API Key provided") }
            return try await inner.payment(id)
        }
        func refund(_ request: RefundRequest) async throws -> GatewayRefund {
            var made = try await inner.refund(request)
            if pendingRefunds { made.status = "pending" }
            return made
        }
        func refundStatus(_ id: String) async throws -> GatewayRefund {
            if down { throw PaymentGatewayError.unavailable("GET /v1/refunds answered 503") }
            return try await inner.refundStatus(id)
        }
        func webhookEvent(body: [UInt8], signature: String?, now: Date) throws -> GatewayEvent {
            try inner.webhookEvent(body: body, signature: signature, now: now)
        }
    }

    /// A webhook signed with the test secret, its body as given.
    static func signed(_ app: TestApp, _ body: String, path: String = "/api/webhooks/stripe") async throws
        -> TestResponse
    {
        let created = Int(app.clock.now.timeIntervalSince1970)
        let signature = StripeSignature.header(body: Array(body.utf8), secret: "whsec_test", timestamp: created)
        return try await app.client.send(
            .post, path, headers: [.contentType: "application/json", HTTPField.Name("Stripe-Signature")!: signature],
            raw: body)
    }

    static func row(_ app: TestApp, _ paymentID: UUID) async throws -> (ref: String?, status: String, amount: Int) {
        let row = try await app.store.sql().raw(
            "SELECT provider_ref, status, amount_minor FROM payments WHERE id = \(bind: paymentID)"
        ).first()!
        return (
            try row.decode(column: "provider_ref", as: String?.self), try row.decode(column: "status", as: String.self),
            try row.decode(column: "amount_minor", as: Int.self)
        )
    }

    static func recorded(_ app: TestApp, _ eventID: String) async throws -> Bool {
        try await app.store.sql().raw("SELECT 1 AS n FROM payment_events WHERE event_id = \(bind: eventID)").first()
            != nil
    }

    /// The issue's reproduction: a correctly signed `payment_intent.succeeded` naming a PaymentIntent the processor
    /// does not know, for 1 minor unit, with our payment's ID in its metadata. Before: 200, the order paid with its
    /// whole total recorded, and the payment's reference replaced by the made-up one. Now it is refused: as another
    /// PaymentIntent than the payment's, and, for a payment whose reference never came back from the processor, as
    /// one the processor does not know (404).
    @Test(arguments: TestDatabase.all)
    func aWebhookNamingAPaymentIntentTheProcessorDoesNotKnowIsRefused(_ database: TestDatabase) async throws {
        let gateway = PaymentGatewayDouble()
        try await withApp(database, seams: .init(payments: gateway)) { app in
            let fixture = try await CatalogFixture.make(app)
            let (_, _, day1, _) = try await fixture.workshop()
            let placed = try await PaymentSettlementTests.place(app, day1.ticketTypeId, 2)
            let payment = try #require(placed.order.payment)
            let reference = try #require(payment.providerReference)
            let forged = GatewayPayment(
                id: "pi_unknown_17276", status: .succeeded, amountMinor: 1, currency: "EUR",
                metadata: ["payment_id": payment.paymentId.uuidString])
            let answer = try await PaymentSettlementTests.webhook(
                app, id: "evt_repro_1", type: "payment_intent.succeeded", payment: forged, status: "succeeded")
            #expect(answer.status == .ok)
            #expect(try answer.json()["ignored"] == .bool(true))
            #expect(try answer.json()["reason"] == "reference_mismatch")
            #expect(try await PaymentSettlementTests.status(app, placed) == "pending")
            let stored = try await Self.row(app, payment.paymentId)
            #expect(stored.ref == reference && stored.status == "pending" && stored.amount == 13_000)
            #expect(try await !Self.recorded(app, "evt_repro_1"), "a refused event is written only to the log")

            // The processor's answer to the start was lost: the payment has no reference yet. The processor is asked,
            // answers 404, and the event is refused.
            try await app.store.sql().raw(
                "UPDATE payments SET provider_ref = NULL WHERE id = \(bind: payment.paymentId)"
            ).run()
            let unknown = try await PaymentSettlementTests.webhook(
                app, id: "evt_repro_2", type: "payment_intent.succeeded", payment: forged, status: "succeeded")
            #expect(try unknown.status == .ok && unknown.json()["reason"] == "unknown_payment")
            #expect(try await PaymentSettlementTests.status(app, placed) == "pending")
            let after = try await Self.row(app, payment.paymentId)
            #expect(after.ref == nil && after.status == "pending" && after.amount == 13_000)
            #expect(try await !Self.recorded(app, "evt_repro_2"))
            #expect(
                app.logs.all.contains {
                    $0.level == .warning && $0.message == "payment webhook refused"
                        && $0.metadata["reason"] == "unknown_payment"
                })
            #expect(try await CardPaymentTests.held(app, day1.ticketTypeId) == [0, 2])
        }
    }

    /// An event naming another PaymentIntent than the one stored on our payment is refused (the reference is never
    /// replaced), and so is one whose payment the processor reports with another amount than ours.
    @Test(arguments: TestDatabase.all)
    func aWebhookWhosePaymentIntentOrAmountIsNotThePaymentsIsRefused(_ database: TestDatabase) async throws {
        let gateway = PaymentGatewayDouble()
        try await withApp(database, seams: .init(payments: gateway)) { app in
            let fixture = try await CatalogFixture.make(app)
            let (_, _, day1, _) = try await fixture.workshop()
            let first = try await PaymentSettlementTests.place(app, day1.ticketTypeId, 1)
            let second = try await PaymentSettlementTests.place(app, day1.ticketTypeId, 1, email: "bob@example.org")
            let mine = try #require(first.order.payment)
            let theirs = try #require(
                gateway.payments.first { $0.metadata["order_id"] == second.order.orderId.uuidString })
            // The other order's PaymentIntent, real and paid at the processor, claimed for the first order's payment.
            gateway.settle(theirs.id, as: .succeeded)
            var claimed = theirs
            claimed.metadata["payment_id"] = mine.paymentId.uuidString
            let swapped = try await PaymentSettlementTests.webhook(
                app, id: "evt_swap", type: "payment_intent.succeeded", payment: claimed, status: "succeeded")
            #expect(try swapped.status == .ok && swapped.json()["reason"] == "reference_mismatch")
            #expect(try await PaymentSettlementTests.status(app, first) == "pending")
            #expect(try await Self.row(app, mine.paymentId).ref == mine.providerReference)

            // The processor reports our PaymentIntent paid, but for another amount than the payment's.
            let intent = try #require(gateway.payments.first { $0.id == mine.providerReference })
            gateway.settle(intent.id, as: .succeeded)
            try await app.store.sql().raw(
                "UPDATE payments SET amount_minor = amount_minor + 1 WHERE id = \(bind: mine.paymentId)"
            ).run()
            let short = try await PaymentSettlementTests.webhook(
                app, id: "evt_amount", type: "payment_intent.succeeded", payment: intent, status: "succeeded")
            #expect(try short.status == .ok && short.json()["reason"] == "amount_mismatch")
            #expect(try await PaymentSettlementTests.status(app, first) == "pending")
            #expect(try await Self.row(app, mine.paymentId).status == "pending")
            // The second order's own event, with its own PaymentIntent, is acted on.
            let own = try await PaymentSettlementTests.webhook(
                app, id: "evt_own", type: "payment_intent.succeeded", payment: theirs, status: "succeeded")
            #expect(try own.status == .ok && own.json()["ignored"] == .bool(false))
            #expect(try await PaymentSettlementTests.status(app, second) == "paid")
        }
    }

    /// When the processor cannot be asked, the event's copy is not acted on: 503, nothing recorded, so the processor
    /// delivers it again; the redelivery, once the processor answers, is acted on.
    @Test(arguments: TestDatabase.all)
    func aWebhookThatCannotBeCheckedIsDeferred(_ database: TestDatabase) async throws {
        let gateway = Processor()
        try await withApp(database, seams: .init(payments: gateway)) { app in
            let fixture = try await CatalogFixture.make(app)
            let (_, _, day1, _) = try await fixture.workshop()
            let placed = try await PaymentSettlementTests.place(app, day1.ticketTypeId, 1)
            let intent = try #require(gateway.inner.payments.first)
            gateway.inner.settle(intent.id, as: .succeeded)
            gateway.down = true
            let deferred = try await PaymentSettlementTests.webhook(
                app, id: "evt_later", type: "payment_intent.succeeded", payment: intent, status: "succeeded")
            #expect(deferred.status == .serviceUnavailable)
            #expect(deferred.errorCode == "PAYMENT_PROCESSOR_UNAVAILABLE")
            #expect(try await PaymentSettlementTests.status(app, placed) == "pending")
            #expect(try await !Self.recorded(app, "evt_later"))
            // A processor refusing the look-up for another reason than 404 (a wrong API key) defers it too.
            gateway.down = false
            gateway.keyRefused = true
            let refused = try await PaymentSettlementTests.webhook(
                app, id: "evt_later", type: "payment_intent.succeeded", payment: intent, status: "succeeded")
            #expect(refused.status == .serviceUnavailable)
            #expect(try await PaymentSettlementTests.status(app, placed) == "pending")
            gateway.keyRefused = false
            let again = try await PaymentSettlementTests.webhook(
                app, id: "evt_later", type: "payment_intent.succeeded", payment: intent, status: "succeeded")
            #expect(try again.status == .ok && again.json()["duplicate"] == .bool(false))
            #expect(try await PaymentSettlementTests.status(app, placed) == "paid")
        }
    }

    /// A signed `refund.updated` is recorded as the processor reports the refund by its ID, not as the event says: a
    /// `failed` copy of a refund the processor holds `succeeded` does not hand its amount back for a second refund.
    @Test(arguments: TestDatabase.all)
    func aRefundEventIsRecordedAsTheProcessorReportsIt(_ database: TestDatabase) async throws {
        let gateway = Processor()
        gateway.pendingRefunds = true
        // The reconciler would ask about the pending refund on its own (and find it succeeded) whenever its round came
        // during the test, as it did on a loaded machine: here only the webhook asks.
        try await withApp(database, configure: { $0.payments.reconcileSeconds = 3600 }, seams: .init(payments: gateway))
        {
            app in
            let fixture = try await CatalogFixture.make(app)
            let (_, _, day1, _) = try await fixture.workshop()
            let placed = try await PaymentSettlementTests.place(app, day1.ticketTypeId, 1, token: "pm_card_visa")
            let intent = try #require(placed.order.payment?.providerReference)
            let refunded = try await app.client.send(
                .post, "/api/orders/\(placed.order.orderId)/refunds", headers: fixture.headers,
                json: [:] as [String: JSONValue])
            #expect(refunded.status == .created)
            let sql = app.store.sql()
            func refund() async throws -> (ref: String?, status: String) {
                let row = try await sql.raw("SELECT provider_ref, status FROM refunds").first()!
                return (
                    try row.decode(column: "provider_ref", as: String?.self),
                    try row.decode(column: "status", as: String.self)
                )
            }
            #expect(try await eventually { try await refund().ref != nil })
            let reference = try #require(try await refund().ref)
            #expect(try await refund().status == "pending")
            let body = """
                {"id":"evt_refund_1","object":"event","type":"refund.updated","created":\(Int(app.clock.now.timeIntervalSince1970)),\
                "data":{"object":{"id":"\(reference)","object":"refund","status":"failed","amount":6500,\
                "payment_intent":"\(intent)"}}}
                """
            gateway.down = true
            let deferred = try await Self.signed(app, body)
            #expect(deferred.status == .serviceUnavailable)
            #expect(try await refund().status == "pending")
            gateway.down = false
            let answer = try await Self.signed(app, body)
            #expect(try answer.status == .ok && answer.json()["ignored"] == .bool(false))
            #expect(try await refund().status == "succeeded", "the processor's word, not the event's copy")
            #expect(try await PaymentSettlementTests.payments(app, placed).refundableMinor == 0)
        }
    }

    /// Fifteen requests for a payment of one order, without a card, make no PaymentIntent beyond the open one; new
    /// ones (another card after a decline) are bounded per order, then refused 409 naming the limit.
    @Test(arguments: TestDatabase.all)
    func cardPaymentAttemptsPerOrderAreBounded(_ database: TestDatabase) async throws {
        let gateway = PaymentGatewayDouble()
        try await withApp(database, seams: .init(payments: gateway)) { app in
            let fixture = try await CatalogFixture.make(app)
            let (_, _, day1, _) = try await fixture.workshop()
            let placed = try await PaymentSettlementTests.place(app, day1.ticketTypeId, 1)
            let open = try #require(placed.order.payment)
            let path = "/api/orders/\(placed.order.orderId)/payments"
            #expect(gateway.startCalls == 1)
            for _ in 0..<15 {
                let again = try await app.client.send(
                    .post, path, headers: placed.headers, json: [:] as [String: JSONValue])
                #expect(again.status == .created)
                let payment = try again.decode(PaymentDTO.self)
                #expect(payment.paymentId == open.paymentId && payment.clientSecret != nil)
            }
            #expect(gateway.startCalls == 1, "the open PaymentIntent is answered again")
            let limit = CardPayments.maxAttemptsPerOrder
            for _ in 1..<limit {
                let declined = try await app.client.send(
                    .post, path, headers: placed.headers, json: ["paymentToken": "pm_card_declined"])
                #expect(declined.status == .created)
                #expect(try declined.decode(PaymentDTO.self).status == "failed")
            }
            #expect(gateway.startCalls == limit)
            let refused = try await app.client.send(
                .post, path, headers: placed.headers, json: ["paymentToken": "pm_card_visa"])
            #expect(refused.status == .conflict && refused.errorCode == "PAYMENT_ATTEMPTS_EXHAUSTED")
            #expect(try refused.json()["error"]?["details"]?["limit"] == .int(limit))
            #expect(gateway.startCalls == limit)
            // The open one may still be finished; asked again, it is answered as the processor now reports it.
            gateway.settle(try #require(open.providerReference), as: .succeeded)
            let finished = try await app.client.send(
                .post, path, headers: placed.headers, json: [:] as [String: JSONValue])
            #expect(try finished.decode(PaymentDTO.self).status == "succeeded")
            #expect(try await PaymentSettlementTests.status(app, placed) == "paid")
            #expect(try await PaymentSettlementTests.payments(app, placed).payments.count == limit)
        }
    }

    /// Fifteen requests for a new card payment of one order, racing through real connections, make no more payments
    /// than the bound: the order's row is locked while its payments are counted.
    @Test(arguments: TestDatabase.all)
    func racingPaymentRequestsStayWithinTheBound(_ database: TestDatabase) async throws {
        let gateway = PaymentGatewayDouble()
        try await withApp(
            database, testing: .live,
            configure: {
                $0.database.connectionsPerEventLoop = 4
                $0.database.poolTimeoutSeconds = 120
            }, seams: .init(payments: gateway)
        ) { app in
            let fixture = try await CatalogFixture.make(app)
            let (_, _, day1, _) = try await fixture.workshop()
            let placed = try await PaymentSettlementTests.place(app, day1.ticketTypeId, 1)
            let requests = (0..<15).map { _ in
                RaceRequest(
                    .post, "/api/orders/\(placed.order.orderId)/payments", headers: placed.headers,
                    json: ["paymentToken": "pm_card_declined"])
            }
            let answers = try await app.race(requests)
            let limit = CardPayments.maxAttemptsPerOrder
            #expect(answers.filter { $0.status == .created }.count == limit - 1, "\(answers.map(\.status))")
            #expect(answers.filter { $0.status == .conflict }.count == 15 - limit + 1)
            #expect(gateway.startCalls == limit)
            #expect(try await PaymentSettlementTests.payments(app, placed).payments.count == limit)
        }
    }

    /// Seven hundred forged webhooks from one address: the first ones are refused 400, those past the webhook limit
    /// 429 before they reach the handler; only the first refusals of the minute are warnings.
    @Test(arguments: TestDatabase.all)
    func aFloodOfForgedWebhooksIsLimitedAndLoggedWithinBounds(_ database: TestDatabase) async throws {
        try await withApp(database, seams: .init(payments: PaymentGatewayDouble())) { app in
            let body = #"{"id":"evt_forged","object":"event","type":"payment_intent.succeeded","created":1}"#
            let signature = StripeSignature.header(
                body: Array(body.utf8), secret: "whsec_forged", timestamp: Int(app.clock.now.timeIntervalSince1970))
            var codes: [Int: Int] = [:]
            for index in 0..<700 {
                let answer = try await app.client.send(
                    .post, index % 2 == 0 ? "/api/webhooks/stripe" : "/api/webhook/payment",
                    headers: [.contentType: "application/json", HTTPField.Name("Stripe-Signature")!: signature],
                    raw: body)
                codes[answer.status.code, default: 0] += 1
            }
            // `RateLimitRule.webhooks`: 300 per 60 s per address, both webhook paths together.
            let limit = 300
            #expect(codes == [400: limit, 429: 700 - limit], "\(codes)")
            let refusals = app.logs.all.filter { $0.message == "payment webhook refused" }
            #expect(refusals.count <= limit, "those refused 429 never reach the handler")
            #expect(refusals.filter { $0.level == .warning }.count == 20, "the first twenty of the minute")
        }
    }
}
