import BoxOfficeApp
import Domain
import Foundation
import HTTPCore
import HTTPTypes
import HummingbirdTesting
import Orders
import Outbox
import PaymentGateway
import Payments
import SQLKit
import TestSupport
import Testing

/// What happens after the checkout's answer: webhooks, the reconciler before expiry, late payments accepted or
/// refunded, organizers' refunds and an event's cancellation, with the gateway double.
@Suite struct PaymentSettlementTests {
    struct Placed {
        var order: OrderDTO
        var token: String
        var headers: HTTPFields { [HTTPField.Name("X-Order-Token")!: token] }
    }

    static func place(
        _ app: TestApp, _ type: UUID, _ quantity: Int = 1, token: String? = nil, email: String = "ada@example.org"
    )
        async throws -> Placed
    {
        var body = CardPaymentTests.card(type, quantity, token: token)
        body["buyerEmail"] = .string(email)
        let response = try await app.client.send(.post, "/api/orders", json: body)
        guard response.status == .created else { throw TestSetupError("order: \(response.status) \(response.text)") }
        let order = try response.decode(OrderDTO.self)
        return Placed(order: order, token: order.accessToken!)
    }

    static func payments(_ app: TestApp, _ placed: Placed) async throws -> OrderPaymentsDTO {
        try await app.client.send(.get, "/api/orders/\(placed.order.orderId)/payments", headers: placed.headers)
            .decode(OrderPaymentsDTO.self)
    }

    static func status(_ app: TestApp, _ placed: Placed) async throws -> String {
        try await app.client.send(.get, "/api/orders/\(placed.order.orderId)", headers: placed.headers)
            .decode(OrderDTO.self).status
    }

