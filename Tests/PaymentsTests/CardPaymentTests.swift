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
import TestSupport
import Testing

/// Card checkout with the gateway double: every answer a processor gives, the webhooks, the reconciler, late payments,
/// refunds and an event's cancellation. The same flows against localstripe are in `CardPaymentLiveTests`.
@Suite struct CardPaymentTests {
    static func card(_ type: UUID, _ quantity: Int, token: String?, extra: [String: JSONValue] = [:]) -> [String:
        JSONValue]
    {
        var body: [String: JSONValue] = [
            "ticketTypeId": .string(type.uuidString), "quantity": .int(quantity), "buyerName": "Ada Guest",
            "buyerEmail": "ada@example.org", "paymentMethod": "card",
        ]
        if let token { body["paymentToken"] = .string(token) }
        body.merge(extra) { _, new in new }
        return body
    }

    static func held(_ app: TestApp, _ type: UUID) async throws -> [Int] {
        let row = try await app.store.sql().raw("SELECT sold, held FROM ticket_types WHERE id = \(bind: type)").first()!
        return [try row.decode(column: "sold", as: Int.self), try row.decode(column: "held", as: Int.self)]
    }

    static func topics(_ app: TestApp, _ prefix: String) async throws -> [String] {
        try await app.store.sql().raw(
            "SELECT topic FROM outbox WHERE topic LIKE \(bind: prefix + "%") ORDER BY created_at"
        )
        .all().map { try $0.decode(column: "topic", as: String.self) }
    }

