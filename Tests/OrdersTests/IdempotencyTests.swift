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

@Suite struct IdempotencyTests {
    @Test(arguments: TestDatabase.all)
    func aRetryWithTheSameKeyGetsTheSameOrder(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let (_, full, _, _) = try await fixture.workshop()
            let buyer = try await app.signUp("buyer@example.org")
            var headers = buyer.bearer
            headers[.idempotencyKey] = "checkout-7f3a"
            headers[.contentType] = "application/json"
            let body = #"{"ticketTypeId":"\#(full.ticketTypeId)","quantity":2}"#
            let first = try await app.client.send(.post, "/api/orders", headers: headers, raw: body)
            #expect(first.status == .created)
            let again = try await app.client.send(.post, "/api/orders", headers: headers, raw: body)
            #expect(again.status == .ok)
            #expect(try again.decode(OrderDTO.self).orderId == (try first.decode(OrderDTO.self).orderId))
            #expect(try await OrderRecord.query(on: app.store.database()).count() == 1)
            #expect(
                try await SessionRecord.query(on: app.store.database()).all().map(\.held) == [2, 2, 2],
                "places taken once")

            let changed = try await app.client.send(
                .post, "/api/orders", headers: headers, raw: #"{"ticketTypeId":"\#(full.ticketTypeId)","quantity":3}"#)
            #expect(changed.status == .conflict)
            var otherKey = headers
            otherKey[.idempotencyKey] = "checkout-8b1c"
            #expect(try await app.client.send(.post, "/api/orders", headers: otherKey, raw: body).status == .created)
            #expect(try await OrderRecord.query(on: app.store.database()).count() == 2)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aFailedCheckoutFreesItsKey(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let (event, full, _, _) = try await fixture.workshop()
            try await fixture.setCounters(session: "S1", of: event.eventId, sold: 20)
            let headers: HTTPFields = [.idempotencyKey: "retry-me", .contentType: "application/json"]
            let body =
                #"{"ticketTypeId":"\#(full.ticketTypeId)","quantity":1,"buyerName":"Ada","buyerEmail":"ada@example.org"}"#
            #expect(
                try await app.client.send(.post, "/api/orders", headers: headers, raw: body).errorCode
                    == "INSUFFICIENT_CAPACITY")
            try await fixture.setCounters(session: "S1", of: event.eventId, sold: 0)
            #expect(try await app.client.send(.post, "/api/orders", headers: headers, raw: body).status == .created)
        }
    }

    @Test(arguments: TestDatabase.all)
    func concurrentRetriesMakeOneOrder(_ database: TestDatabase) async throws {
        try await withApp(database, testing: .live) { app in
            let fixture = try await CatalogFixture.make(app)
            let (_, full, _, _) = try await fixture.workshop()
            let body: [String: JSONValue] = [
                "ticketTypeId": .string(full.ticketTypeId.uuidString), "quantity": 1, "buyerName": "Ada",
                "buyerEmail": "ada@example.org",
            ]
            let results = try await app.race(
                (0..<8).map { _ in
                    RaceRequest(.post, "/api/orders", headers: [.idempotencyKey: "double-click"], json: body)
                })
            var codes: [Int: Int] = [:]
            for result in results { codes[result.status.code, default: 0] += 1 }
            #expect(codes[201] == 1 && codes[200] == 7, "\(codes)")
            #expect(try await OrderRecord.query(on: app.store.database()).count() == 1)
        }
    }

    /// Free tickets, paid at once: on PostgreSQL these purchases are decided in batches, keys and all. Double clicks
    /// racing with other buyers make one order per key; a refused purchase frees its key for the retry.
    @Test(arguments: TestDatabase.all)
    func keyedFreePurchasesInARush(_ database: TestDatabase) async throws {
        try await withApp(database, testing: .live) { app in
            let fixture = try await CatalogFixture.make(app)
            let event = try await fixture.createEvent("Free evening")
            try await fixture.addSession(event.eventId, name: "Evening", day: 5, capacity: 4)
            let free = try await fixture.addTicketType(event.eventId, name: "Free", sessions: ["S1"], price: 0)
            try await fixture.publish(event.eventId)
            func body(_ buyer: Int, quantity: Int = 1) -> [String: JSONValue] {
                [
                    "ticketTypeId": .string(free.ticketTypeId.uuidString), "quantity": .int(quantity),
                    "buyerName": "Ada",
                    "buyerEmail": .string("buyer\(buyer)@example.org"),
                ]
            }
            var requests = (0..<6).map { _ in
                RaceRequest(.post, "/api/orders", headers: [.idempotencyKey: "double-click"], json: body(1))
            }
            requests += (2..<5).map {
                RaceRequest(.post, "/api/orders", headers: [.idempotencyKey: "own-\($0)"], json: body($0))
            }
            let results = try await app.race(requests)
            let clicks = results[..<6].map(\.status.code)
            #expect(clicks.filter { $0 == 201 }.count == 1 && clicks.filter { $0 == 200 }.count == 5, "\(clicks)")
            #expect(
                Set(
                    results[..<6].compactMap {
                        try? JSONDecoder().decode(JSONValue.self, from: Data($0.body.utf8))["orderId"]
                    }
                ).count == 1)
            #expect(results[6...].allSatisfy { $0.status == .created })
            #expect(try await OrderRecord.query(on: app.store.database()).count() == 4, "one order per key")

            // Sold out now: a new key is refused and stays free; once a place is back, the same retry succeeds.
            let headers: HTTPFields = [.idempotencyKey: "late", .contentType: "application/json"]
            let late =
                #"{"ticketTypeId":"\#(free.ticketTypeId)","quantity":1,"buyerName":"Bo","buyerEmail":"bo@example.org"}"#
            #expect(
                try await app.client.send(.post, "/api/orders", headers: headers, raw: late).errorCode
                    == "INSUFFICIENT_CAPACITY")
            try await fixture.setCounters(session: "S1", of: event.eventId, sold: 3)
            try await fixture.setCounters(ticketType: free.ticketTypeId, sold: 3)
            #expect(try await app.client.send(.post, "/api/orders", headers: headers, raw: late).status == .created)
            #expect(try await app.client.send(.post, "/api/orders", headers: headers, raw: late).status == .ok)
            let other = late.replacingOccurrences(of: "Bo", with: "Bob")
            #expect(try await app.client.send(.post, "/api/orders", headers: headers, raw: other).status == .conflict)
        }
    }
}
