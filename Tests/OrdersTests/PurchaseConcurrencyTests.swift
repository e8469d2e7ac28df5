import Catalog
import Foundation
import HTTPCore
import HTTPTypes
import HummingbirdTesting
import Orders
import SQLKit
import TestSupport
import Testing

/// The proof the brief asks for: many buyers at once over real connections, ticket types sharing sessions,
/// and exactly the capacity sold, never more, with every counter equal to the tickets behind it.
@Suite struct PurchaseConcurrencyTests {
    @Test(arguments: TestDatabase.all)
    func exactlyTheCapacityIsSold(_ database: TestDatabase) async throws {
        // PostgreSQL gets the full load; SQLite, one writer by design, the same race at a smaller scale.
        let (capacity, attempts) = database == .postgres ? (50, 200) : (10, 60)
        // A larger pool than the default keeps the database, not the pool queue, the thing under test.
        try await withApp(
            database, testing: .live,
            configure: {
                $0.database.connectionsPerEventLoop = 4
                $0.database.poolTimeoutSeconds = 120
            }
        ) { app in
            let fixture = try await CatalogFixture.make(app)
            let event = try await fixture.createEvent("Flash sale")
            for day in 1...3 {
                try await fixture.addSession(event.eventId, name: "Day \(day)", day: day + 5, capacity: capacity)
            }
            let full = try await fixture.addTicketType(
                event.eventId, name: "Full series", sessions: ["S1", "S2", "S3"], price: 0)
            let first = try await fixture.addTicketType(event.eventId, name: "Day one", sessions: ["S1"], price: 0)
            let rest = try await fixture.addTicketType(
                event.eventId, name: "Days two and three", sessions: ["S2", "S3"], price: 0)
            try await fixture.publish(event.eventId)

            let mix = [full.ticketTypeId, full.ticketTypeId, full.ticketTypeId, first.ticketTypeId, rest.ticketTypeId]
            let requests = (0..<attempts).map { index in
                RaceRequest(
                    .post, "/api/orders",
                    json: [
                        "ticketTypeId": .string(mix[index % mix.count].uuidString), "quantity": 1,
                        "buyerName": .string("Buyer \(index)"), "buyerEmail": .string("buyer\(index)@example.org"),
                    ] as [String: JSONValue])
            }
            let results = try await app.race(requests)
            var codes: [Int: Int] = [:]
            for result in results { codes[result.status.code, default: 0] += 1 }
            #expect(
                Set(codes.keys).isSubset(of: [201, 409]),
                "no request fails otherwise: \(codes); \(app.logs.all.first { $0.level == .error }?.metadata["error"] ?? "")"
            )

            let sql = app.store.sql()
            var sold: [Int: Int] = [:]
            for row in try await sql.raw(
                "SELECT number, sold, held FROM sessions WHERE event_id = \(bind: event.eventId)"
            ).all() {
                sold[try row.decode(column: "number", as: Int.self)] = try row.decode(column: "sold", as: Int.self)
                #expect(try row.decode(column: "held", as: Int.self) == 0)
            }
            #expect(sold == [1: capacity, 2: capacity, 3: capacity], "every session sold out exactly: \(sold)")

            var tickets: [UUID: Int] = [:]
            for row in try await sql.raw(
                """
                SELECT ticket_type_id, COUNT(*) AS n FROM tickets WHERE event_id = \(bind: event.eventId) AND status = 'valid' GROUP BY ticket_type_id
                """
            ).all() {
                tickets[try row.decode(column: "ticket_type_id", as: UUID.self)] = try row.decode(
                    column: "n", as: Int.self)
            }
            let (f, one, twoThree) = (
                tickets[full.ticketTypeId] ?? 0, tickets[first.ticketTypeId] ?? 0, tickets[rest.ticketTypeId] ?? 0
            )
            #expect(
                f + one == sold[1] && f + twoThree == sold[2] && f + twoThree == sold[3],
                "counters equal the tickets that include them")
            #expect(codes[201] == f + one + twoThree, "every 201 is an order with its tickets")
            #expect(!app.logs.all.contains { $0.message.description.contains("purchase batch failed") })
            if database == .postgres {
                // Orders written by one transaction share its ID (xmin): fewer transactions than orders means the rush was
                // decided in batches, not one purchase at a time.
                let transactions =
                    try await sql.raw("SELECT COUNT(DISTINCT CAST(xmin AS text)) AS n FROM orders").first()?
                    .decode(column: "n", as: Int.self) ?? 0
                #expect(transactions < codes[201] ?? 0, "\(codes[201] ?? 0) orders in \(transactions) transactions")
            }
            for (type, count) in [(full.ticketTypeId, f), (first.ticketTypeId, one), (rest.ticketTypeId, twoThree)] {
                let row = try await sql.raw("SELECT sold FROM ticket_types WHERE id = \(bind: type)").first()
                #expect(try row?.decode(column: "sold", as: Int.self) == count)
            }
        }
    }

    /// Two instances on one database, each gathering its own batches: the row locks still let exactly the capacity
    /// through. PostgreSQL only: scale-out runs on it, and an SQLite file has one writer whatever the instances.
    @Test func twoInstancesSellExactlyTheCapacity() async throws {
        let capacity = 30
        try await withTwoApps(
            .postgres, testing: .live,
            configure: {
                $0.database.connectionsPerEventLoop = 4
                $0.database.poolTimeoutSeconds = 120
            }
        ) { one, two in
            let fixture = try await CatalogFixture.make(one)
            let event = try await fixture.createEvent("Two doors")
            for day in 1...2 {
                try await fixture.addSession(event.eventId, name: "Day \(day)", day: day + 5, capacity: capacity)
            }
            let both = try await fixture.addTicketType(
                event.eventId, name: "Both days", sessions: ["S1", "S2"], price: 0)
            let first = try await fixture.addTicketType(event.eventId, name: "Day one", sessions: ["S1"], price: 0)
            try await fixture.publish(event.eventId)
            let requests = (0..<120).map { index in
                RaceRequest(
                    .post, "/api/orders",
                    json: [
                        "ticketTypeId": .string((index % 3 == 0 ? first : both).ticketTypeId.uuidString), "quantity": 1,
                        "buyerName": .string("Buyer \(index)"), "buyerEmail": .string("buyer\(index)@example.org"),
                    ] as [String: JSONValue])
            }
            async let viaOne = one.race(Array(requests[..<60]))
            async let viaTwo = two.race(Array(requests[60...]))
            let results = try await viaOne + viaTwo
            #expect(results.allSatisfy { [201, 409].contains($0.status.code) }, "\(results.map(\.status.code))")
            let sql = one.store.sql()
            let sessions = try await sql.raw(
                "SELECT number, sold FROM sessions WHERE event_id = \(bind: event.eventId) ORDER BY number"
            ).all()
                .map { try $0.decode(column: "sold", as: Int.self) }
            let sold = try await sql.raw(
                """
                SELECT ticket_type_id, COUNT(*) AS n FROM tickets WHERE event_id = \(bind: event.eventId) AND status = 'valid' GROUP BY ticket_type_id
                """
            ).all().reduce(into: [UUID: Int]()) {
                $0[try $1.decode(column: "ticket_type_id", as: UUID.self)] = try $1.decode(column: "n", as: Int.self)
            }
            let (b, f) = (sold[both.ticketTypeId] ?? 0, sold[first.ticketTypeId] ?? 0)
            #expect(
                sessions == [b + f, b] && b + f == capacity,
                "S1 sold out exactly, S2 equals its tickets: \(sessions), \(b) + \(f)")
            #expect(results.filter { $0.status == .created }.count == b + f)
            #expect(
                ![one, two].contains {
                    $0.logs.all.contains { $0.message.description.contains("purchase batch failed") }
                })
        }
    }

    /// A rush mixing every kind of answer: each purchase gets the answer it would get alone, whichever batch it lands in.
    @Test(arguments: TestDatabase.all)
    func eachPurchaseInARushGetsItsOwnAnswer(_ database: TestDatabase) async throws {
        try await withApp(
            database, testing: .live,
            configure: {
                $0.database.connectionsPerEventLoop = 4
                $0.database.poolTimeoutSeconds = 120
            }
        ) { app in
            let fixture = try await CatalogFixture.make(app)
            let event = try await fixture.createEvent("Mixed rush")
            let other = try await fixture.createEvent("Another event")
            try await fixture.addSession(event.eventId, name: "Small room", day: 5, capacity: 3)
            try await fixture.addSession(event.eventId, name: "Hall", day: 6, capacity: 20)
            try await fixture.addSession(other.eventId, name: "Elsewhere", day: 5, capacity: 20)
            let scarce = try await fixture.addTicketType(event.eventId, name: "Small room", sessions: ["S1"], price: 0)
            let later = try await fixture.addTicketType(
                event.eventId, name: "Later", sessions: ["S2"], price: 0, salesStart: CatalogFixture.day(10))
            let limited = try await fixture.addTicketType(
                event.eventId, name: "Limited", sessions: ["S2"], price: 0, limit: 2)
            let paid = try await fixture.addTicketType(event.eventId, name: "Paid", sessions: ["S2"], price: 12)
            try await fixture.publish(event.eventId)
            try await fixture.publish(other.eventId)

            func buy(_ index: Int, _ type: UUID, quantity: Int = 1, path: String = "/api/orders") -> RaceRequest {
                RaceRequest(
                    .post, path,
                    json: [
                        "ticketTypeId": .string(type.uuidString), "quantity": .int(quantity),
                        "buyerName": .string("Buyer \(index)"), "buyerEmail": .string("buyer\(index)@example.org"),
                    ] as [String: JSONValue])
            }
            var requests = (0..<5).map { buy($0, scarce.ticketTypeId) }
            requests += (5..<8).map { buy($0, limited.ticketTypeId) }
            requests += [
                buy(8, later.ticketTypeId), buy(9, paid.ticketTypeId, quantity: 2), buy(10, UUID()),
                buy(11, scarce.ticketTypeId, path: "/api/events/\(other.eventId)/tickets/purchase"),
                buy(12, scarce.ticketTypeId, quantity: 11),
            ]
            let results = try await app.race(requests)
            func answer(_ index: Int) -> (Int, JSONValue?) {
                (
                    results[index].status.code,
                    try? JSONDecoder().decode(JSONValue.self, from: Data(results[index].body.utf8))
                )
            }
            let scarceAnswers = (0..<5).map(answer)
            #expect(scarceAnswers.filter { $0.0 == 201 }.count == 3)
            for (status, body) in scarceAnswers where status != 201 {
                #expect(status == 409 && body?["error"]?["code"]?.stringValue == "INSUFFICIENT_CAPACITY")
                #expect(
                    body?["error"]?["details"]
                        == .object([
                            "ticketTypeId": .string(scarce.ticketTypeId.uuidString), "requestedQuantity": .int(1),
                            "availableQuantity": .int(0),
                            "limitingSessionId": .string("S1"),
                        ]))
            }
            let limitedAnswers = (5..<8).map(answer)
            #expect(limitedAnswers.filter { $0.0 == 201 }.count == 2)
            for (status, body) in limitedAnswers where status != 201 {
                #expect(
                    status == 409 && body?["error"]?["details"]?["limitingSessionId"] == .null,
                    "the type's own limit, not a session")
            }
            #expect(answer(8).0 == 409 && answer(8).1?["error"]?["code"]?.stringValue == "SALES_NOT_STARTED")
            #expect(
                answer(9).0 == 201 && answer(9).1?["status"]?.stringValue == "pending",
                "a paid type waits for payment, holding its places")
            #expect(answer(10).0 == 404 && answer(10).1?["error"]?["code"]?.stringValue == "TICKET_TYPE_NOT_FOUND")
            #expect(
                answer(11).0 == 422 && answer(11).1?["error"]?["details"]?["fields"]?["eventId"] != nil,
                "another event than the type's: well formed, refused by rule, the field named")
            #expect(answer(12).0 == 400 && answer(12).1?["error"]?["details"]?["fields"]?["quantity"] != nil)

            let sql = app.store.sql()
            let counters = try await sql.raw(
                "SELECT number, sold, held FROM sessions WHERE event_id = \(bind: event.eventId) ORDER BY number"
            ).all()
                .map { [try $0.decode(column: "sold", as: Int.self), try $0.decode(column: "held", as: Int.self)] }
            #expect(counters == [[3, 0], [2, 2]])
            let limitedSold = try await sql.raw(
                "SELECT sold FROM ticket_types WHERE id = \(bind: limited.ticketTypeId)"
            ).first()?
            .decode(column: "sold", as: Int.self)
            #expect(limitedSold == 2)
        }
    }
}