    @Test(arguments: TestDatabase.all)
    func eachAnswerOfTheProcessorShowsInTheOrder(_ database: TestDatabase) async throws {
        let gateway = PaymentGatewayDouble()
        try await withApp(database, seams: .init(payments: gateway)) { app in
            let fixture = try await CatalogFixture.make(app)
            let (_, _, day1, _) = try await fixture.workshop()
            let type = day1.ticketTypeId

            let paid = try await app.client.send(.post, "/api/orders", json: Self.card(type, 2, token: "pm_card_visa"))
            #expect(paid.status == .created)
            let order = try paid.decode(OrderDTO.self)
            #expect(order.status == "paid" && order.provider == "stripe" && order.paidAt != nil)
            #expect(order.payment?.status == "succeeded" && order.payment?.amountMinor == 13_000)
            #expect(order.payment?.providerReference?.hasPrefix("pi_") == true && order.payment?.clientSecret == nil)
            #expect(order.tickets.allSatisfy { $0.status == "valid" })
            #expect(try await Self.held(app, type) == [2, 0])

            let declined = try await app.client.send(
                .post, "/api/orders", json: Self.card(type, 1, token: "pm_card_declined"))
            let refused = try declined.decode(OrderDTO.self)
            #expect(refused.status == "cancelled" && refused.payment?.status == "failed")
            #expect(refused.payment?.failureReason == "Your card was declined.")
            #expect(try await Self.held(app, type) == [2, 0], "a declined card's places are released at once")
            // The buyer's notice carries why as a fact, the processor's words, which its mail shows; no text is parsed.
            let notice = try #require(
                try await app.store.sql().raw(
                    "SELECT payload FROM outbox WHERE topic = 'email.order_notice' AND order_id = \(bind: refused.orderId)"
                ).first(decoding: PayloadRow.self))
            let cause = try JSONDecoder().decode(OrderNotice.self, from: Data(notice.payload.utf8)).cause
            #expect(cause == .cardPaymentFailed(processorSays: "Your card was declined."))

            let secure = try await app.client.send(.post, "/api/orders", json: Self.card(type, 1, token: "pm_card_3ds"))
            let waiting = try secure.decode(OrderDTO.self)
            #expect(waiting.status == "pending" && waiting.payment?.status == "requires_action")
            #expect(waiting.payment?.clientSecret?.hasSuffix("_secret") == true)
            #expect(waiting.payment?.nextAction?["type"] == "use_stripe_sdk")
            let window = waiting.paymentDeadline!.timeIntervalSince(waiting.createdAt)
            #expect(window == 900, "a card order keeps its places for the card payment window")

            let open = try await app.client.send(.post, "/api/orders", json: Self.card(type, 1, token: nil))
            let unconfirmed = try open.decode(OrderDTO.self)
            #expect(unconfirmed.status == "pending" && unconfirmed.payment?.status == "pending")
            #expect(unconfirmed.payment?.clientSecret != nil)
            #expect(try await Self.held(app, type) == [2, 2])
            let paidNotices = try await app.store.sql().raw(
                "SELECT payload FROM outbox WHERE topic = 'email.order_notice'"
            ).all().filter { try $0.decode(column: "payload", as: String.self).contains("\"to\":\"paid\"") }
            #expect(paidNotices.count == 1, "a card order's tickets are mailed once paid, not while its buyer pays")
        }
    }

    /// The event's purchase body, as clients send it but for a test token: two tickets, one attendee, `CreditCard`.
    @Test(arguments: TestDatabase.all)
    func theEventsPurchaseBodyWithCreditCardIsPaid(_ database: TestDatabase) async throws {
        try await withApp(database, seams: .init(payments: PaymentGatewayDouble())) { app in
            let fixture = try await CatalogFixture.make(app)
            let (event, full, _, _) = try await fixture.workshop()
            let buyer = try await app.signUp("member@example.org")
            let body = """
                {
                  "ticketTypeId": "\(full.ticketTypeId)",
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
                """
            var headers = buyer.bearer
            headers[.contentType] = "application/json"
            let response = try await app.client.send(
                .post, "/api/events/\(event.eventId)/tickets/purchase", headers: headers, raw: body)
            #expect(response.status == .created, "\(response.text)")
            let order = try response.decode(OrderDTO.self)
            #expect(order.status == "paid" && order.tickets.count == 2)
            #expect(order.tickets.map(\.attendeeName) == ["John Doe", buyer.user.displayName])
            // The second ticket is named later, by its buyer.
            let named = try await app.client.send(
                .put, "/api/tickets/\(order.tickets[1].ticketId)/attendee", headers: buyer.bearer,
                json: ["name": "Mary Major", "email": "mary@example.com"])
            #expect(named.status == .ok)
            #expect(try named.decode(OrderTicketDTO.self).attendeeName == "Mary Major")
            let stranger = try await app.signUp("stranger@example.org")
            let refused = try await app.client.send(
                .put, "/api/tickets/\(order.tickets[1].ticketId)/attendee", headers: stranger.bearer,
                json: ["name": "Eve", "email": "eve@example.com"])
            #expect(refused.status == .notFound)
            let bad = try await app.client.send(
                .put, "/api/tickets/\(order.tickets[1].ticketId)/attendee", headers: buyer.bearer,
                json: ["name": "", "email": "nope"])
            #expect(bad.status == .badRequest || bad.status == .unprocessableContent)
            // The token reached the processor and nothing else: not the logs, not the database.
            #expect(!app.logs.all.contains { "\($0.message) \($0.metadata)".contains("pm_card_visa") })
            let stored = try await app.store.sql().raw(
                "SELECT COUNT(*) AS n FROM payments WHERE client_secret LIKE '%pm_card%' OR provider_ref LIKE '%pm_card%'"
            ).first()!.decode(column: "n", as: Int.self)
            #expect(stored == 0)
        }
    }

    @Test func cardMethodsNeedAProcessorAndTokensACardMethod() async throws {
        try await withApp { app in
            let fixture = try await CatalogFixture.make(app)
            let (_, _, day1, _) = try await fixture.workshop()
            let none = try await app.client.send(
                .post, "/api/orders", json: Self.card(day1.ticketTypeId, 1, token: "pm_card_visa"))
            #expect(none.status == .unprocessableContent && none.errorCode == "PAYMENT_METHOD_UNAVAILABLE")
            #expect(try none.json()["error"]?["details"]?["fields"]?["paymentMethod"] != nil)
            var offline = Self.card(day1.ticketTypeId, 1, token: "pm_card_visa")
            offline["paymentMethod"] = "offline"
            let token = try await app.client.send(.post, "/api/orders", json: offline)
            #expect(token.status == .unprocessableContent)
            #expect(try token.json()["error"]?["details"]?["fields"]?["paymentToken"] != nil)
            #expect(try await Self.held(app, day1.ticketTypeId) == [0, 0])
        }
    }

    /// A processor that takes two seconds (and more: it answers only when the test lets it) holds no seat lock
    /// meanwhile: other purchases of the same places, and a card purchase of them, proceed.
    @Test(arguments: TestDatabase.all)
    func aSlowProcessorHoldsNoSeatLock(_ database: TestDatabase) async throws {
        let gateway = PaymentGatewayDouble(delay: .seconds(2))
        gateway.close()
        try await withApp(database, seams: .init(payments: gateway)) { app in
            let fixture = try await CatalogFixture.make(app)
            let (_, _, day1, _) = try await fixture.workshop()
            let type = day1.ticketTypeId
            let slow = Task {
                try await app.client.send(.post, "/api/orders", json: Self.card(type, 1, token: "pm_card_visa"))
            }
            #expect(await eventually { gateway.startCalls == 1 })
            // While the processor is still answering, three more purchases of the same places are decided and answered.
            for index in 0..<3 {
                let other = try await app.client.send(
                    .post, "/api/orders",
                    json: [
                        "ticketTypeId": .string(type.uuidString), "quantity": 1, "buyerName": "Other",
                        "buyerEmail": .string("other\(index)@example.org"), "paymentMethod": "offline",
                    ] as [String: JSONValue])
                #expect(other.status == .created)
            }
            #expect(gateway.payments.isEmpty, "the slow payment had not been answered yet")
            #expect(try await Self.held(app, type) == [0, 4], "its places and the others' are taken")
            gateway.open()
            let answer = try await slow.value
            #expect(try answer.decode(OrderDTO.self).status == "paid")
            #expect(try await Self.held(app, type) == [1, 3])
        }
    }
    /// A card rush on PostgreSQL (and SQLite): sixty buyers race for twenty places through real connections; the
    /// processor's answers are recorded in batches. Exactly the places are sold and paid, each paid order has its one
    /// succeeded payment, the refused ones have none, and every counter equals its tickets.
    @Test(arguments: TestDatabase.all)
    func aCardRushSellsExactlyThePlaces(_ database: TestDatabase) async throws {
        let gateway = PaymentGatewayDouble()
        try await withApp(
            database, testing: .live,
            configure: {
                $0.database.connectionsPerEventLoop = 4
                $0.database.poolTimeoutSeconds = 120
            }, seams: .init(payments: gateway)
        ) { app in
            let fixture = try await CatalogFixture.make(app)
            let event = try await fixture.createEvent("Card rush")
            try await fixture.addSession(event.eventId, name: "Night", day: 5, capacity: 20)
            try await fixture.addSession(event.eventId, name: "Encore", day: 6, capacity: 20)
            let both = try await fixture.addTicketType(event.eventId, name: "Both", sessions: ["S1", "S2"], price: 40)
            let one = try await fixture.addTicketType(event.eventId, name: "Night", sessions: ["S1"], price: 25)
            try await fixture.publish(event.eventId)
            let requests = (0..<60).map { index in
                RaceRequest(
                    .post, "/api/orders",
                    json: Self.card(
                        index % 3 == 0 ? one.ticketTypeId : both.ticketTypeId, 1,
                        token: index % 10 == 9 ? "pm_card_declined" : "pm_card_visa",
                        extra: ["buyerEmail": .string("rush\(index)@example.org")]))
            }
            let results = try await app.race(requests)
            var codes: [Int: Int] = [:]
            for result in results { codes[result.status.code, default: 0] += 1 }
            #expect(Set(codes.keys).isSubset(of: [201, 409]), "\(codes)")
            let sql = app.store.sql()
            let sessions = try await sql.raw(
                "SELECT sold, held, capacity FROM sessions WHERE event_id = \(bind: event.eventId) AND number = 1"
            ).first()!
            // Every order takes a place of the first night: twenty were taken at once, and a declined card gave its
            // place back for a later buyer; what is left sold is exactly the paid orders.
            let paid = try await sql.raw(
                "SELECT COUNT(*) AS n FROM orders WHERE event_id = \(bind: event.eventId) AND status = 'paid'"
            ).first()!.decode(column: "n", as: Int.self)
            #expect((codes[201] ?? 0) >= 20 && paid <= 20 && paid >= 14)
            #expect(try sessions.decode(column: "sold", as: Int.self) == paid)
            #expect(try sessions.decode(column: "held", as: Int.self) == 0)
            let mismatched = try await sql.raw(
                """
                SELECT COUNT(*) AS n FROM orders o WHERE o.event_id = \(bind: event.eventId) AND (
                  (o.status = 'paid') <> EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id AND p.status = 'succeeded')
                  OR (SELECT COUNT(*) FROM payments p WHERE p.order_id = o.id AND p.status = 'succeeded') > 1)
                """
            ).first()!.decode(column: "n", as: Int.self)
            #expect(mismatched == 0, "paid exactly when one payment succeeded")
            let counters = try await sql.raw(
                """
                SELECT COUNT(*) AS n FROM ticket_types tt WHERE tt.event_id = \(bind: event.eventId) AND (
                  tt.sold <> (SELECT COUNT(*) FROM tickets t WHERE t.ticket_type_id = tt.id AND t.status = 'valid')
                  OR tt.held <> (SELECT COUNT(*) FROM tickets t WHERE t.ticket_type_id = tt.id AND t.status = 'pending'))
                """
            ).first()!.decode(column: "n", as: Int.self)
            #expect(counters == 0)
        }
    }
}

private struct PayloadRow: Decodable {
    var payload: String
}
