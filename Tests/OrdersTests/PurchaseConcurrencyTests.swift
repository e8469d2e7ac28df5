import Catalog
import Foundation
import HTTPCore
import HTTPTypes
import HummingbirdTesting
import Orders
import SQLKit
import Testing
import TestSupport

/// The proof the brief asks for: many buyers at once over real connections, ticket types sharing sessions,
/// and exactly the capacity sold, never more, with every counter equal to the tickets behind it.
@Suite struct PurchaseConcurrencyTests {
    @Test(arguments: TestDatabase.all)
    func exactlyTheCapacityIsSold(_ database: TestDatabase) async throws {
        // PostgreSQL gets the full load; SQLite, one writer by design, the same race at a smaller scale.
        let (capacity, attempts) = database == .postgres ? (50, 200) : (10, 60)
        // A larger pool than the default keeps the database, not the pool queue, the thing under test.
        try await withApp(database, testing: .live, configure: {
            $0.database.connectionsPerEventLoop = 4
            $0.database.poolTimeoutSeconds = 120
        }) { app in
            let fixture = try await CatalogFixture.make(app)
            let event = try await fixture.createEvent("Flash sale")
            for day in 1...3 { try await fixture.addSession(event.eventId, name: "Day \(day)", day: day + 5, capacity: capacity) }
            let full = try await fixture.addTicketType(event.eventId, name: "Full series", sessions: ["S1", "S2", "S3"], price: 0)
            let first = try await fixture.addTicketType(event.eventId, name: "Day one", sessions: ["S1"], price: 0)
            let rest = try await fixture.addTicketType(event.eventId, name: "Days two and three", sessions: ["S2", "S3"], price: 0)
            try await fixture.publish(event.eventId)

            let mix = [full.ticketTypeId, full.ticketTypeId, full.ticketTypeId, first.ticketTypeId, rest.ticketTypeId]
            let requests = (0..<attempts).map { index in
                RaceRequest(.post, "/api/orders", json: [
                    "ticketTypeId": .string(mix[index % mix.count].uuidString), "quantity": 1,
                    "buyerName": .string("Buyer \(index)"), "buyerEmail": .string("buyer\(index)@example.org"),
                ] as [String: JSONValue])
            }
            let results = try await app.race(requests)
            var codes: [Int: Int] = [:]
            for result in results { codes[result.status.code, default: 0] += 1 }
            #expect(Set(codes.keys).isSubset(of: [201, 409]),
                    "no request fails otherwise: \(codes); \(app.logs.all.first { $0.level == .error }?.metadata["error"] ?? "")")

            let sql = app.store.sql()
            var sold: [Int: Int] = [:]
            for row in try await sql.raw("SELECT number, sold, held FROM sessions WHERE event_id = \(bind: event.eventId)").all() {
                sold[try row.decode(column: "number", as: Int.self)] = try row.decode(column: "sold", as: Int.self)
                #expect(try row.decode(column: "held", as: Int.self) == 0)
            }
            #expect(sold == [1: capacity, 2: capacity, 3: capacity], "every session sold out exactly: \(sold)")

            var tickets: [UUID: Int] = [:]
            for row in try await sql.raw("""
                SELECT ticket_type_id, COUNT(*) AS n FROM tickets WHERE event_id = \(bind: event.eventId) AND status = 'valid' GROUP BY ticket_type_id
                """).all() {
                tickets[try row.decode(column: "ticket_type_id", as: UUID.self)] = try row.decode(column: "n", as: Int.self)
            }
            let (f, one, twoThree) = (tickets[full.ticketTypeId] ?? 0, tickets[first.ticketTypeId] ?? 0, tickets[rest.ticketTypeId] ?? 0)
            #expect(f + one == sold[1] && f + twoThree == sold[2] && f + twoThree == sold[3], "counters equal the tickets that include them")
            #expect(codes[201] == f + one + twoThree, "every 201 is an order with its tickets")
            for (type, count) in [(full.ticketTypeId, f), (first.ticketTypeId, one), (rest.ticketTypeId, twoThree)] {
                let row = try await sql.raw("SELECT sold FROM ticket_types WHERE id = \(bind: type)").first()
                #expect(try row?.decode(column: "sold", as: Int.self) == count)
            }
        }
    }
}
