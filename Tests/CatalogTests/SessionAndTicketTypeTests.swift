import Catalog
import FluentKit
import Foundation
import HTTPCore
import HTTPTypes
import HummingbirdTesting
import Persistence
import TestSupport
import Testing

@Suite struct SessionTests {
    @Test(arguments: TestDatabase.all)
    func sessionsAreNumberedAndNumbersAreNeverReused(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let event = try await fixture.createEvent()
            let codes = try await (1...3).asyncMap {
                try await fixture.addSession(event.eventId, name: "Day \($0)", day: $0, capacity: 10).sessionId
            }
            #expect(codes == ["S1", "S2", "S3"])
            #expect(
                try await app.client.send(.delete, "/api/events/\(event.eventId)/sessions/S3", headers: fixture.headers)
                    .status == .noContent)
            let next = try await fixture.addSession(event.eventId, name: "Replacement", day: 4, capacity: 10)
            #expect(next.sessionId == "S4")
            let list = try await app.client.send(
                .get, "/api/events/\(event.eventId)/sessions", headers: fixture.headers
            ).decode(SessionListDTO.self)
            #expect(list.sessions.map(\.sessionId) == ["S1", "S2", "S4"])

            let details = try await app.client.send(.get, "/api/events/\(event.eventId)", headers: fixture.headers)
                .decode(EventDetailsDTO.self)
            #expect(details.startDate == list.sessions.first?.startsAt, "the event starts with its first session")
            #expect(details.endDate == list.sessions.last?.endsAt)
            #expect(list.sessions.first?.startTime == "18:00:00" && list.sessions.first?.endTime == "21:00:00")
        }
    }

    @Test(arguments: TestDatabase.all)
    func badSessionsAreRefusedByField(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let event = try await fixture.createEvent()
            let path = "/api/events/\(event.eventId)/sessions"
            let backwards = try await app.client.send(
                .post, path, headers: fixture.headers,
                json: [
                    "sessionName": "Backwards", "startsAt": .string(CatalogFixture.day(2, hour: 20)),
                    "endsAt": .string(CatalogFixture.day(2, hour: 18)), "capacity": 10,
                ] as [String: JSONValue])
            #expect(try backwards.json()["error"]?["details"]?["fields"]?["endsAt"] == "must be after startsAt")
            // Below one is the document's rule (400); above the installation's SESSION_CAPACITY_MAX (500 here) the
            // server's (422).
            for (capacity, status, problem) in [
                (0, HTTPResponse.Status.badRequest, "must be from 1 to 1000000"),
                (501, .unprocessableContent, "must be at most 500, this installation's largest session"),
            ] {
                let response = try await app.client.send(
                    .post, path, headers: fixture.headers,
                    json: [
                        "sessionName": "Day", "startsAt": .string(CatalogFixture.day(2)),
                        "endsAt": .string(CatalogFixture.day(2, hour: 21)),
                        "capacity": .int(capacity),
                    ] as [String: JSONValue])
                #expect(response.status == status)
                #expect(try response.json()["error"]?["details"]?["fields"]?["capacity"]?.stringValue == problem)
            }
            #expect(try await SessionRecord.query(on: app.store.database()).count() == 0)
            let unknown = try await app.client.send(.put, "\(path)/S9", headers: fixture.headers, json: ["capacity": 5])
            #expect(unknown.errorCode == "SESSION_NOT_FOUND")
        }
    }

    /// The installation sets how large a session may be (SESSION_CAPACITY_MAX); the document states no maximum of its
    /// own, so an installation that allows 5,000 places takes 4,000.
    @Test(arguments: TestDatabase.all)
    func theInstallationSetsTheLargestSession(_ database: TestDatabase) async throws {
        try await withApp(database, configure: { $0.catalog.maximumSessionCapacity = 5000 }) { app in
            let fixture = try await CatalogFixture.make(app)
            let event = try await fixture.createEvent()
            func session(_ capacity: Int) async throws -> TestResponse {
                try await app.client.send(
                    .post, "/api/events/\(event.eventId)/sessions", headers: fixture.headers,
                    json: [
                        "sessionName": "Big night", "startsAt": .string(CatalogFixture.day(2)),
                        "endsAt": .string(CatalogFixture.day(2, hour: 21)), "capacity": .int(capacity),
                    ] as [String: JSONValue])
            }
            #expect(try await session(4000).status == .created)
            let tooLarge = try await session(5001)
            #expect(tooLarge.status == .unprocessableContent)
            #expect(
                try tooLarge.json()["error"]?["details"]?["fields"]?["capacity"]
                    == "must be at most 5000, this installation's largest session")
        }
    }

    @Test(arguments: TestDatabase.all)
    func capacityNeverFallsBelowSoldAndHeld(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let (event, _, _, _) = try await fixture.workshop()
            try await fixture.setCounters(session: "S2", of: event.eventId, sold: 12, held: 3)
            let path = "/api/events/\(event.eventId)/sessions/S2"
            let refused = try await app.client.send(.put, path, headers: fixture.headers, json: ["capacity": 14])
            #expect(refused.status == .conflict)
            #expect(refused.errorCode == "CAPACITY_BELOW_SOLD")
            #expect(try refused.json()["error"]?["details"] == ["sessionId": "S2", "sold": 12, "held": 3])
            let allowed = try await app.client.send(.put, path, headers: fixture.headers, json: ["capacity": 15])
            #expect(try allowed.decode(SessionDTO.self).availableSpots == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func sessionsInUseOrSoldCannotBeDeleted(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let (event, _, _, _) = try await fixture.workshop()
            let inUse = try await app.client.send(
                .delete, "/api/events/\(event.eventId)/sessions/S1", headers: fixture.headers)
            #expect(inUse.errorCode == "SESSION_IN_USE")
            let extra = try await fixture.addSession(event.eventId, name: "Bonus", day: 13, capacity: 5)
            try await fixture.setCounters(session: extra.sessionId, of: event.eventId, sold: 0, held: 1)
            let held = try await app.client.send(
                .delete, "/api/events/\(event.eventId)/sessions/\(extra.sessionId)", headers: fixture.headers)
            #expect(held.errorCode == "SESSION_HAS_REGISTRATIONS")
        }
    }

    @Test(arguments: TestDatabase.all)
    func theDatabaseRefusesAnOversellEvenFromSQL(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let (event, _, _, _) = try await fixture.workshop()
            await #expect(throws: (any Error).self, "sold + held <= capacity is a CHECK constraint") {
                try await fixture.setCounters(session: "S1", of: event.eventId, sold: 20, held: 1)
            }
            await #expect(throws: (any Error).self) {
                try await fixture.setCounters(session: "S1", of: event.eventId, sold: -1)
            }
        }
    }
}

