import AsyncHTTPClient
import BoxOfficeApp
import Domain
import Foundation
import HTTPCore
import HTTPTypes
import HummingbirdTesting
import Logging
import NIOCore
import Orders
import PaymentGateway
import Payments
import SQLKit
import TestSupport
import Testing

/// Card payments end to end against localstripe, a Stripe-compatible server nobody here wrote, running as its own
/// process: BoxOffice's live server calls it for payments and refunds, and it posts its own signed webhooks back.
/// Where localstripe falls short it is said so: it sends no refund events (refunds are settled from its answers) and
/// never redelivers an event (the duplicate is replayed by the test, signed with the endpoint's secret as it signs).
@Suite(.serialized) struct CardPaymentLiveTests {
    static var base: URL? { TestPeers.stripeURL }

    /// A form POST to localstripe.
    static func stripe(_ base: URL, _ path: String, _ form: String) async throws -> [String: Any] {
        var request = HTTPClientRequest(url: base.absoluteString + path)
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer sk_test_boxoffice")
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.body = .bytes(ByteBuffer(string: form))
        // localstripe may close a kept-alive connection as it is reused: such a call is made again.
        for attempt in 1...3 {
            do {
                let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
                let body = try await response.body.collect(upTo: 1 << 20)
                return (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any]) ?? [:]
            } catch  where attempt < 3 {
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        return [:]
    }

    /// What the buyer's card form does with a payment's client secret: attach a card, confirm. (localstripe refuses a
    /// payment method passed to confirm itself, so the card is attached by an update first.)
    static func confirmAsCardForm(_ base: URL, _ intent: String) async throws {
        _ = try await stripe(base, "/v1/payment_intents/\(intent)", "payment_method=pm_card_visa")
        _ = try await stripe(base, "/v1/payment_intents/\(intent)/confirm", "")
    }

    @Test(arguments: TestDatabase.all)
    func cardSalesRefundsAndLatePaymentsAgainstLocalstripe(_ database: TestDatabase) async throws {
        guard let base = Self.base else {
            #expect(!TestPeers.required, "BOXOFFICE_TEST_STRIPE_URL is required under scripts/test")
            return
        }
        let secret = "whsec_\(UUID().uuidString.prefix(8))"
        let gateway = StripeGateway(
            settings: .init(apiBase: base, secretKey: "sk_test_boxoffice", webhookSecrets: [secret]),
            logger: Logger(label: "stripe-live"))
        try await withApp(
            // localstripe keeps its webhook connection alive, and the server waits for it at the end: a short idle
            // timeout ends that wait, but not so short that the test's own client finds its kept connection closed
            // between two requests on a busy machine.
            database, testing: .live, configure: { $0.http.idleTimeoutSeconds = 10 }, seams: .init(payments: gateway)
        ) { app in
            // localstripe signs its events with the wall clock; the app's checks must use it too.
            app.clock.set(Date())
            let port = try #require(app.client.port)
            let hook = "boxoffice\(UUID().uuidString.prefix(8))"
            let registered = try await Self.stripe(
                base, "/_config/webhooks/\(hook)",
                "url=http%3A%2F%2F127.0.0.1%3A\(port)%2Fapi%2Fwebhooks%2Fstripe&secret=\(secret)"
                    + "&events[]=payment_intent.succeeded&events[]=payment_intent.payment_failed"
                    + "&events[]=payment_intent.canceled")
            _ = registered
            defer {
                // Stop localstripe posting to a server that is about to go away.
                Task {
                    _ = try? await Self.stripe(
                        base, "/_config/webhooks/\(hook)", "url=http%3A%2F%2F127.0.0.1%3A9%2F&secret=x&events[]=none")
                }
            }
            let fixture = try await CatalogFixture.make(app)
            // The catalog's days count from the test clock's start; the wall clock is later, so it is placed after it.
            let today = Int(Date().timeIntervalSince(TestClock.t0) / 86_400) + 1
            let event = try await fixture.createEvent()
            for day in 0..<3 {
                try await fixture.addSession(event.eventId, name: "Day \(day + 1)", day: today + 10 + day, capacity: 20)
            }
            let day1 = try await fixture.addTicketType(
                event.eventId, name: "Day 1 Only", sessions: ["S1"], price: 65, salesEnd: CatalogFixture.day(today + 9))
            try await fixture.publish(event.eventId)
            let type = day1.ticketTypeId
            func place(_ token: String?, _ quantity: Int = 1, type: UUID = type, email: String = "ada@example.org")
                async throws -> PaymentSettlementTests.Placed
            {
                var body = CardPaymentTests.card(type, quantity, token: token)
                body["buyerEmail"] = .string(email)
                let response = try await app.client.send(.post, "/api/orders", json: body)
                #expect(response.status == .created, "\(response.text)")
                let order = try response.decode(OrderDTO.self)
                return .init(order: order, token: order.accessToken!)
            }

            // Paid at once with a test payment method.
            let paid = try await place("pm_card_visa", 2)
            #expect(paid.order.status == "paid" && paid.order.payment?.status == "succeeded")
            let intent = try #require(paid.order.payment?.providerReference)

            // The event's purchase body as clients send it, with a test token: two tickets, one attendee, CreditCard.
            let member = try await app.signUp("member@example.org")
            var headers = member.bearer
            headers[.contentType] = "application/json"
            let seed = try await app.client.send(
                .post, "/api/events/\(event.eventId)/tickets/purchase", headers: headers,
                raw: """
                    {
                      "ticketTypeId": "\(type)",
                      "quantity": 2,
                      "attendees": [
                        {
                          "name": "John Doe",
                          "email": "john@example.com",
                          "dietaryRestrictions": "Vegetarian",
                          "emergencyContact": "Jane Doe (555-1234)"
                        }
                      ],
                      "paymentMethod": "CreditCard",
                      "paymentToken": "pm_card_visa"
                    }
                    """)
            #expect(seed.status == .created, "\(seed.text)")
            #expect(try seed.decode(OrderDTO.self).status == "paid")
            #expect(try await CardPaymentTests.held(app, type) == [4, 0])

            // Declined: the places go back at once.
            let declined = try await place("pm_card_chargeCustomerFail")
            #expect(declined.order.status == "cancelled" && declined.order.payment?.status == "failed")
            #expect(declined.order.payment?.failureReason != nil)
            #expect(try await CardPaymentTests.held(app, type) == [4, 0])

            // 3-D Secure: the buyer must act.
            let method = try await Self.stripe(
                base, "/v1/payment_methods",
                "type=card&card[number]=4000000000003220&card[exp_month]=12&card[exp_year]=2030&card[cvc]=123")
            let secure = try await place(try #require(method["id"] as? String))
            #expect(secure.order.status == "pending" && secure.order.payment?.status == "requires_action")
            #expect(secure.order.payment?.clientSecret != nil && secure.order.payment?.nextAction != nil)

            // Confirmed by the buyer's card form (here: the test, as the form would), settled by localstripe's webhook.
            let open = try await place(nil)
            let openIntent = try #require(open.order.payment?.providerReference)
            try await Self.confirmAsCardForm(base, openIntent)
            #expect(try await eventually { try await PaymentSettlementTests.status(app, open) == "paid" })

            // A partial refund by the organizer, made at localstripe by the refund worker.
            let refund = try await app.client.send(
                .post, "/api/orders/\(paid.order.orderId)/refunds", headers: fixture.headers,
                json: ["amountMinor": 2500] as [String: JSONValue])
            #expect(refund.status == .created)
            #expect(
                try await eventually {
                    try await PaymentSettlementTests.payments(app, paid).refunds.first?.status == "succeeded"
                })
            let atStripe = try await gateway.payment(intent)
            #expect(atStripe.status == .succeeded)

            // A replayed event is acknowledged and ignored; a forged or stale one is refused and written nowhere.
            let now = Int(Date().timeIntervalSince1970)
            let replay = """
                {"id":"evt_replay_\(hook)","object":"event","type":"payment_intent.succeeded","created":\(now),\
                "data":{"object":{"id":"\(openIntent)","object":"payment_intent","status":"succeeded","amount":6500,\
                "currency":"eur","metadata":{}}}}
                """
            func post(_ signature: String) async throws -> TestResponse {
                try await app.client.send(
                    .post, "/api/webhooks/stripe",
                    headers: [.contentType: "application/json", HTTPField.Name("Stripe-Signature")!: signature],
                    raw: replay)
            }
            let signed = StripeSignature.header(body: Array(replay.utf8), secret: secret, timestamp: now)
            #expect(try await post(signed).json()["duplicate"] == .bool(false))
            #expect(try await post(signed).json()["duplicate"] == .bool(true))
            #expect(
                try await post(StripeSignature.header(body: Array(replay.utf8), secret: "whsec_forged", timestamp: now))
                    .status == .badRequest)
            #expect(
                try await post(StripeSignature.header(body: Array(replay.utf8), secret: secret, timestamp: now - 600))
                    .status == .badRequest)

            // A signed event naming a PaymentIntent localstripe does not know (404), for 1 minor unit, claiming the
            // pending 3-D Secure order's payment, is refused: that order and its payment stay as they were.
            let waiting = try #require(secure.order.payment)
            let unknown = """
                {"id":"evt_unknown_\(hook)","object":"event","type":"payment_intent.succeeded","created":\(now),\
                "data":{"object":{"id":"pi_unknown_\(hook)","object":"payment_intent","status":"succeeded","amount":1,\
                "currency":"eur","metadata":{"payment_id":"\(waiting.paymentId)"}}}}
                """
            let refused = try await app.client.send(
                .post, "/api/webhooks/stripe",
                headers: [
                    .contentType: "application/json",
                    HTTPField.Name("Stripe-Signature")!: StripeSignature.header(
                        body: Array(unknown.utf8), secret: secret, timestamp: now),
                ], raw: unknown)
            #expect(try refused.status == .ok && refused.json()["reason"] == "reference_mismatch", "\(refused.text)")
            #expect(try await PaymentSettlementTests.status(app, secure) == "pending")
            let kept = try await PaymentSettlementTests.payments(app, secure).payments.first
            #expect(kept?.providerReference == waiting.providerReference && kept?.status == "requires_action")
            // The same for a payment whose reference never came back: localstripe is asked, answers 404, and the
            // event is refused.
            let sql = app.store.sql()
            try await sql.raw("UPDATE payments SET provider_ref = NULL WHERE id = \(bind: waiting.paymentId)").run()
            let notFound = try await app.client.send(
                .post, "/api/webhooks/stripe",
                headers: [
                    .contentType: "application/json",
                    HTTPField.Name("Stripe-Signature")!: StripeSignature.header(
                        body: Array(unknown.utf8), secret: secret, timestamp: now),
                ], raw: unknown)
            #expect(try notFound.status == .ok && notFound.json()["reason"] == "unknown_payment", "\(notFound.text)")
            #expect(try await PaymentSettlementTests.status(app, secure) == "pending")
            try await sql.raw(
                """
                UPDATE payments SET provider_ref = \(bind: waiting.providerReference) WHERE id = \(bind: waiting.paymentId)
                """
            ).run()

            // Late payments: the order's deadline passes before the buyer's card form confirms.
            func expire(_ placed: PaymentSettlementTests.Placed) async throws {
                let past = app.clock.now.addingTimeInterval(-1)
                try await app.store.sql().raw(
                    "UPDATE orders SET payment_deadline = \(bind: past) WHERE id = \(bind: placed.order.orderId)"
                ).run()
                try await app.store.sql().raw(
                    """
                    UPDATE holds SET expires_at = \(bind: past) WHERE id = (SELECT hold_id FROM orders WHERE id = \(bind: placed.order.orderId))
                    """
                ).run()
            }
            let balcony = try await fixture.addTicketType(
                event.eventId, name: "Balcony", sessions: ["S3"], price: 30, limit: 2,
                salesEnd: CatalogFixture.day(today + 9))
            let late = try await place(nil, 2, type: balcony.ticketTypeId, email: "late@example.org")
            try await expire(late)
            #expect(try await PaymentSettlementTests.status(app, late) == "expired")
            let lateIntent = try #require(late.order.payment?.providerReference)
            try await Self.confirmAsCardForm(base, lateIntent)
            #expect(
                try await eventually { try await PaymentSettlementTests.status(app, late) == "paid" },
                "places left: accepted")

            // The late order's full refund frees the balcony; `gone` takes it, and expires while a third buyer takes it.
            _ = try await app.client.send(
                .post, "/api/orders/\(late.order.orderId)/refunds", headers: fixture.headers,
                json: [:] as [String: JSONValue])
            let gone = try await place(nil, 2, type: balcony.ticketTypeId, email: "gone@example.org")
            try await expire(gone)
            let quick = try await place("pm_card_visa", 2, type: balcony.ticketTypeId, email: "quick@example.org")
            #expect(quick.order.status == "paid")
            let goneIntent = try #require(gone.order.payment?.providerReference)
            try await Self.confirmAsCardForm(base, goneIntent)
            #expect(
                try await eventually {
                    try await PaymentSettlementTests.payments(app, gone).refunds.first?.status == "succeeded"
                },
                "places gone: refunded in full at localstripe")
            #expect(try await PaymentSettlementTests.status(app, gone) == "expired")
            #expect(try await CardPaymentTests.held(app, balcony.ticketTypeId) == [2, 0])
        }
    }
}
