import BoxOfficeApp
import Catalog
import Foundation
import HTTPCore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

/// The limits on places one buyer and one client address may hold or keep pending per event (#13: two anonymous
/// holds of ten emptied a session): enforced on holds, reserves and pending orders, in the seat transaction,
/// overridable per event, and refused with 409 BUYER_LIMIT naming the limit.
@Suite struct PlaceLimitTests {
    static func limited(_ config: inout AppConfig) {
        config.sales.buyerPlacesLimit = 4
        config.sales.addressPlacesLimit = 6
    }

    func hold(_ app: TestApp, _ type: UUID, _ quantity: Int, cart: String, from ip: String) async throws -> TestResponse
    {
        try await app.client.send(
            .post, "/api/holds", headers: [.cartToken: cart, .xForwardedFor: ip],
            json: ["ticketTypeId": .string(type.uuidString), "quantity": .int(quantity)] as [String: JSONValue])
    }

    @Test(arguments: TestDatabase.all)
    func buyersAndAddressesHoldUpToTheirLimits(_ database: TestDatabase) async throws {
        try await withApp(database, configure: Self.limited) { app in
            let fixture = try await CatalogFixture.make(app)
            let workshop = try await fixture.workshop()
            let day1 = workshop.day1.ticketTypeId
            let first = try await hold(app, day1, 3, cart: "cart-a", from: "10.0.0.1")
            #expect(first.status == .created)
            let over = try await hold(app, day1, 2, cart: "cart-a", from: "10.0.0.1")
            #expect(over.status == .conflict && over.errorCode == "BUYER_LIMIT")
            let details = try over.json()["error"]?["details"]
            #expect(details?["scope"] == "buyer" && details?["limit"] == .int(4) && details?["held"] == .int(3))
            // Other types of the same event count too: the limit is per event.
            #expect(
                try await hold(app, workshop.day2.ticketTypeId, 2, cart: "cart-a", from: "10.0.0.1").errorCode
                    == "BUYER_LIMIT")

            // Many buyers behind one address share its larger limit.
            #expect(try await hold(app, day1, 3, cart: "cart-b", from: "10.0.0.1").status == .created)
            let crowded = try await hold(app, day1, 1, cart: "cart-c", from: "10.0.0.1")
            let crowdedScope = try crowded.json()["error"]?["details"]?["scope"]
            #expect(crowded.errorCode == "BUYER_LIMIT" && crowdedScope == "address")
            #expect(try await hold(app, day1, 1, cart: "cart-c", from: "10.0.0.2").status == .created)

            // A pending order keeps its places under its buyer's (here: email's) limit; a new email is a new buyer,
            // but the address still counts.
            func order(_ email: String, _ quantity: Int, from ip: String) async throws -> TestResponse {
                try await app.client.send(
                    .post, "/api/orders", headers: [.xForwardedFor: ip],
                    json: [
                        "ticketTypeId": .string(workshop.day2.ticketTypeId.uuidString), "quantity": .int(quantity),
                        "buyerName": "Guest", "buyerEmail": .string(email), "paymentMethod": "offline",
                    ] as [String: JSONValue])
            }
            #expect(try await order("x@example.org", 4, from: "10.0.0.3").status == .created)
            #expect(try await order("x@example.org", 1, from: "10.0.0.4").errorCode == "BUYER_LIMIT")
            #expect(try await order("y@example.org", 2, from: "10.0.0.3").status == .created)
            #expect(try await order("z@example.org", 1, from: "10.0.0.3").errorCode == "BUYER_LIMIT", "6 from .3")

            // Signed in, a reserve counts against the account.
            let member = try await app.signUp("member@example.org")
            var headers = member.bearer
            headers[.xForwardedFor] = "10.0.0.9"
            func reserve(_ quantity: Int) async throws -> TestResponse {
                try await app.client.send(
                    .post, "/api/events/tickets/reserve", headers: headers,
                    json: ["categoryId": .string(day1.uuidString), "quantity": .int(quantity)] as [String: JSONValue])
            }
            #expect(try await reserve(4).status == .ok)
            #expect(try await reserve(1).errorCode == "BUYER_LIMIT")

            // The organizer lifts the limits for this event; expired holds stop counting.
            let lifted = try await app.client.send(
                .put, "/api/events/\(workshop.event.eventId)", headers: fixture.headers,
                json: ["buyerPlacesLimit": 0, "addressPlacesLimit": 0] as [String: JSONValue])
            #expect(lifted.status == .ok)
            #expect(try lifted.decode(EventDetailsDTO.self).buyerPlacesLimit == 0)
            #expect(try await reserve(1).status == .ok)
            let back = try await app.client.send(
                .put, "/api/events/\(workshop.event.eventId)", headers: fixture.headers,
                json: ["buyerPlacesLimit": .null, "addressPlacesLimit": .null] as [String: JSONValue])
            #expect(try back.decode(EventDetailsDTO.self).buyerPlacesLimit == nil)
            #expect(try await hold(app, day1, 1, cart: "cart-a", from: "10.0.0.1").errorCode == "BUYER_LIMIT")
            app.clock.advance(by: 601)
            #expect(try await hold(app, day1, 4, cart: "cart-a", from: "10.0.0.1").status == .created)
            #expect(
                try await app.client.send(
                    .put, "/api/events/\(workshop.event.eventId)", headers: fixture.headers,
                    json: ["buyerPlacesLimit": -1] as [String: JSONValue]
                ).status == .badRequest)
        }
    }

    /// One buyer racing holds on four sessions at once: the quota row serialises them, so exactly the limit is held,
    /// even though the seats they lock are all different.
    @Test(arguments: TestDatabase.all)
    func oneBuyerRacingOnDifferentSessionsGetsTheLimitExactly(_ database: TestDatabase) async throws {
        try await withApp(database, testing: .live, configure: Self.limited) { app in
            let fixture = try await CatalogFixture.make(app)
            let event = try await fixture.createEvent("Four rooms")
            var types: [UUID] = []
            for room in 1...4 {
                try await fixture.addSession(event.eventId, name: "Room \(room)", day: 10 + room, capacity: 20)
                types.append(
                    try await fixture.addTicketType(
                        event.eventId, name: "Room \(room)", sessions: ["S\(room)"], price: 10
                    )
                    .ticketTypeId)
            }
            try await fixture.publish(event.eventId)
            let requests = (0..<12).map { index in
                RaceRequest(
                    .post, "/api/holds", headers: [.cartToken: "one-buyer", .xForwardedFor: "10.1.0.\(index)"],
                    json: ["ticketTypeId": .string(types[index % 4].uuidString), "quantity": 1] as [String: JSONValue])
            }
            let results = try await app.race(requests)
            #expect(results.filter { $0.status == .created }.count == 4, "\(results.map(\.status.code))")
            #expect(results.filter { $0.status == .conflict }.allSatisfy { $0.body.contains("BUYER_LIMIT") })
        }
    }

    /// Across instances: one buyer racing through two apps on one PostgreSQL still gets exactly the limit, since the
    /// decision is made on rows of the database, not in either process.
    @Test func oneBuyerRacingThroughTwoInstancesGetsTheLimitExactly() async throws {
        guard TestDatabase.all.contains(.postgres) else { return }
        try await withTwoApps(.postgres, testing: .live, configure: Self.limited) { one, two in
            let fixture = try await CatalogFixture.make(one)
            let event = try await fixture.createEvent("Two doors")
            var types: [UUID] = []
            for room in 1...4 {
                try await fixture.addSession(event.eventId, name: "Room \(room)", day: 10 + room, capacity: 20)
                types.append(
                    try await fixture.addTicketType(
                        event.eventId, name: "Room \(room)", sessions: ["S\(room)"], price: 10
                    )
                    .ticketTypeId)
            }
            try await fixture.publish(event.eventId)
            let rooms = types
            let requests: @Sendable (Int) -> [RaceRequest] = { offset in
                (0..<6).map { index in
                    RaceRequest(
                        .post, "/api/holds",
                        headers: [.cartToken: "one-buyer", .xForwardedFor: "10.2.\(offset).\(index)"],
                        json: ["ticketTypeId": .string(rooms[(index + offset) % 4].uuidString), "quantity": 1]
                            as [String: JSONValue])
                }
            }
            let firstRequests = requests(0)
            let secondRequests = requests(1)
            async let first = one.race(firstRequests)
            async let second = two.race(secondRequests)
            let results = try await first + second
            #expect(results.filter { $0.status == .created }.count == 4, "\(results.map(\.status.code))")
            #expect(results.filter { $0.status != .created }.allSatisfy { $0.body.contains("BUYER_LIMIT") })
        }
    }
}
