import Catalog
import FluentKit
import Foundation
import HTTPCore
import HTTPTypes
import HummingbirdTesting
import Orders
import Persistence
import TestSupport
import Testing

@Suite struct OrderQueryTests {
    func guestOrder(_ app: TestApp, _ type: UUID, headers: HTTPFields = [:], quantity: Int = 1) async throws -> OrderDTO
    {
        try await app.client.send(
            .post, "/api/orders", headers: headers,
            json: [
                "ticketTypeId": .string(type.uuidString), "quantity": .int(quantity), "buyerName": "Ada",
                "buyerEmail": "ada@example.org",
            ] as [String: JSONValue]
        ).decode(OrderDTO.self)
    }

    @Test(arguments: TestDatabase.all)
    func ordersAreListedForThoseWhoMayReadThem(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let (event, full, _, _) = try await fixture.workshop()
            let first = try await guestOrder(app, full.ticketTypeId)
            app.clock.advance(by: 1)
            _ = try await guestOrder(app, full.ticketTypeId)

            let admin = try await app.signInAdmin()
            let all = try await app.client.send(.get, "/api/orders/all?perPage=1", headers: admin.bearer).decode(
                OrderPageDTO.self)
            #expect(
                all.total == 2 && all.orders.count == 1 && all.orders.first?.orderId != first.orderId, "newest first")
            let member = try await app.signUp("member@example.org")
            #expect(try await app.client.send(.get, "/api/orders/all", headers: member.bearer).status == .forbidden)

            let byEvent = try await app.client.send(
                .get, "/api/orders/event/\(event.eventId)?status=pending", headers: fixture.headers)
            #expect(try byEvent.decode(OrderPageDTO.self).total == 2)
            #expect(
                try await app.client.send(.get, "/api/orders/event/\(event.eventId)", headers: member.bearer).status
                    == .forbidden)
            #expect(
                try await app.client.send(
                    .get, "/api/orders/event/\(event.eventId)?status=lost", headers: fixture.headers
                ).status == .badRequest)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aNumberFindsAnOrderOnlyWithItsEmailOrToken(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let (_, full, _, _) = try await fixture.workshop()
            let order = try await guestOrder(app, full.ticketTypeId)
            #expect(try await app.client.send(.get, "/api/orders/\(order.orderNumber)").status == .notFound)
            #expect(
                try await app.client.send(.get, "/api/orders/\(order.orderNumber)?email=eve@example.org").status
                    == .notFound)
            let found = try await app.client.send(
                .get, "/api/orders/\(order.orderNumber.lowercased())?email=ADA@example.org")
            #expect(try found.decode(OrderDTO.self).orderId == order.orderId)
            #expect(
                try await app.client.send(
                    .get, "/api/orders/\(order.orderNumber)", headers: [.orderToken: order.accessToken!]
                ).status == .ok)
        }
    }

    @Test(arguments: TestDatabase.all)
    func usersSeeTheirOwnTickets(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let (_, full, _, _) = try await fixture.workshop()
            let buyer = try await app.signUp("buyer@example.org")
            _ = try await guestOrder(app, full.ticketTypeId, headers: buyer.bearer, quantity: 2)
            let mine = try await app.client.send(.get, "/api/users/\(buyer.user.id)/tickets", headers: buyer.bearer)
                .decode(UserTicketListDTO.self)
            #expect(
                mine.tickets.count == 2
                    && mine.tickets.allSatisfy { $0.sessions == ["S1", "S2", "S3"] && $0.status == "pending" })
            let other = try await app.signUp("other@example.org")
            #expect(
                try await app.client.send(.get, "/api/users/\(buyer.user.id)/tickets", headers: other.bearer).status
                    == .forbidden)
            let admin = try await app.signInAdmin()
            #expect(
                try await app.client.send(.get, "/api/users/\(buyer.user.id)/tickets", headers: admin.bearer).status
                    == .ok)
        }
    }

    @Test(arguments: TestDatabase.all)
    func cancellingATicketFollowsTheEventsRefundRule(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let (event, full, _, _) = try await fixture.workshop()
            _ = try await app.client.send(
                .put, "/api/events/\(event.eventId)", headers: fixture.headers, json: ["refundCutoffHours": 48])
            let order = try await guestOrder(app, full.ticketTypeId, quantity: 2)
            // The created order answers its token as orderToken, the name requests give it (accessToken, its first
            // name, beside it).
            #expect(order.orderToken != nil && order.orderToken == order.accessToken)
            let token: HTTPFields = [.orderToken: order.orderToken!]
            let pending = try await app.client.send(
                .put, "/api/tickets/\(order.tickets[0].ticketId)/cancel", headers: token)
            #expect(pending.errorCode == "INVALID_TRANSITION", "an unpaid order is cancelled as a whole")
            _ = try await app.client.send(
                .put, "/api/admin/orders/\(order.orderId)/status", headers: fixture.headers, json: ["status": "paid"])

            // The workshop's first session is ten days out: well before the 48-hour cutoff.
            let early = try await app.client.send(
                .put, "/api/tickets/\(order.tickets[0].ticketId)/cancel", headers: token
            )
            .decode(TicketCancellationDTO.self)
            #expect(early.status == "refunded" && early.refundMinor == 12000)
            #expect(
                try await SessionRecord.query(on: app.store.database()).filter(\.$eventID == event.eventId).all().map(
                    \.sold) == [1, 1, 1])

            app.clock.advance(by: 86_400 * 9)
            let late = try await app.client.send(
                .put, "/api/tickets/\(order.tickets[1].ticketId)/cancel", headers: token
            )
            .decode(TicketCancellationDTO.self)
            #expect(late.status == "cancelled" && late.refundMinor == 0)
            #expect(
                try await SessionRecord.query(on: app.store.database()).filter(\.$eventID == event.eventId).all().map(
                    \.sold) == [0, 0, 0])
            #expect(
                try await OrderRecord.find(order.orderId, on: app.store.database())?.status == "refunded",
                "the order follows its last ticket")
            let again = try await app.client.send(
                .put, "/api/tickets/\(order.tickets[1].ticketId)/cancel", headers: token)
            #expect(again.status == .conflict)
            #expect(
                try await app.client.send(.put, "/api/tickets/\(order.tickets[1].ticketId)/cancel").status == .notFound)
        }
    }
}
