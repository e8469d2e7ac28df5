import Foundation
import HTTPCore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

/// A NUL in text was a 500 on PostgreSQL and, on SQLite, a second account shown as someone else's (stored whole, read
/// back cut). Control characters are refused wherever text arrives, with the field named; emails are normalised.
@Suite struct ControlCharacterTests {
    @Test(arguments: TestDatabase.all)
    func controlCharactersAreRefusedByName(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let search = try await app.client.send(.get, "/api/events?q=a%00b")
            #expect(search.status == .badRequest)
            #expect(try search.json()["error"]?["details"]?["fields"]?["q"] != nil)

            _ = try await app.signUp("demo-owner@example.org")
            let twin = try await app.client.send(
                .post, "/api/auth/register",
                json: [
                    "email": "demo-owner@example.org\u{0}x", "password": TestApp.password, "displayName": "Twin\u{7}",
                ])
            #expect(twin.status == .badRequest)
            let fields = try twin.json()["error"]?["details"]?["fields"]
            #expect(fields?["email"] != nil && fields?["displayName"] != nil, "\(twin.text)")
            let users = try await app.store.sql().raw("SELECT COUNT(*) AS n FROM users").first()?.decode(
                column: "n", as: Int.self)
            #expect(users == 1, "nothing written")

            // Tabs and newlines are text like any other.
            let notes = try await app.client.send(
                .post, "/api/auth/register",
                json: ["email": "tabs@example.org", "password": TestApp.password, "displayName": "Tab\there"])
            #expect(notes.status == .accepted)
        }
    }

    @Test(arguments: TestDatabase.all)
    func emailsAreOneAddressHoweverTheyAreSpelled(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            // "é" precomposed, then as "e" and a combining accent: the same address after NFC.
            let first = try await app.client.send(
                .post, "/api/auth/register", json: ["email": "  Ren\u{E9}@Example.org ", "password": TestApp.password])
            #expect(first.status == .accepted)
            let again = try await app.client.send(
                .post, "/api/auth/register", json: ["email": "rene\u{301}@example.ORG", "password": TestApp.password])
            #expect(again.status == .accepted, "\(again.text)")
            let users = try await app.store.sql().raw("SELECT email FROM users").all().map {
                try $0.decode(column: "email", as: String.self)
            }
            #expect(users == ["ren\u{E9}@example.org"], "one account: the second spelling is the same address")
        }
    }

    /// A session in year 0000 (no year of the calendar) is refused, naming the field.
    @Test func implausibleDatesAreRefusedByName() async throws {
        try await withApp { app in
            let fixture = try await CatalogFixture.make(app)
            let event = try await fixture.createEvent("Time travel")
            for (start, end) in [
                ("0000-01-01T10:00:00Z", "0000-01-01T12:00:00Z"), ("2031-01-01T10:00:00Z", "0000-01-01T12:00:00Z"),
            ] {
                let response = try await app.client.send(
                    .post, "/api/events/\(event.eventId)/sessions", headers: fixture.headers,
                    json: ["sessionName": "Night", "startsAt": .string(start), "endsAt": .string(end), "capacity": 10]
                        as [String: JSONValue])
                #expect(response.status == .badRequest, "\(start)…\(end): \(response.text)")
                let fields = try response.json()["error"]?["details"]?["fields"]
                #expect(fields?["startsAt"] != nil || fields?["endsAt"] != nil)
            }
        }
    }
}

/// RFC 3339 date-times as the API reads them: any offset RFC 3339 allows (Foundation's parser refuses past ±18:00),
/// lowercase separators, fractions; no impossible day and no year 0000.
@Suite struct RFC3339Tests {
    @Test func validDateTimesParse() throws {
        #expect(ISO8601Instant.parse("2026-06-01T12:00:00Z")?.timeIntervalSince1970 == 1_780_315_200)
        #expect(ISO8601Instant.parse("2026-06-01t14:00:00.5+02:00")?.timeIntervalSince1970 == 1_780_315_200.5)
        #expect(
            ISO8601Instant.parse("2026-06-01T12:00:00-20:26").map { Int($0.timeIntervalSince1970) } == 1_780_388_760)
        #expect(ISO8601Instant.parse("2024-02-29T00:00:00Z") != nil)
        #expect(
            ISO8601Instant.parse("0001-01-01T00:00:00Z") != nil && ISO8601Instant.parse("9999-12-31T23:59:60Z") != nil)
        let now = Date(timeIntervalSince1970: 1_780_315_200)
        #expect(ISO8601Instant.parse(ISO8601Instant.string(now)) == now)
    }

    @Test func impossibleDateTimesDoNot() {
        for text in [
            "0000-01-01T00:00:00Z", "2023-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-06-31T00:00:00Z",
            "2026-06-01T24:00:00Z", "2026-06-01T12:60:00Z", "2026-06-01T12:00:00", "2026-06-01T12:00:00+24:00",
            "2026-06-01 12:00:00Z", "2026-06-01T12:00:00.Z", "2026-06-01T12:00:00Zjunk", "",
        ] {
            #expect(ISO8601Instant.parse(text) == nil, "\(text)")
        }
    }
}

/// A body the typed decoder reads but the generic one cannot (an unknown field holding a number no Double holds) is
/// refused, not waved through unchecked: the unknown-field and control-character checks fail closed.
@Suite struct UncheckableBodyTests {
    @Test func aBodyThatCannotBeCheckedIsRefused() async throws {
        try await withApp { app in
            let response = try await app.client.send(
                .post, "/api/auth/login", headers: [.contentType: "application/json"],
                raw: #"{"email":"a@example.org","password":"whatever-1","huge":1e400,"name":"a\u0000b"}"#)
            #expect(response.status == .badRequest)
            #expect(response.errorCode == "VALIDATION_FAILED")
        }
    }
}