    static func webhook(
        _ app: TestApp, id: String, type: String, payment: GatewayPayment, status: String, failure: String? = nil
    )
        async throws -> TestResponse
    {
        let created = Int(app.clock.now.timeIntervalSince1970)
        let error = failure.map { #","last_payment_error":{"message":"\#($0)"}"# } ?? ""
        let metadata = payment.metadata.map { "\"\($0.key)\":\"\($0.value)\"" }.joined(separator: ",")
        let body = """
            {"id":"\(id)","object":"event","type":"\(type)","created":\(created),"data":{"object":{"id":"\(payment.id)",\
            "object":"payment_intent","status":"\(status)","amount":\(payment.amountMinor),"currency":"eur",\
            "metadata":{\(metadata)}\(error)}}}
            """
        let signature = StripeSignature.header(body: Array(body.utf8), secret: "whsec_test", timestamp: created)
        return try await app.client.send(
            .post, "/api/webhook/payment",
            headers: [.contentType: "application/json", HTTPField.Name("Stripe-Signature")!: signature], raw: body)
    }

    @Test(arguments: TestDatabase.all)
    func webhooksMoveOrdersOnceEach(_ database: TestDatabase) async throws {
        let gateway = PaymentGatewayDouble()
        try await withApp(database, seams: .init(payments: gateway)) { app in
            let fixture = try await CatalogFixture.make(app)
            let (_, _, day1, _) = try await fixture.workshop()
            let first = try await Self.place(app, day1.ticketTypeId, 2)
            let payment = try #require(
                gateway.payments.first { $0.metadata["order_id"] == first.order.orderId.uuidString })
            gateway.settle(payment.id, as: .succeeded)
            let paid = try await Self.webhook(
                app, id: "evt_paid", type: "payment_intent.succeeded", payment: payment, status: "succeeded")
            #expect(paid.status == .ok)
            #expect(try await Self.status(app, first) == "paid")
            #expect(try await CardPaymentTests.held(app, day1.ticketTypeId) == [2, 0])
            let again = try await Self.webhook(
                app, id: "evt_paid", type: "payment_intent.succeeded", payment: payment, status: "succeeded")
            #expect(try again.json()["duplicate"] == .bool(true))
            let transitions = try await app.store.sql().raw(
                "SELECT to_status, actor_kind, reason FROM order_transitions WHERE order_id = \(bind: first.order.orderId) ORDER BY occurred_at"
            ).all().map {
                try $0.decode(column: "to_status", as: String.self) + "/"
                    + $0.decode(column: "actor_kind", as: String.self)
            }
            #expect(transitions == ["pending/anonymous", "paid/system"])

            let second = try await Self.place(app, day1.ticketTypeId, 1, email: "bob@example.org")
            let other = try #require(
                gateway.payments.first { $0.metadata["order_id"] == second.order.orderId.uuidString })
            // An event whose copy is older than the payment (the processor says it still waits for the buyer) moves
            // nothing: the payment as it stands counts.
            let stale = try await Self.webhook(
                app, id: "evt_stale", type: "payment_intent.payment_failed", payment: other,
                status: "requires_payment_method", failure: "An earlier card was declined.")
            #expect(stale.status == .ok)
            #expect(try await Self.status(app, second) == "pending")
            gateway.settle(other.id, as: .requiresPaymentMethod, failureReason: "Your card has insufficient funds.")
            let failed = try await Self.webhook(
                app, id: "evt_failed", type: "payment_intent.payment_failed", payment: other,
                status: "requires_payment_method",
                failure: "Your card has insufficient funds.")
            #expect(failed.status == .ok)
            #expect(try await Self.status(app, second) == "cancelled")
            let record = try await Self.payments(app, second).payments[0]
            #expect(record.status == "failed" && record.failureReason == "Your card has insufficient funds.")
            #expect(try await CardPaymentTests.held(app, day1.ticketTypeId) == [2, 0])
        }
    }

    /// Before a card order expires the reconciler asks the processor, and completes it if it was paid.
    @Test(arguments: TestDatabase.all)
    func theReconcilerCompletesAPaymentNoWebhookReported(_ database: TestDatabase) async throws {
        let gateway = PaymentGatewayDouble()
        try await withApp(database, seams: .init(payments: gateway)) { app in
            let fixture = try await CatalogFixture.make(app)
            let (_, _, day1, _) = try await fixture.workshop()
            let placed = try await Self.place(app, day1.ticketTypeId, token: "pm_card_3ds")
            let reconciler = app.boxOffice.paymentReconciler
            #expect(
                try await reconciler.reconcile() == 0, "a deadline a quarter of an hour away is not asked about yet")
            gateway.settle(gateway.payments[0].id, as: .succeeded)
            app.clock.advance(by: 14 * 60)
            #expect(try await reconciler.reconcile() == 1)
            #expect(try await Self.status(app, placed) == "paid")
            #expect(try await reconciler.reconcile() == 0, "a final payment is not asked about again")
        }
    }

    /// A payment that succeeds after its order expired: accepted while its places are free, refunded when they are not.
    @Test(arguments: TestDatabase.all)
    func aLatePaymentIsAcceptedOrRefunded(_ database: TestDatabase) async throws {
        let gateway = PaymentGatewayDouble()
        try await withApp(database, seams: .init(payments: gateway)) { app in
            let fixture = try await CatalogFixture.make(app)
            let (event, _, _, _) = try await fixture.workshop()
            let small = try await fixture.addTicketType(
                event.eventId, name: "Balcony", sessions: ["S3"], price: 30, limit: 2)
            let lucky = try await Self.place(app, small.ticketTypeId, 2, token: "pm_card_3ds")
            app.clock.advance(by: 16 * 60)
            #expect(try await Self.status(app, lucky) == "expired")
            gateway.settle(gateway.payments[0].id, as: .succeeded)
            #expect(try await app.boxOffice.paymentReconciler.reconcile() == 1)
            let revived = try await app.client.send(.get, "/api/orders/\(lucky.order.orderId)", headers: lucky.headers)
                .decode(OrderDTO.self)
            #expect(revived.status == "paid" && revived.tickets.allSatisfy { $0.status == "valid" })
            #expect(try await CardPaymentTests.held(app, small.ticketTypeId) == [2, 0])
            let versions = try await app.store.sql().raw(
                "SELECT secret_version FROM tickets WHERE order_id = \(bind: lucky.order.orderId)"
            ).all().map { try $0.decode(column: "secret_version", as: Int.self) }
            #expect(versions.allSatisfy { $0 > 1 }, "revived tickets carry new secrets: the old ones were revoked")
            #expect(try await Self.topics(app, kind: "late_payment_accepted") == 2)

            // Now the balcony is sold out: the next late payer's money goes back.
            let organizer = try await app.signIn("organizer@example.org")
            let freed = try await app.client.send(
                .post, "/api/orders/\(lucky.order.orderId)/refunds", headers: organizer.bearer,
                json: [:] as [String: JSONValue])
            #expect(freed.status == .created)
            let unlucky = try await Self.place(
                app, small.ticketTypeId, 2, token: "pm_card_3ds", email: "late@example.org")
            app.clock.advance(by: 16 * 60)
            let taker = try await Self.place(
                app, small.ticketTypeId, 2, token: "pm_card_visa", email: "quick@example.org")
            #expect(taker.order.status == "paid")
            let late = try #require(
                gateway.payments.first { $0.metadata["order_id"] == unlucky.order.orderId.uuidString })
            gateway.settle(late.id, as: .succeeded)
            _ = try await Self.webhook(
                app, id: "evt_late", type: "payment_intent.succeeded", payment: late, status: "succeeded")
            #expect(try await Self.status(app, unlucky) == "expired")
            #expect(
                await eventually { gateway.refunds.contains { $0.paymentId == late.id && $0.amountMinor == 6000 } })
            #expect(try await eventually { try await Self.payments(app, unlucky).refunds.first?.status == "succeeded" })
            #expect(try await Self.topics(app, kind: "late_payment_refunded") == 2)
            #expect(try await CardPaymentTests.held(app, small.ticketTypeId) == [2, 0])
        }
    }

    static func topics(_ app: TestApp, kind: String) async throws -> Int {
        try await app.store.sql().raw(
            "SELECT payload FROM outbox WHERE topic = 'email.payment_notice'"
        ).all().filter { try $0.decode(column: "payload", as: String.self).contains("\"\(kind)\"") }.count
    }

    @Test(arguments: TestDatabase.all)
    func organizersRefundInPartOrInFull(_ database: TestDatabase) async throws {
        let gateway = PaymentGatewayDouble()
        try await withApp(database, seams: .init(payments: gateway)) { app in
            let fixture = try await CatalogFixture.make(app)
            let (_, _, day1, _) = try await fixture.workshop()
            let placed = try await Self.place(app, day1.ticketTypeId, 2, token: "pm_card_visa")
            let path = "/api/orders/\(placed.order.orderId)/refunds"
            let part = try await app.client.send(
                .post, path, headers: fixture.headers,
                json: ["amountMinor": 5000, "reason": "one guest cannot come"] as [String: JSONValue])
            #expect(part.status == .created)
            #expect(try part.decode(RefundListDTO.self).refunds.map(\.amountMinor) == [5000])
            #expect(await eventually { gateway.refunds.map(\.amountMinor) == [5000] })
            #expect(try await eventually { try await Self.payments(app, placed).refunds.first?.status == "succeeded" })
            #expect(try await Self.status(app, placed) == "paid")
            let tooMuch = try await app.client.send(.post, path, headers: fixture.headers, json: ["amountMinor": 9000])
            #expect(tooMuch.status == .conflict && tooMuch.errorCode == "REFUND_TOO_LARGE")
            // The buyer sees the payments but cannot refund; a stranger sees nothing.
            let buyerView = try await Self.payments(app, placed)
            #expect(buyerView.paidMinor == 13_000 && buyerView.refundableMinor == 8000)
            #expect(
                try await app.client.send(.post, path, headers: placed.headers, json: [:] as [String: JSONValue]).status
                    == .unauthorized)
            let rest = try await app.client.send(
                .post, path, headers: fixture.headers, json: [:] as [String: JSONValue])
            #expect(try rest.decode(RefundListDTO.self).refunds.map(\.amountMinor) == [8000])
            #expect(try await Self.status(app, placed) == "refunded")
            #expect(try await CardPaymentTests.held(app, day1.ticketTypeId) == [0, 0])
            #expect(await eventually { gateway.refunds.map(\.amountMinor) == [5000, 8000] })
        }
    }

    /// The cascade is resumable: a delivery that died after cancelling one order leaves the others to the next, which
    /// neither cancels nor refunds the first again.
    @Test(arguments: TestDatabase.all)
    func anInterruptedCancellationContinuesWhereItStopped(_ database: TestDatabase) async throws {
        let gateway = PaymentGatewayDouble()
        try await withApp(database, configure: { $0.workers.runWorkers = false }, seams: .init(payments: gateway)) {
            app in
            let fixture = try await CatalogFixture.make(app)
            let (event, _, day1, _) = try await fixture.workshop()
            var orders: [Placed] = []
            for index in 0..<3 {
                orders.append(
                    try await Self.place(
                        app, day1.ticketTypeId, token: "pm_card_visa", email: "buyer\(index)@example.org"))
            }
            _ = try await app.client.send(
                .put, "/api/events/\(event.eventId)", headers: fixture.headers, json: ["status": "cancelled"])
            let cascade = EventCancellationCascade(store: app.store, clock: app.clock.appClock)
            // The first delivery got as far as the first order, then its process died.
            try await cascade.cancel(orders[0].order.orderId)
            let worker = OutboxWorker(
                store: app.store, handler: cascade, clock: app.clock.appClock, logger: app.boxOffice.logger)
            #expect(try await worker.deliverDue() == 1)
            for placed in orders { #expect(try await Self.status(app, placed) == "refunded") }
            let refunds = try await app.store.sql().raw("SELECT order_id FROM refunds").all()
                .map { try $0.decode(column: "order_id", as: UUID.self) }
            #expect(refunds.count == 3 && Set(refunds) == Set(orders.map(\.order.orderId)), "one refund per order")
        }
    }

    /// Several deliveries of the processor's word on one payment (webhooks with distinct event IDs, and the reconciler)
    /// racing through real connections move its order once: one transition, one confirmation, the places sold once.
    @Test(arguments: TestDatabase.all)
    func racingWordsOnOnePaymentMoveItsOrderOnce(_ database: TestDatabase) async throws {
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
            let placed = try await Self.place(app, day1.ticketTypeId, 2, token: "pm_card_3ds")
            let payment = try #require(gateway.payments.first)
            gateway.settle(payment.id, as: .succeeded)
            app.clock.advance(by: 14 * 60)
            let created = Int(app.clock.now.timeIntervalSince1970)
            let metadata = payment.metadata.map { "\"\($0.key)\":\"\($0.value)\"" }.joined(separator: ",")
            let requests = (0..<6).map { index -> RaceRequest in
                let body = """
                    {"id":"evt_race_\(index)","object":"event","type":"payment_intent.succeeded","created":\(created),\
                    "data":{"object":{"id":"\(payment.id)","object":"payment_intent","status":"succeeded","amount":13000,\
                    "currency":"eur","metadata":{\(metadata)}}}}
                    """
                var request = RaceRequest(
                    .post, "/api/webhooks/stripe",
                    headers: [
                        HTTPField.Name("Stripe-Signature")!: StripeSignature.header(
                            body: Array(body.utf8), secret: "whsec_test", timestamp: created)
                    ])
                request.json = body
                request.headers[.contentType] = "application/json"
                return request
            }
            async let webhooks = app.race(requests)
            async let reconciled = app.boxOffice.paymentReconciler.reconcile()
            let (answers, _) = try await (webhooks, reconciled)
            #expect(answers.allSatisfy { $0.status == .ok }, "\(answers.map(\.status))")
            #expect(try await Self.status(app, placed) == "paid")
            let sql = app.store.sql()
            let paidMoves = try await sql.raw(
                """
                SELECT COUNT(*) AS n FROM order_transitions WHERE order_id = \(bind: placed.order.orderId) AND to_status = 'paid'
                """
            ).first()!.decode(column: "n", as: Int.self)
            #expect(paidMoves == 1)
            // One word to the buyer that it is paid: the lifecycle's notice of the one move.
            let confirmations = try await sql.raw(
                "SELECT payload FROM outbox WHERE topic = 'email.order_notice'"
            ).all().filter {
                let payload = try $0.decode(column: "payload", as: String.self)
                return payload.contains(placed.order.orderId.uuidString) && payload.contains("\"to\":\"paid\"")
            }.count
            #expect(confirmations == 1)
            #expect(try await CardPaymentTests.held(app, day1.ticketTypeId) == [2, 0])
            #expect(
                try await sql.raw("SELECT COUNT(*) AS n FROM refunds").first()!.decode(column: "n", as: Int.self) == 0)
        }
    }

    /// A retry after a decline: the declined order's places went back at once; another card on the same order pays it,
    /// reviving it while its places are still there. An order its buyer cancelled is not payable.
    @Test(arguments: TestDatabase.all)
    func aDeclinedOrderCanBePaidWithAnotherCard(_ database: TestDatabase) async throws {
        let gateway = PaymentGatewayDouble()
        try await withApp(database, seams: .init(payments: gateway)) { app in
            let fixture = try await CatalogFixture.make(app)
            let (_, _, day1, _) = try await fixture.workshop()
            let declined = try await Self.place(app, day1.ticketTypeId, 2, token: "pm_card_declined")
            #expect(declined.order.status == "cancelled")
            #expect(try await CardPaymentTests.held(app, day1.ticketTypeId) == [0, 0])
            let retry = try await app.client.send(
                .post, "/api/orders/\(declined.order.orderId)/payments", headers: declined.headers,
                json: ["paymentToken": "pm_card_visa"])
            #expect(retry.status == .created)
            #expect(try retry.decode(PaymentDTO.self).status == "succeeded")
            #expect(try await Self.status(app, declined) == "paid")
            #expect(try await CardPaymentTests.held(app, day1.ticketTypeId) == [2, 0])
            let history = try await Self.payments(app, declined)
            // Both made at the test clock's one instant: compared without their order.
            #expect(history.payments.map(\.status).sorted() == ["failed", "succeeded"] && history.refunds.isEmpty)

            let mine = try await Self.place(app, day1.ticketTypeId, 1, email: "bob@example.org")
            _ = try await app.client.send(.post, "/api/orders/\(mine.order.orderId)/cancel", headers: mine.headers)
            let refused = try await app.client.send(
                .post, "/api/orders/\(mine.order.orderId)/payments", headers: mine.headers,
                json: ["paymentToken": "pm_card_visa"])
            #expect(refused.status == .conflict)
        }
    }

    /// A refund the processor refuses fails visibly: the organizers are told, the amount can be refunded again (the
    /// order is refunded already), and the second try goes through.
    @Test(arguments: TestDatabase.all)
    func aRefusedRefundFailsAndCanBeMadeAgain(_ database: TestDatabase) async throws {
        let gateway = PaymentGatewayDouble()
        try await withApp(database, seams: .init(payments: gateway)) { app in
            let fixture = try await CatalogFixture.make(app)
            let (_, _, day1, _) = try await fixture.workshop()
            let placed = try await Self.place(app, day1.ticketTypeId, 1, token: "pm_card_visa")
            let payment = try #require(gateway.payments.first)
            // The processor will refuse: it holds the payment as not succeeded.
            gateway.settle(payment.id, as: .canceled)
            let path = "/api/orders/\(placed.order.orderId)/refunds"
            let first = try await app.client.send(
                .post, path, headers: fixture.headers, json: [:] as [String: JSONValue])
            #expect(first.status == .created)
            #expect(try await eventually { try await Self.payments(app, placed).refunds.first?.status == "failed" })
            #expect(try await Self.status(app, placed) == "refunded")
            let after = try await Self.payments(app, placed)
            #expect(after.refundableMinor == 6500 && after.refunds[0].failureReason != nil)
            #expect(try await eventually { try await Self.topics(app, kind: "refund_failed") == 1 })
            gateway.settle(payment.id, as: .succeeded)
            let again = try await app.client.send(
                .post, path, headers: fixture.headers, json: [:] as [String: JSONValue])
            #expect(again.status == .created)
            #expect(await eventually { gateway.refunds.map(\.amountMinor) == [6500] })
            #expect(try await eventually { try await Self.payments(app, placed).refundableMinor == 0 })
        }
    }

    @Test func paymentMethodIDsAreRedacted() {
        #expect(
            PaymentSecrets.redacted("No such PaymentMethod: 'pm_1Nx2abc'; card_9z and tok_visa too")
                == "No such PaymentMethod: '[payment method]'; [payment method] and [payment method] too")
    }

    /// A buyer cancelling a ticket within the event's refund rule is refunded that ticket through the processor.
    @Test(arguments: TestDatabase.all)
    func aTicketCancelledUnderTheRefundRuleIsRefundedByCard(_ database: TestDatabase) async throws {
        let gateway = PaymentGatewayDouble()
        try await withApp(database, seams: .init(payments: gateway)) { app in
            let fixture = try await CatalogFixture.make(app)
            let (event, _, day1, _) = try await fixture.workshop()
            _ = try await app.client.send(
                .put, "/api/events/\(event.eventId)", headers: fixture.headers, json: ["refundCutoffHours": 48])
            let placed = try await Self.place(app, day1.ticketTypeId, 2, token: "pm_card_visa")
            let cancelled = try await app.client.send(
                .put, "/api/tickets/\(placed.order.tickets[0].ticketId)/cancel", headers: placed.headers)
            #expect(cancelled.status == .ok)
            #expect(try cancelled.json()["refundMinor"] == .int(6500))
            #expect(await eventually { gateway.refunds.map(\.amountMinor) == [6500] })
            let after = try await Self.payments(app, placed)
            #expect(after.refundableMinor == 6500 && after.refunds.first?.reason.hasPrefix("ticket cancelled") == true)
            #expect(try await Self.status(app, placed) == "paid")
        }
    }

    /// An offline order marked paid records a manual payment; cancelling the event refunds the card order through the
    /// processor, flags the offline one for a manual refund, cancels the pending one, and tells every buyer.
    @Test(arguments: TestDatabase.all)
    func cancellingAnEventCancelsAndRefundsItsOrders(_ database: TestDatabase) async throws {
        let gateway = PaymentGatewayDouble()
        try await withApp(database, seams: .init(payments: gateway)) { app in
            let fixture = try await CatalogFixture.make(app)
            let (event, _, day1, _) = try await fixture.workshop()
            let card = try await Self.place(app, day1.ticketTypeId, 1, token: "pm_card_visa")
            let waiting = try await Self.place(app, day1.ticketTypeId, 1, email: "bob@example.org")
            let buyer = try await app.signUp("carol@example.org")
            let offline = try await app.client.send(
                .post, "/api/orders", headers: buyer.bearer,
                json: [
                    "ticketTypeId": .string(day1.ticketTypeId.uuidString), "quantity": 1, "paymentMethod": "offline",
                ]
                    as [String: JSONValue]
            )
            .decode(OrderDTO.self)
            let marked = try await app.client.send(
                .put, "/api/admin/orders/\(offline.orderId)/status", headers: fixture.headers, json: ["status": "paid"])
            #expect(marked.status == .ok)
            let manual = try await app.client.send(
                .get, "/api/orders/\(offline.orderId)/payments", headers: buyer.bearer
            )
            .decode(OrderPaymentsDTO.self)
            #expect(manual.payments.map(\.method) == ["manual"] && manual.paidMinor == 6500)

            let cancel = try await app.client.send(
                .put, "/api/events/\(event.eventId)", headers: fixture.headers, json: ["status": "cancelled"])
            #expect(cancel.status == .ok)
            #expect(try await eventually { try await Self.status(app, card) == "refunded" })
            #expect(try await eventually { try await Self.status(app, waiting) == "cancelled" })
            #expect(
                try await eventually {
                    try await app.client.send(
                        .get, "/api/orders/\(offline.orderId)/payments", headers: buyer.bearer
                    ).decode(OrderPaymentsDTO.self).refunds.map(\.status) == ["manual"]
                })
            #expect(await eventually { gateway.refunds.map(\.amountMinor) == [6500] })
            #expect(try await eventually { try await Self.topics(app, kind: "event_cancelled") == 3 })
            #expect(try await CardPaymentTests.held(app, day1.ticketTypeId) == [0, 0])
            let revoked = try await app.store.sql().raw(
                "SELECT COUNT(*) AS n FROM ticket_revocations WHERE event_id = \(bind: event.eventId)"
            ).first()!.decode(column: "n", as: Int.self)
            #expect(revoked == 3)
        }
    }
}