@Suite struct TicketTypeTests {
    @Test(arguments: TestDatabase.all)
    func pricesAreMinorUnitsInsideAndDecimalsOutside(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let event = try await fixture.createEvent()
            try await fixture.addSession(event.eventId, name: "Day", day: 3, capacity: 10)
            let type = try await fixture.addTicketType(event.eventId, name: "Standard", sessions: ["S1"], price: 120.10)
            #expect(type.priceMinor == 12010)
            #expect(type.price == Decimal(string: "120.1"))
            #expect(type.currency == "EUR")
            #expect(type.maxQuantity == 10, "ten per order unless set lower")
            #expect(type.includedSessions == ["S1"])
        }
    }

    @Test(arguments: TestDatabase.all)
    func badTicketTypesAreRefusedByField(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let event = try await fixture.createEvent()
            try await fixture.addSession(event.eventId, name: "Day", day: 3, capacity: 10)
            let other = try await fixture.createEvent("Another event")
            try await fixture.addSession(other.eventId, name: "Elsewhere", day: 5, capacity: 10)
            let path = "/api/events/\(event.eventId)/ticket-types"

            let bad = try await app.client.send(
                .post, path, headers: fixture.headers,
                json: [
                    "name": "", "includedSessions": [], "price": -5, "maxQuantity": 11,
                    "salesStartDate": .string(CatalogFixture.day(9)),
                    "salesEndDate": .string(CatalogFixture.day(8)), "quantityLimit": 0, "memberPrice": 1.234,
                ] as [String: JSONValue])
            #expect(bad.status == .badRequest)
            let fields = Set(try bad.json()["error"]?["details"]?["fields"]?.objectValue?.keys.map { $0 } ?? [])
            #expect(fields == ["name", "includedSessions", "price", "maxQuantity", "quantityLimit"])
            // Well formed but contradicting itself or the event (an end before its start, more decimals than the
            // event's currency has): 422, the fields named.
            let contradictory = try await app.client.send(
                .post, path, headers: fixture.headers,
                json: [
                    "name": "Late", "includedSessions": ["S1"], "price": 10, "memberPrice": 1.234,
                    "salesStartDate": .string(CatalogFixture.day(9)), "salesEndDate": .string(CatalogFixture.day(8)),
                ] as [String: JSONValue])
            #expect(contradictory.status == .unprocessableContent)
            #expect(try contradictory.json()["error"]?["details"]?["fields"]?["memberPrice"] != nil)

            // S2 exists only in the other event: sessions of another event are unknown here.
            let foreign = try await app.client.send(
                .post, path, headers: fixture.headers,
                json: [
                    "name": "Mixed", "includedSessions": ["S1", "S2"], "price": 10,
                    "salesEndDate": .string(CatalogFixture.day(8)),
                ] as [String: JSONValue])
            #expect(foreign.status == .unprocessableContent)
            #expect(
                try foreign.json()["error"]?["details"]?["fields"]?["includedSessions"]?.stringValue?.contains("S2")
                    == true)
            #expect(try await TicketTypeRecord.query(on: app.store.database()).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func soldTicketTypesKeepTheirSessionsAndCannotBeDeleted(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let (event, full, day1, _) = try await fixture.workshop()
            let path = "/api/events/\(event.eventId)/ticket-types"
            let moved = try await app.client.send(
                .put, "\(path)/\(day1.ticketTypeId)", headers: fixture.headers, json: ["includedSessions": ["S2"]])
            #expect(try moved.decode(TicketTypeDTO.self).includedSessions == ["S2"], "unsold: sessions may change")

            try await fixture.setCounters(ticketType: full.ticketTypeId, sold: 2)
            let locked = try await app.client.send(
                .put, "\(path)/\(full.ticketTypeId)", headers: fixture.headers, json: ["includedSessions": ["S1"]])
            #expect(locked.errorCode == "SESSIONS_LOCKED")
            let renamed = try await app.client.send(
                .put, "\(path)/\(full.ticketTypeId)", headers: fixture.headers, json: ["name": "Whole series"])
            #expect(try renamed.decode(TicketTypeDTO.self).name == "Whole series", "other fields still change")
            let limit = try await app.client.send(
                .put, "\(path)/\(full.ticketTypeId)", headers: fixture.headers, json: ["quantityLimit": 1])
            #expect(limit.errorCode == "LIMIT_BELOW_SOLD")
            let deleted = try await app.client.send(.delete, "\(path)/\(full.ticketTypeId)", headers: fixture.headers)
            #expect(deleted.errorCode == "TICKET_TYPE_HAS_SALES")
            #expect(
                try await app.client.send(.delete, "\(path)/\(day1.ticketTypeId)", headers: fixture.headers).status
                    == .noContent)
        }
    }

    @Test(arguments: TestDatabase.all)
    func hiddenTicketTypesAreForInsidersOnly(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let (event, _, day1, _) = try await fixture.workshop()
            _ = try await app.client.send(
                .put, "/api/events/\(event.eventId)/ticket-types/\(day1.ticketTypeId)", headers: fixture.headers,
                json: ["isHidden": true])
            let publicList = try await app.client.send(.get, "/api/events/\(event.eventId)/ticket-types").decode(
                TicketTypeListDTO.self)
            #expect(!publicList.ticketTypes.map(\.ticketTypeId).contains(day1.ticketTypeId))
            let aliasList = try await app.client.send(.get, "/api/events/\(event.eventId)/tickets").decode(
                TicketTypeListDTO.self)
            #expect(aliasList.ticketTypes.count == 2)
            let insiders = try await app.client.send(
                .get, "/api/events/\(event.eventId)/ticket-types", headers: fixture.headers
            )
            .decode(TicketTypeListDTO.self)
            #expect(insiders.ticketTypes.count == 3)
            #expect(
                try await app.client.send(.get, "/api/ticket-types/\(day1.ticketTypeId)/availability").status
                    == .notFound)
        }
    }
}

extension Sequence {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
