import Catalog
import Domain
import Foundation
import HTTPCore
import HTTPTypes
import HummingbirdTesting
import TestSupport
import Testing

@Suite struct AvailabilityTests {
    func availability(_ app: TestApp, _ event: UUID) async throws -> AvailabilityDTO {
        try await app.client.send(.get, "/api/events/\(event)/availability").decode(AvailabilityDTO.self)
    }

    @Test(arguments: TestDatabase.all)
    func aNearlyFullSessionLimitsEveryTicketTypeThatIncludesIt(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let (event, full, day1, day2) = try await fixture.workshop()
            try await fixture.setCounters(session: "S2", of: event.eventId, sold: 15, held: 3)
            let result = try await availability(app, event.eventId)
            let byID = Dictionary(uniqueKeysWithValues: result.ticketTypes.map { ($0.ticketTypeId, $0) })

            #expect(byID[full.ticketTypeId]?.availableQuantity == 2)
            #expect(byID[full.ticketTypeId]?.limitingSessionIds == ["S2"])
            #expect(byID[full.ticketTypeId]?.maxPurchasable == 2)
            #expect(byID[day2.ticketTypeId]?.limitingSessionIds == ["S2"])
            #expect(byID[day1.ticketTypeId]?.availableQuantity == 20)
            #expect(byID[day1.ticketTypeId]?.maxPurchasable == 10, "bounded by the per-order maximum")
            let s2 = try #require(result.sessions.first { $0.sessionId == "S2" })
            #expect(s2.capacity == 20 && s2.sold == 15 && s2.held == 3 && s2.available == 2 && s2.isActive)
            #expect(!s2.hasWaitlist && s2.waitlistCount == 0)

            let single = try await app.client.send(.get, "/api/ticket-types/\(full.ticketTypeId)/availability")
                .decode(TicketTypeAvailabilityDTO.self)
            #expect(single.limitingSessionIds == ["S2"])
            #expect(single.sessions.map(\.sessionId) == ["S1", "S2", "S3"])
        }
    }

    @Test(arguments: TestDatabase.all)
    func everyConstraintHasItsReason(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let draft = try await fixture.createEvent("Draft evening")
            try await fixture.addSession(draft.eventId, name: "Evening", day: 2, capacity: 5)
            let draftType = try await fixture.addTicketType(draft.eventId, name: "Entry", sessions: ["S1"], price: 10)
            let draftAvailability = try await app.client.send(
                .get, "/api/events/\(draft.eventId)/availability", headers: fixture.headers
            )
            .decode(AvailabilityDTO.self)
            #expect(draftAvailability.ticketTypes.first?.constraintReason == "EVENT_NOT_PUBLISHED")
            _ = draftType

            let event = try await fixture.createEvent()
            try await fixture.addSession(event.eventId, name: "One", day: 5, capacity: 4)
            try await fixture.addSession(event.eventId, name: "Two", day: 6, capacity: 4)
            let later = try await fixture.addTicketType(
                event.eventId, name: "Later", sessions: ["S1"], price: 10,
                salesStart: CatalogFixture.day(1), salesEnd: CatalogFixture.day(4))
            let limited = try await fixture.addTicketType(
                event.eventId, name: "Limited", sessions: ["S1"], price: 10, limit: 2)
            let full = try await fixture.addTicketType(event.eventId, name: "Second day", sessions: ["S2"], price: 10)
            let inactive = try await fixture.addTicketType(event.eventId, name: "Retired", sessions: ["S1"], price: 10)
            _ = try await app.client.send(
                .put, "/api/events/\(event.eventId)/ticket-types/\(inactive.ticketTypeId)", headers: fixture.headers,
                json: ["isActive": false])
            try await fixture.publish(event.eventId)
            try await fixture.setCounters(ticketType: limited.ticketTypeId, sold: 1, held: 1)
            try await fixture.setCounters(session: "S1", of: event.eventId, sold: 1, held: 1)
            try await fixture.setCounters(session: "S2", of: event.eventId, sold: 4)

            func reasons() async throws -> [UUID: String?] {
                Dictionary(
                    uniqueKeysWithValues: try await availability(app, event.eventId).ticketTypes.map {
                        ($0.ticketTypeId, $0.constraintReason)
                    })
            }
            var now = try await reasons()
            #expect(now[later.ticketTypeId] == "SALES_NOT_STARTED")
            #expect(now[limited.ticketTypeId] == "SOLD_OUT")
            #expect(now[full.ticketTypeId] == "SESSION_FULL")
            #expect(now[inactive.ticketTypeId] == "INACTIVE")

            app.clock.advance(by: 86_400 * 2)
            now = try await reasons()
            #expect(now[later.ticketTypeId] == .some(nil), "on sale from its start")
            app.clock.set(TestClock.t0.addingTimeInterval(86_400 * 4 + 6 * 3600))
            now = try await reasons()
            #expect(now[later.ticketTypeId] == "SALES_ENDED", "the end instant itself is past the sale")
            let sold = try await availability(app, event.eventId).ticketTypes.first {
                $0.ticketTypeId == limited.ticketTypeId
            }
            #expect(sold?.isAvailable == false && sold?.maxPurchasable == 0)
        }
    }

    @Test func theCalculatorTakesTheMinimumOverSessionsAndTheOwnLimit() {
        let now = TestClock.t0
        let sessions = [
            "S1": SessionCounters(code: "S1", capacity: 20, sold: 5, held: 0, active: true),
            "S2": SessionCounters(code: "S2", capacity: 20, sold: 17, held: 0, active: true),
            "S3": SessionCounters(code: "S3", capacity: 20, sold: 17, held: 0, active: true),
        ]
        func type(_ codes: [String], limit: Int? = nil, sold: Int = 0) -> TicketTypeCounters {
            TicketTypeCounters(
                id: UUID(), sessionCodes: codes, quantityLimit: limit, sold: sold, held: 0, maxPerOrder: 10,
                salesStart: nil, salesEnd: now.addingTimeInterval(3600), active: true)
        }
        let tie = AvailabilityCalculator.ticketType(
            type(["S1", "S2", "S3"]), sessions: sessions, eventPublished: true, now: now)
        #expect(tie.available == 3 && tie.limitingSessionCodes == ["S2", "S3"])
        let own = AvailabilityCalculator.ticketType(
            type(["S1", "S2"], limit: 4, sold: 2), sessions: sessions, eventPublished: true, now: now)
        #expect(own.available == 2 && own.limitingSessionCodes.isEmpty, "the type's own limit binds, not a session")
        let equal = AvailabilityCalculator.ticketType(
            type(["S2"], limit: 3), sessions: sessions, eventPublished: true, now: now)
        #expect(equal.limitingSessionCodes == ["S2"])
    }

    /// The event's availability costs the same number of queries with 2 sessions as with 10.
    @Test(arguments: TestDatabase.all)
    func availabilityTakesAFixedNumberOfQueries(_ database: TestDatabase) async throws {
        // Without workers: the publications wake the outbox workers, whose statements would land in the count.
        try await withApp(database, configure: { $0.workers.runWorkers = false }) { app in
            let fixture = try await CatalogFixture.make(app)
            func build(sessions: Int, types: Int) async throws -> UUID {
                let event = try await fixture.createEvent("Event with \(sessions) sessions")
                for index in 1...sessions {
                    try await fixture.addSession(event.eventId, name: "S", day: index, capacity: 50)
                }
                for index in 1...types {
                    try await fixture.addTicketType(
                        event.eventId, name: "T\(index)", sessions: ["S\(index % sessions + 1)", "S1"], price: 10)
                }
                try await fixture.publish(event.eventId)
                return event.eventId
            }
            let small = try await build(sessions: 2, types: 2)
            let large = try await build(sessions: 10, types: 20)
            func statements(_ path: String) async throws -> Int {
                let before = app.logs.all.count
                let response = try await app.client.send(.get, path)
                #expect(response.status == .ok)
                return app.logs.all.dropFirst(before).filter { $0.message == "Executing query" }.count
            }
            for suffix in ["/availability", ""] {
                let few = try await statements("/api/events/\(small)\(suffix)")
                let many = try await statements("/api/events/\(large)\(suffix)")
                #expect(few == many, "\(suffix): \(few) statements for 2 sessions, \(many) for 10")
                #expect(
                    many > 0 && many <= 7, "\(suffix): \(many) statements: \(app.logs.all.suffix(many).map(\.message))")
            }
            let listFew = try await statements("/api/events?perPage=1")
            let listMany = try await statements("/api/events?perPage=2")
            #expect(listFew == listMany, "the list costs the same per page whatever its length")
        }
    }
}
