import BoxOfficeApp
import Catalog
import FluentKit
import Foundation
import HTTPCore
import HTTPTypes
import HummingbirdTesting
import Orders
import Persistence
import SQLKit
import Sales
import TestSupport
import Testing
import WireTypes

@Suite struct CheckoutTests {
    func sessionCounters(_ app: TestApp, _ event: UUID) async throws -> [String: [Int]] {
        var result: [String: [Int]] = [:]
        for row in try await app.store.sql().raw(
            "SELECT number, sold, held FROM sessions WHERE event_id = \(bind: event)"
        ).all() {
            result["S\(try row.decode(column: "number", as: Int.self))"] = [
                try row.decode(column: "sold", as: Int.self),
                try row.decode(column: "held", as: Int.self),
            ]
        }
        return result
    }

    func guest(_ type: UUID, _ quantity: Int, extra: [String: JSONValue] = [:]) -> [String: JSONValue] {
        var body: [String: JSONValue] = [
            "ticketTypeId": .string(type.uuidString), "quantity": .int(quantity), "buyerName": "Ada Guest",
            "buyerEmail": "ada@example.org",
        ]
        body.merge(extra) { _, new in new }
        return body
    }

    @Test(arguments: TestDatabase.all)
    func aFreeOrderIsPaidAtOnce(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let (event, _, _, _) = try await fixture.workshop()
            let free = try await fixture.addTicketType(
                event.eventId, name: "Open rehearsal", sessions: ["S1", "S2"], price: 0)
            let response = try await app.client.send(.post, "/api/orders", json: guest(free.ticketTypeId, 2))
            #expect(response.status == .created)
            let order = try response.decode(OrderDTO.self)
            #expect(order.status == "paid" && order.provider == "free" && order.totalMinor == 0)
            #expect(order.tickets.count == 2 && order.tickets.allSatisfy { $0.status == "valid" })
            #expect(order.orderNumber.count == 10)
            #expect(try await sessionCounters(app, event.eventId) == ["S1": [2, 0], "S2": [2, 0], "S3": [0, 0]])
            // The organization's and catalog's own changes (owner joined, event published, sessions and ticket types
            // added) came before the order.
            let outbox = try await OutboxRecord.query(on: app.store.database()).all().map(\.topic)
                .filter {
                    !["member.", "event.", "session.", "ticket_type.", "email.registration"].contains(
                        where: $0.hasPrefix)
                }.sorted()
            #expect(outbox == ["email.order_confirmation", "signal.availability_changed"])
        }
    }

    /// A free order of a signed-in buyer with attendees, some details missing: what is stored (and read back) is what
    /// the purchase answered, whichever way it was written (a PostgreSQL batch, or row by row).
    @Test(arguments: TestDatabase.all)
    func aFreeOrderIsStoredAsAnswered(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let (event, _, _, _) = try await fixture.workshop()
            let free = try await fixture.addTicketType(
                event.eventId, name: "Open rehearsal", sessions: ["S1"], price: 0)
            let buyer = try await app.signUp("member@example.org")
            let response = try await app.client.send(
                .post, "/api/events/\(event.eventId)/tickets/purchase", headers: buyer.bearer,
                json: [
                    "ticketTypeId": .string(free.ticketTypeId.uuidString), "quantity": 2,
                    "notes": "Wheelchair access, please",
                    "attendees": [
                        ["name": "Ada", "email": "ada@example.org", "dietaryRestrictions": "Vegetarian"],
                        ["name": "Grace", "email": "grace@example.org", "emergencyContact": "Alan (555-1234)"],
                    ],
                ] as [String: JSONValue])
            #expect(response.status == .created)
            var answered = try response.decode(OrderDTO.self)
            #expect(answered.status == "paid" && answered.notes == "Wheelchair access, please")
            #expect(
                answered.tickets.map(\.dietaryRestrictions) == ["Vegetarian", nil]
                    && answered.tickets.map(\.emergencyContact) == [nil, "Alan (555-1234)"])
            answered.accessToken = nil
            let stored = try await app.client.send(.get, "/api/orders/\(answered.orderId)", headers: buyer.bearer)
                .decode(OrderDTO.self)
            #expect(stored == answered)

            let row = try #require(
                try await app.store.sql().raw(
                    """
                    SELECT o.user_id, o.hold_id, o.payment_deadline, o.paid_at = o.created_at AS paid_then, t.actor_kind, t.actor_id, t.from_status
                    FROM orders o JOIN order_transitions t ON t.order_id = o.id WHERE o.id = \(bind: answered.orderId)
                    """
                ).first())
            let me = try await app.client.send(.get, "/api/auth/me", headers: buyer.bearer).json()["id"]?.stringValue
            #expect(try row.decode(column: "user_id", as: UUID?.self)?.uuidString == me)
            #expect(
                try row.decode(column: "actor_id", as: UUID?.self)?.uuidString == me
                    && row.decode(column: "actor_kind", as: String.self) == "user")
            #expect(
                try row.decodeNil(column: "hold_id") && row.decodeNil(column: "payment_deadline")
                    && row.decodeNil(column: "from_status"))
            #expect(try row.decode(column: "paid_then", as: Bool.self))
        }
    }

    @Test(arguments: TestDatabase.all)
    func anOfflineOrderHoldsItsPlacesUntilPaid(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let (event, full, _, _) = try await fixture.workshop()
            let response = try await app.client.send(
                .post, "/api/events/\(event.eventId)/tickets/purchase",
                json: guest(
                    full.ticketTypeId, 2,
                    extra: [
                        "attendees": [
                            ["name": "Ada", "email": "ada@example.org", "dietaryRestrictions": "Vegetarian"],
                            ["name": "Grace", "email": "grace@example.org", "emergencyContact": "Alan (555-1234)"],
                        ],
                        "paymentMethod": "transfer",
                    ]))
            #expect(response.status == .created)
            let order = try response.decode(OrderDTO.self)
            #expect(order.status == "pending" && order.provider == "offline" && order.totalMinor == 24000)
            #expect(order.paymentDeadline == TestClock.t0.addingTimeInterval(72 * 3600))
            #expect(
                order.tickets.map(\.attendeeName) == ["Ada", "Grace"]
                    && order.tickets.allSatisfy { $0.status == "pending" })
            #expect(try await sessionCounters(app, event.eventId) == ["S1": [0, 2], "S2": [0, 2], "S3": [0, 2]])

            let token = try #require(order.accessToken)
            #expect(try await app.client.send(.get, "/api/orders/\(order.orderId)").status == .notFound)
            let read = try await app.client.send(.get, "/api/orders/\(order.orderId)", headers: [.orderToken: token])
                .decode(OrderDTO.self)
            #expect(read.orderNumber == order.orderNumber && read.accessToken == nil)

            let paid = try await app.client.send(
                .put, "/api/admin/orders/\(order.orderId)/status", headers: fixture.headers, json: ["status": "paid"])
            #expect(try paid.decode(OrderDTO.self).status == "paid")
            #expect(try await sessionCounters(app, event.eventId) == ["S1": [2, 0], "S2": [2, 0], "S3": [2, 0]])
            let twice = try await app.client.send(
                .put, "/api/admin/orders/\(order.orderId)/status", headers: fixture.headers, json: ["status": "paid"])
            #expect(twice.errorCode == "INVALID_TRANSITION")

            let sessionID = try #require(
                try await SessionRecord.query(on: app.store.database()).filter(\.$eventID == event.eventId)
                    .filter(\.$number == 2).first()?.id)
            let registrations = try await app.client.send(
                .get, "/api/sessions/\(sessionID)/registrations", headers: fixture.headers
            )
            .decode(RegistrationListDTO.self)
            #expect(
                registrations.sessionId == "S2" && registrations.registrations.map(\.attendeeName) == ["Ada", "Grace"])
            #expect(registrations.registrations.first?.dietaryRestrictions == "Vegetarian")
            let stranger = try await app.signUp("stranger@example.org")
            #expect(
                try await app.client.send(.get, "/api/sessions/\(sessionID)/registrations", headers: stranger.bearer)
                    .status == .forbidden)

            let cancelled = try await app.client.send(
                .put, "/api/admin/orders/\(order.orderId)/status", headers: fixture.headers,
                json: ["status": "refunded"])
            #expect(try cancelled.decode(OrderDTO.self).tickets.allSatisfy { $0.status == "refunded" })
            #expect(
                try await sessionCounters(app, event.eventId) == ["S1": [0, 0], "S2": [0, 0], "S3": [0, 0]],
                "a refund frees every session")
            let transitions = try await OrderTransitionRecord.query(on: app.store.database()).filter(
                \.$orderID == order.orderId
            ).all()
            #expect(transitions.map(\.toStatus).sorted() == ["paid", "pending", "refunded"])
        }
    }

    @Test(arguments: TestDatabase.all)
    func anUnpaidOrderExpiresAtItsDeadline(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let (event, _, day1, _) = try await fixture.workshop()
            let buyer = try await app.signUp("buyer@example.org")
            let order = try await app.client.send(
                .post, "/api/orders", headers: buyer.bearer,
                json: ["ticketTypeId": .string(day1.ticketTypeId.uuidString), "quantity": 3] as [String: JSONValue]
            )
            .decode(OrderDTO.self)
            #expect(order.buyerEmail == "buyer@example.org" && order.status == "pending")
            let token: HTTPFields = [.orderToken: order.accessToken!]
            app.clock.advance(by: 72 * 3600 - 1)
            #expect(
                try await app.client.send(.get, "/api/orders/\(order.orderId)", headers: token).decode(OrderDTO.self)
                    .status == "pending")
            app.clock.advance(by: 1)
            let expired = try await app.client.send(.get, "/api/orders/\(order.orderId)", headers: token).decode(
                OrderDTO.self)
            #expect(expired.status == "expired" && expired.tickets.allSatisfy { $0.status == "cancelled" })
            let availability = try await app.client.send(.get, "/api/events/\(event.eventId)/availability").decode(
                AvailabilityDTO.self)
            #expect(
                availability.sessions.first { $0.sessionId == "S1" }?.available == 20,
                "its places are free at the deadline")
            let organizer = try await app.signIn("organizer@example.org")
            let late = try await app.client.send(
                .put, "/api/admin/orders/\(order.orderId)/status", headers: organizer.bearer, json: ["status": "paid"])
            #expect(late.errorCode == "INVALID_TRANSITION")

            #expect(
                try await HoldSweeper(store: app.store, clock: app.clock.appClock, logger: app.boxOffice.logger).sweep()
                    == 1)
            #expect(try await OrderRecord.find(order.orderId, on: app.store.database())?.status == "expired")
            #expect(try await sessionCounters(app, event.eventId)["S1"] == [0, 0])
        }
    }

    @Test(arguments: TestDatabase.all)
    func buyersCancelTheirUnpaidOrders(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let (event, full, _, _) = try await fixture.workshop()
            let order = try await app.client.send(.post, "/api/orders", json: guest(full.ticketTypeId, 1)).decode(
                OrderDTO.self)
            #expect(try await app.client.send(.post, "/api/orders/\(order.orderId)/cancel").status == .notFound)
            let cancelled = try await app.client.send(
                .post, "/api/orders/\(order.orderId)/cancel", headers: [.orderToken: order.accessToken!])
            #expect(try cancelled.decode(OrderDTO.self).status == "cancelled")
            #expect(try await sessionCounters(app, event.eventId) == ["S1": [0, 0], "S2": [0, 0], "S3": [0, 0]])
            let again = try await app.client.send(
                .post, "/api/orders/\(order.orderId)/cancel", headers: [.orderToken: order.accessToken!])
            #expect(again.errorCode == "INVALID_TRANSITION")
        }
    }

    @Test(arguments: TestDatabase.all)
    func aHoldBecomesAnOrder(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let (event, full, _, _) = try await fixture.workshop()
            let buyer = try await app.signUp("buyer@example.org")
            let hold = try await app.client.send(
                .post, "/api/holds", headers: buyer.bearer,
                json: ["ticketTypeId": .string(full.ticketTypeId.uuidString), "quantity": 2] as [String: JSONValue]
            )
            .decode(Components.Schemas.Hold.self)
            let order = try await app.client.send(
                .post, "/api/orders/with-lock", headers: buyer.bearer, json: ["lockId": hold.holdId])
            #expect(order.status == .created)
            let created = try order.decode(OrderDTO.self)
            #expect(created.status == "pending" && created.tickets.count == 2)
            #expect(
                try await sessionCounters(app, event.eventId)["S1"] == [0, 2],
                "the hold's places moved to the order, not twice")
            app.clock.advance(by: 3600)
            let buyerAgain = try await app.signIn("buyer@example.org")
            #expect(
                try await app.client.send(.get, "/api/orders/\(created.orderId)", headers: buyerAgain.bearer).decode(
                    OrderDTO.self
                ).status
                    == "pending", "the order keeps the places past the hold's ten minutes")
            let reused = try await app.client.send(
                .post, "/api/orders/with-lock", headers: buyerAgain.bearer, json: ["lockId": hold.holdId])
            #expect(reused.status == .conflict || reused.status == .notFound)

            let stale = try await app.client.send(
                .post, "/api/holds", headers: buyerAgain.bearer,
                json: ["ticketTypeId": .string(full.ticketTypeId.uuidString), "quantity": 1] as [String: JSONValue]
            )
            .decode(Components.Schemas.Hold.self)
            app.clock.advance(by: 600)
            let expired = try await app.client.send(
                .post, "/api/orders/with-lock", headers: buyerAgain.bearer, json: ["holdId": stale.holdId])
            #expect(expired.errorCode == "HOLD_EXPIRED")
        }
    }

    @Test(arguments: TestDatabase.all)
    func badCheckoutsAreRefusedAndWriteNothing(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let (event, full, _, _) = try await fixture.workshop()
            let missing = try await app.client.send(
                .post, "/api/orders",
                json: [
                    "ticketTypeId": .string(full.ticketTypeId.uuidString), "quantity": 2,
                    "attendees": [["name": "", "email": "nope"]],
                ] as [String: JSONValue])
            #expect(missing.status == .badRequest)
            let fields = Set(try missing.json()["error"]?["details"]?["fields"]?.objectValue?.keys.map { $0 } ?? [])
            #expect(fields == ["attendees[0].name", "attendees[0].email"])
            // A well-formed guest order without an email: nobody to reach, so the caller must say who they are.
            let anonymous = try await app.client.send(
                .post, "/api/orders",
                json: ["ticketTypeId": .string(full.ticketTypeId.uuidString), "quantity": 1] as [String: JSONValue])
            #expect(anonymous.status == .unauthorized)
            // More attendees than tickets contradicts the request; fewer leave the rest to the buyer.
            let crowded = try await app.client.send(
                .post, "/api/orders",
                json: guest(
                    full.ticketTypeId, 1,
                    extra: [
                        "attendees": [
                            ["name": "A", "email": "a@example.org"], ["name": "B", "email": "b@example.org"],
                        ]
                    ]))
            #expect(crowded.status == .conflict)
            #expect(
                try await app.client.send(.post, "/api/orders", json: guest(full.ticketTypeId, 11)).status
                    == .badRequest)
            let card = try await app.client.send(
                .post, "/api/orders", json: guest(full.ticketTypeId, 1, extra: ["paymentMethod": "CreditCard"]))
            #expect(card.status == .unprocessableContent, "no card processor is configured here")
            #expect(card.errorCode == "PAYMENT_METHOD_UNAVAILABLE")
            try await fixture.setCounters(session: "S3", of: event.eventId, sold: 19)
            let short = try await app.client.send(.post, "/api/orders", json: guest(full.ticketTypeId, 2))
            #expect(short.errorCode == "INSUFFICIENT_CAPACITY")
            #expect(try short.json()["error"]?["details"]?["limitingSessionId"] == "S3")
            #expect(try await OrderRecord.query(on: app.store.database()).count() == 0)
            #expect(try await TicketRecord.query(on: app.store.database()).count() == 0)
            #expect(
                try await OutboxRecord.query(on: app.store.database()).filter(
                    \.$topic ~~ ["email.order_confirmation", "order.status_changed"]
                )
                .count() == 0, "no order was announced")
            #expect(try await sessionCounters(app, event.eventId) == ["S1": [0, 0], "S2": [0, 0], "S3": [19, 0]])
        }
    }

    @Test(arguments: TestDatabase.all)
    func signedInMembersPayTheMemberPrice(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let (event, full, _, _) = try await fixture.workshop()
            _ = try await app.client.send(
                .put, "/api/events/\(event.eventId)/ticket-types/\(full.ticketTypeId)", headers: fixture.headers,
                json: ["memberPrice": 100])
            let member = try await app.signUp("member@example.org")
            let order = try await app.client.send(
                .post, "/api/orders", headers: member.bearer,
                json: ["ticketTypeId": .string(full.ticketTypeId.uuidString), "quantity": 2] as [String: JSONValue]
            )
            .decode(OrderDTO.self)
            #expect(order.totalMinor == 20000 && order.items.first?.memberPrice == true)
            let guestOrder = try await app.client.send(.post, "/api/orders", json: guest(full.ticketTypeId, 1)).decode(
                OrderDTO.self)
            #expect(guestOrder.totalMinor == 12000)
            let mine = try await app.client.send(.get, "/api/orders", headers: member.bearer).decode(OrderListDTO.self)
            #expect(mine.orders.map(\.orderId) == [order.orderId])
        }
    }

    @Test(arguments: TestDatabase.all)
    func responsesMatchTheDocument(_ database: TestDatabase) async throws {
        let validator = OpenAPIValidator(document: BoxOffice.documentation)
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let (_, full, _, _) = try await fixture.workshop()
            let created = try await app.client.send(.post, "/api/orders", json: guest(full.ticketTypeId, 1))
            #expect(
                validator.validateResponse(try created.json(), method: "POST", path: "/api/orders", status: 201).isEmpty
            )
            let order = try created.decode(OrderDTO.self)
            let paid = try await app.client.send(
                .put, "/api/admin/orders/\(order.orderId)/status", headers: fixture.headers, json: ["status": "paid"])
            #expect(
                validator.validateResponse(
                    try paid.json(), method: "PUT", path: "/api/admin/orders/{orderId}/status", status: 200
                ).isEmpty)
            let refused = try await app.client.send(.post, "/api/orders", json: guest(full.ticketTypeId, 50))
            #expect(
                validator.validateResponse(try refused.json(), method: "POST", path: "/api/orders", status: 400).isEmpty
            )
        }
    }
}
