import Catalog
import FluentKit
import Foundation
import HTTPCore
import HTTPTypes
import HummingbirdTesting
import Persistence
import SQLKit
import Sales
import TestSupport
import Testing
import WireTypes

@Suite struct HoldTests {
    func availability(_ app: TestApp, _ event: UUID) async throws -> AvailabilityDTO {
        try await app.client.send(.get, "/api/events/\(event)/availability").decode(AvailabilityDTO.self)
    }

    func hold(_ app: TestApp, _ type: UUID, _ quantity: Int, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await app.client.send(
            .post, "/api/holds", headers: headers,
            json: ["ticketTypeId": .string(type.uuidString), "quantity": .int(quantity)] as [String: JSONValue])
    }

    func counters(_ app: TestApp, _ event: UUID) async throws -> [String: Int] {
        var held: [String: Int] = [:]
        for row in try await app.store.sql().raw("SELECT number, held FROM sessions WHERE event_id = \(bind: event)")
            .all()
        {
            held["S\(try row.decode(column: "number", as: Int.self))"] = try row.decode(column: "held", as: Int.self)
        }
        return held
    }

    @Test(arguments: TestDatabase.all)
    func aHoldTakesPlacesInEverySessionAndTheType(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let (event, full, day1, _) = try await fixture.workshop()
            let buyer = try await app.signUp("buyer@example.org")
            let response = try await hold(app, full.ticketTypeId, 3, headers: buyer.bearer)
            #expect(response.status == .created)
            let created = try response.decode(Components.Schemas.Hold.self)
            #expect(created.sessions == ["S1", "S2", "S3"] && created.quantity == 3 && created.cartToken == nil)
            #expect(created.expiresAt == TestClock.t0.addingTimeInterval(600))
            #expect(try await counters(app, event.eventId) == ["S1": 3, "S2": 3, "S3": 3])
            let result = try await availability(app, event.eventId)
            #expect(result.ticketTypes.first { $0.ticketTypeId == day1.ticketTypeId }?.availableQuantity == 17)

            let mine = try await app.client.send(.get, "/api/holds/mine", headers: buyer.bearer).decode(
                Components.Schemas.HoldList.self)
            #expect(mine.holds.map(\.holdId) == [created.holdId])
            #expect(
                try await app.client.send(.delete, "/api/holds/\(created.holdId)", headers: buyer.bearer).status
                    == .noContent)
            #expect(try await counters(app, event.eventId) == ["S1": 0, "S2": 0, "S3": 0])
            #expect(
                try await app.client.send(.delete, "/api/holds/\(created.holdId)", headers: buyer.bearer).status
                    == .noContent,
                "releasing again changes nothing")
            #expect(try await counters(app, event.eventId) == ["S1": 0, "S2": 0, "S3": 0])
            let ticketTypeHeld = try await TicketTypeRecord.find(full.ticketTypeId, on: app.store.database())?.held
            #expect(ticketTypeHeld == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func anonymousCartsOwnTheirHoldsByToken(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let (event, _, day1, _) = try await fixture.workshop()
            let created = try await hold(app, day1.ticketTypeId, 2).decode(Components.Schemas.Hold.self)
            let token = try #require(created.cartToken)
            let cart: HTTPFields = [.cartToken: token]
            #expect(
                try await app.client.send(.get, "/api/holds/mine", headers: cart).decode(
                    Components.Schemas.HoldList.self
                ).holds.count
                    == 1)
            #expect(try await app.client.send(.get, "/api/holds/mine").status == .unauthorized)
            #expect(
                try await app.client.send(.get, "/api/holds/mine", headers: [.cartToken: "other"]).decode(
                    Components.Schemas.HoldList.self
                ).holds.isEmpty)
            let second = try await hold(app, day1.ticketTypeId, 1, headers: cart).decode(Components.Schemas.Hold.self)
            #expect(second.cartToken == nil, "a cart keeps its token")
            #expect(
                try await app.client.send(.delete, "/api/holds/\(created.holdId)", headers: [.cartToken: "other"])
                    .errorCode == "HOLD_NOT_FOUND")
            let stranger = try await app.signUp("stranger@example.org")
            #expect(
                try await app.client.send(.delete, "/api/holds/\(created.holdId)", headers: stranger.bearer).status
                    == .notFound)
            #expect(
                try await app.client.send(.delete, "/api/holds/\(created.holdId)", headers: cart).status == .noContent)
            #expect(try await counters(app, event.eventId)["S1"] == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func anExpiredHoldCountsForNothingFromItsDeadline(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let (event, _, day1, _) = try await fixture.workshop()
            let buyer = try await app.signUp("buyer@example.org")
            _ = try await hold(app, day1.ticketTypeId, 10, headers: buyer.bearer)
            _ = try await hold(app, day1.ticketTypeId, 10, headers: buyer.bearer)
            #expect(
                try await hold(app, day1.ticketTypeId, 1, headers: buyer.bearer).errorCode == "INSUFFICIENT_CAPACITY")

            app.clock.advance(by: 599)
            let before = try await availability(app, event.eventId).sessions.first { $0.sessionId == "S1" }
            #expect(before?.held == 20 && before?.available == 0)
            app.clock.advance(by: 1)
            let after = try await availability(app, event.eventId).sessions.first { $0.sessionId == "S1" }
            #expect(after?.held == 0 && after?.available == 20, "at the deadline, with no sweeper run")
            #expect(
                try await app.client.send(.get, "/api/holds/mine", headers: buyer.bearer).decode(
                    Components.Schemas.HoldList.self
                ).holds
                    .isEmpty)
            #expect(try await counters(app, event.eventId)["S1"] == 20, "the stored counter still waits for a reclaim")

            // A new hold needing those places reclaims the expired ones in its own transaction.
            #expect(try await hold(app, day1.ticketTypeId, 5, headers: buyer.bearer).status == .created)
            #expect(try await counters(app, event.eventId)["S1"] == 5)
            let statuses = try await HoldRecord.query(on: app.store.database()).all().map(\.status).sorted()
            #expect(statuses == ["active", "expired", "expired"])
        }
    }

    @Test(arguments: TestDatabase.all)
    func theSweeperReclaimsExpiredHolds(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let (event, full, _, _) = try await fixture.workshop()
            let buyer = try await app.signUp("buyer@example.org")
            _ = try await hold(app, full.ticketTypeId, 4, headers: buyer.bearer)
            let sweeper = HoldSweeper(store: app.store, clock: app.clock.appClock, logger: app.boxOffice.logger)
            #expect(try await sweeper.sweep() == 0, "nothing has expired yet")
            app.clock.advance(by: 600)
            #expect(try await sweeper.sweep() == 1)
            #expect(try await counters(app, event.eventId) == ["S1": 0, "S2": 0, "S3": 0])
            #expect(try await TicketTypeRecord.find(full.ticketTypeId, on: app.store.database())?.held == 0)
            #expect(try await sweeper.sweep() == 0, "a hold is reclaimed once")
        }
    }

    @Test(arguments: TestDatabase.all)
    func refusalsCarryTheQuantitiesAndTheLimitingSession(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let (event, full, _, _) = try await fixture.workshop()
            try await fixture.setCounters(session: "S2", of: event.eventId, sold: 18)
            let short = try await hold(app, full.ticketTypeId, 3)
            #expect(short.status == .conflict)
            #expect(
                try short.json()["error"]?["details"] == [
                    "ticketTypeId": .string(full.ticketTypeId.uuidString), "requestedQuantity": 3,
                    "availableQuantity": 2, "limitingSessionId": "S2",
                ])
            #expect(try await counters(app, event.eventId) == ["S1": 0, "S2": 0, "S3": 0], "nothing is half-taken")
            #expect(try await hold(app, full.ticketTypeId, 11).status == .badRequest)

            let limited = try await fixture.addTicketType(
                event.eventId, name: "Two per order", sessions: ["S1"], price: 5, maxQuantity: 2)
            // Within the document's 1...10 but past this type's own limit: well formed, refused by rule.
            let overLimit = try await hold(app, limited.ticketTypeId, 3)
            #expect(overLimit.status == .unprocessableContent)
            #expect(overLimit.errorCode == "QUANTITY_LIMIT")
            let draft = try await fixture.createEvent("Draft")
            try await fixture.addSession(draft.eventId, name: "Day", day: 40, capacity: 5)
            let draftType = try await fixture.addTicketType(
                draft.eventId, name: "Entry", sessions: ["S1"], price: 5, salesEnd: CatalogFixture.day(39))
            #expect(try await hold(app, draftType.ticketTypeId, 1).errorCode == "NOT_ON_SALE")
            #expect(try await hold(app, UUID(), 1).errorCode == "TICKET_TYPE_NOT_FOUND")

            let later = try await fixture.addTicketType(
                event.eventId, name: "Later", sessions: ["S1"], price: 5, salesStart: CatalogFixture.day(2))
            #expect(try await hold(app, later.ticketTypeId, 1).errorCode == "SALES_NOT_STARTED")
            app.clock.advance(by: 86_400 * 31)
            #expect(try await hold(app, later.ticketTypeId, 1).errorCode == "SALES_ENDED")
        }
    }

    @Test(arguments: TestDatabase.all)
    func signedInBuyersReserveAndReleaseByCategory(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let (event, _, day1, _) = try await fixture.workshop()
            let body: [String: JSONValue] = [
                "eventId": .string(event.eventId.uuidString), "categoryId": .string(day1.ticketTypeId.uuidString),
                "quantity": 2,
            ]
            #expect(try await app.client.send(.post, "/api/events/tickets/reserve", json: body).status == .unauthorized)
            let buyer = try await app.signUp("buyer@example.org")
            let reserved = try await app.client.send(
                .post, "/api/events/tickets/reserve", headers: buyer.bearer, json: body)
            #expect(reserved.status == .ok)
            let answer = try reserved.decode(Components.Schemas.ReserveResponse.self)
            #expect(answer.success && answer.availableSeats == 18 && answer.lockId == answer.holdId)
            let wrongEvent = try await app.client.send(
                .post, "/api/events/tickets/reserve", headers: buyer.bearer,
                json: [
                    "eventId": .string(UUID().uuidString), "categoryId": .string(day1.ticketTypeId.uuidString),
                    "quantity": 1,
                ] as [String: JSONValue])
            #expect(wrongEvent.status == .unprocessableContent)
            #expect(try await counters(app, event.eventId)["S1"] == 2, "a mismatched reservation takes no place")
            let released = try await app.client.send(
                .post, "/api/events/tickets/release", headers: buyer.bearer,
                json: ["lockId": answer.holdId])
            #expect(try released.decode(Components.Schemas.ReleaseResponse.self).success)
            #expect(try await counters(app, event.eventId)["S1"] == 0)
        }
    }
}
