import Admission
import BoxOfficeApp
import Foundation
import HTTPCore
import HTTPTypes
import HummingbirdTesting
import TestSupport
import Testing

/// Real answers of the door routes against the schemas of the OpenAPI document.
@Suite struct AdmissionContractTests {
    @Test(arguments: TestDatabase.all)
    func responsesMatchTheDocument(_ database: TestDatabase) async throws {
        let validator = OpenAPIValidator(document: BoxOffice.documentation)
        try await withApp(database, configure: AdmissionFixture.configure) { app in
            let f = try await AdmissionFixture.make(app)
            let event = f.event.eventId
            func check(_ response: TestResponse, _ method: String, _ path: String, _ status: Int) throws {
                #expect(response.status.code == status, "\(method) \(path): \(response.text)")
                let problems = validator.validateResponse(
                    try response.json(), method: method, path: path, status: status)
                #expect(problems.isEmpty, "\(method) \(path): \(problems)")
            }
            try check(
                try await app.client.send(
                    .put, "/api/events/\(event)/door-settings", headers: f.organizer, json: ["signedTickets": true]),
                "PUT", "/api/events/{eventId}/door-settings", 200)
            try check(
                try await app.client.send(.get, "/api/events/\(event)/door-settings", headers: f.organizer),
                "GET", "/api/events/{eventId}/door-settings", 200)
            let ticket = try await f.buy(f.both).tickets[0].ticketId
            try check(
                try await app.client.send(.get, "/api/tickets/\(ticket)/pass", headers: f.buyer.bearer), "GET",
                "/api/tickets/{ticketId}/pass", 200)
            let pass = try await app.client.send(.post, "/api/tickets/\(ticket)/reissue", headers: f.buyer.bearer)
            try check(pass, "POST", "/api/tickets/{ticketId}/reissue", 200)
            app.clock.set(f.start(1))
            let created = try await app.client.send(
                .post, "/api/events/\(event)/kiosk-tokens", headers: f.organizer,
                json: ["stationName": "Desk", "capabilities": "scan_search"])
            try check(created, "POST", "/api/events/{eventId}/kiosk-tokens", 201)
            let kiosk = bearer(try created.decode(KioskTokenDTO.self).token!)
            try check(
                try await app.client.send(.get, "/api/events/\(event)/kiosk-tokens", headers: f.organizer),
                "GET", "/api/events/{eventId}/kiosk-tokens", 200)
            try check(try await app.client.send(.get, "/api/kiosk/me", headers: kiosk), "GET", "/api/kiosk/me", 200)
            try check(
                try await app.client.send(.get, "/api/kiosk/offline-bundle", headers: kiosk), "GET",
                "/api/kiosk/offline-bundle", 200)
            try check(
                try await app.client.send(.get, "/api/kiosk/attendees?q=guest", headers: kiosk), "GET",
                "/api/kiosk/attendees", 200)
            let qr = try pass.decode(TicketPassDTO.self).qrText
            try check(try await f.scan(qr, as: kiosk, session: "S9"), "POST", "/api/checkin", 422)
            let sync = try await app.client.send(
                .post, "/api/kiosk/sync", headers: kiosk,
                json: [
                    "scans": [
                        ["nonce": "a", "secret": .string(qr), "scannedAt": .string(ISO8601Instant.string(f.start(1)))],
                        ["nonce": "b", "secret": .string(qr), "scannedAt": .string(ISO8601Instant.string(f.start(1)))],
                        ["nonce": "c", "secret": "nothing", "scannedAt": .string(ISO8601Instant.string(f.start(1)))],
                    ]
                ] as [String: JSONValue])
            try check(sync, "POST", "/api/kiosk/sync", 200)
            #expect(
                try sync.decode(SyncResponseDTO.self).results.map(\.outcome) == ["admitted", "duplicate", "refused"])
            try check(
                try await app.client.send(.get, "/api/events/\(event)/checkins/stats", headers: f.organizer),
                "GET", "/api/events/{eventId}/checkins/stats", 200)
            try check(
                try await app.client.send(.get, "/api/events/\(event)/checkins/conflicts", headers: f.organizer),
                "GET", "/api/events/{eventId}/checkins/conflicts", 200)
            try check(
                try await app.client.send(
                    .put, "/api/tickets/\(ticket)/checkin", headers: kiosk, json: ["sessionId": "S1"]),
                "PUT", "/api/tickets/{ticketId}/checkin", 409)
        }
    }
}
