import Catalog
import Foundation
import HTTPCore
import HTTPTypes
import HummingbirdTesting
import SQLKit
import Sales
import TestSupport
import Testing

/// Many buyers at once, over real connections: the database decides, and exactly the capacity is held.
@Suite struct HoldConcurrencyTests {
    @Test(arguments: TestDatabase.all)
    func concurrentHoldsNeverExceedCapacity(_ database: TestDatabase) async throws {
        // A larger pool than the default keeps the database, not the pool queue, the thing under test.
        try await withApp(
            database, testing: .live,
            configure: {
                $0.database.connectionsPerEventLoop = 4
                $0.database.poolTimeoutSeconds = 120
            }
        ) { app in
            let fixture = try await CatalogFixture.make(app)
            let event = try await fixture.createEvent("Last seats")
            try await fixture.addSession(event.eventId, name: "One", day: 5, capacity: 12)
            try await fixture.addSession(event.eventId, name: "Two", day: 6, capacity: 12)
            let both = try await fixture.addTicketType(
                event.eventId, name: "Both days", sessions: ["S1", "S2"], price: 20)
            let first = try await fixture.addTicketType(event.eventId, name: "Day one", sessions: ["S1"], price: 12)
            let second = try await fixture.addTicketType(event.eventId, name: "Day two", sessions: ["S2"], price: 12)
            try await fixture.publish(event.eventId)
            let buyer = try await app.signUp("buyer@example.org")

            let types = [both.ticketTypeId, first.ticketTypeId, second.ticketTypeId]
            let requests = (0..<60).map { index in
                RaceRequest(
                    .post, "/api/holds", headers: buyer.bearer,
                    json: ["ticketTypeId": JSONValue.string(types[index % 3].uuidString), "quantity": 1]
                        as [String: JSONValue])
            }
            let results = try await app.race(requests)
            #expect(results.allSatisfy { [201, 409].contains($0.status.code) }, "\(Set(results.map(\.status.code)))")

            var held: [Int: Int] = [:]
            for row in try await app.store.sql().raw(
                "SELECT number, held, capacity FROM sessions WHERE event_id = \(bind: event.eventId)"
            ).all() {
                held[try row.decode(column: "number", as: Int.self)] = try row.decode(column: "held", as: Int.self)
            }
            #expect(held[1]! <= 12 && held[2]! <= 12)
            // Every counter equals the holds that include its session.
            var expected: [Int: Int] = [1: 0, 2: 0]
            for row in try await app.store.sql().raw(
                "SELECT ticket_type_id, CAST(SUM(quantity) AS BIGINT) AS q FROM holds WHERE status = 'active' GROUP BY ticket_type_id"
            ).all() {
                let type = try row.decode(column: "ticket_type_id", as: UUID.self)
                let quantity = try row.decode(column: "q", as: Int.self)
                if type == both.ticketTypeId || type == first.ticketTypeId { expected[1]! += quantity }
                if type == both.ticketTypeId || type == second.ticketTypeId { expected[2]! += quantity }
            }
            #expect(held == expected)
            var created = 0
            for result in results where result.status.code == 201 { created += 1 }
            #expect(
                created >= 12 && created <= 24,
                "created \(created), held \(held), statuses \(results.map(\.status.code))")
            #expect(held[1]! == 12 || held[2]! == 12, "sixty requests for twenty-four places fill a session")
        }
    }
}
