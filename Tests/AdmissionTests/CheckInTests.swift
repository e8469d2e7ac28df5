import Admission
import BoxOfficeApp
import Foundation
import HTTPCore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Orders
import TestSupport
import Testing

@Suite struct CheckInTests {
    @Test(arguments: TestDatabase.all)
    func aTicketOpensEachOfItsSessionsOnceAndEveryRefusalHasItsCode(_ database: TestDatabase) async throws {
        let validator = OpenAPIValidator(document: BoxOffice.documentation)
        try await withApp(database, configure: AdmissionFixture.configure) { app in
            let f = try await AdmissionFixture.make(app)
            let order = try await f.buy(f.both)
            let pass = try await f.pass(order.tickets[0].ticketId)
            #expect(!pass.signed && pass.qrText.count == 43)

            // Too early: the window opens 120 minutes before the session's start.
            app.clock.set(f.start(1).addingTimeInterval(-121 * 60))
            let early = try await f.scan(pass.qrText, as: f.organizer)
            #expect(early.status == .unprocessableContent && errorCode(early) == "OUTSIDE_CHECKIN_WINDOW")

            app.clock.set(f.start(1).addingTimeInterval(-30 * 60))
            let first = try await f.scan(pass.qrText, as: f.organizer, gate: "A")
            #expect(first.status == .ok)
            let admitted = try first.decode(CheckinDTO.self)
            #expect(
                admitted.sessionCode == "S1" && admitted.gate == "A" && admitted.attendee?.email == "guest@example.org")
            // The session's UUID is answered as sessionUuid (the catalog's sessionId is the code S1); the UUID's old
            // name stays beside it.
            let answered = try first.json()
            #expect(answered["sessionUuid"]?.stringValue == admitted.sessionId.uuidString)
            #expect(answered["sessionId"] == answered["sessionUuid"])
            #expect(
                validator.validateResponse(try first.json(), method: "POST", path: "/api/checkin", status: 200).isEmpty)

            let again = try await f.scan(pass.qrText, as: f.organizer, gate: "B")
            #expect(again.status == .conflict && errorCode(again) == "ALREADY_CHECKED_IN")
            #expect(errorDetails(again)["gate"] as? String == "A")
            #expect(
                validator.validateResponse(try again.json(), method: "POST", path: "/api/checkin", status: 409).isEmpty)

            let otherSession = try await f.scan(pass.qrText, as: f.organizer, session: "S2")
            #expect(otherSession.status == .unprocessableContent && errorCode(otherSession) == "OUTSIDE_CHECKIN_WINDOW")
            app.clock.set(f.start(2))
            #expect(try await f.scan(pass.qrText, as: f.organizer, session: "S2").status == .ok)

            let dayOnly = try await f.buy(f.dayOne)
            let wrongSession = try await f.scan(
                try await f.pass(dayOnly.tickets[0].ticketId).qrText, as: f.organizer, session: "S2")
            #expect(wrongSession.status == .unprocessableContent && errorCode(wrongSession) == "WRONG_SESSION")

            let unknown = try await f.scan("not-a-ticket-secret-at-all-0000000000000000", as: f.organizer)
            #expect(unknown.status == .notFound && errorCode(unknown) == "INVALID_TICKET")

            // An unpaid order's ticket: no pass for the holder, and refused at the door by ID.
            let pending = try await f.buy(f.paid)
            let noPass = try await app.client.send(
                .get, "/api/tickets/\(pending.tickets[0].ticketId)/pass", headers: f.buyer.bearer)
            #expect(noPass.status == .conflict && errorCode(noPass) == "NOT_PAID")
            app.clock.set(f.start(1))
            let unpaid = try await app.client.send(
                .put, "/api/tickets/\(pending.tickets[0].ticketId)/checkin", headers: f.organizer,
                json: [String: String]())
            #expect(unpaid.status == .conflict && errorCode(unpaid) == "NOT_PAID")

            // A cancelled ticket.
            let cancelledOrder = try await f.buy(f.dayOne)
            let cancelledSecret = try await f.pass(cancelledOrder.tickets[0].ticketId).qrText
            app.clock.set(TestClock.t0)
            #expect(
                try await app.client.send(
                    .put, "/api/tickets/\(cancelledOrder.tickets[0].ticketId)/cancel", headers: f.buyer.bearer
                ).status == .ok)
            app.clock.set(f.start(1))
            let cancelled = try await f.scan(cancelledSecret, as: f.organizer)
            #expect(cancelled.status == .conflict && errorCode(cancelled) == "CANCELLED")

            // A ticket of this event at another event's kiosk.
            let other = try await f.catalog.createEvent("Other event")
            let elsewhere = try await f.kiosk(other.eventId, station: "Other door")
            let wrongEvent = try await f.scan(
                try await f.pass(dayOnly.tickets[0].ticketId).qrText, as: bearer(elsewhere.token!))
            #expect(wrongEvent.status == .unprocessableContent && errorCode(wrongEvent) == "WRONG_EVENT")

            // Someone who is not staff of the event.
            let stranger = try await app.signUp("stranger@example.org")
            #expect(
                try await f.scan(try await f.pass(dayOnly.tickets[0].ticketId).qrText, as: stranger.bearer).status
                    == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.all)
    func theSameNonceAdmitsOnceAndAnswersTheSame(_ database: TestDatabase) async throws {
        try await withApp(database, configure: AdmissionFixture.configure) { app in
            let f = try await AdmissionFixture.make(app)
            let secret = try await f.pass(try await f.buy(f.dayOne).tickets[0].ticketId).qrText
            app.clock.set(f.start(1))
            let first = try await f.scan(secret, as: f.organizer, gate: "A", nonce: "scan-1").decode(CheckinDTO.self)
            let retry = try await f.scan(secret, as: f.organizer, gate: "A", nonce: "scan-1")
            #expect(retry.status == .ok)
            let replayed = try retry.decode(CheckinDTO.self)
            #expect(replayed.checkinId == first.checkinId && replayed.replayed && !first.replayed)
            #expect(try await f.scan(secret, as: f.organizer, nonce: "scan-2").status == .conflict)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aSupervisorUndoesACheckInAndItIsAudited(_ database: TestDatabase) async throws {
        try await withApp(database, configure: AdmissionFixture.configure) { app in
            let f = try await AdmissionFixture.make(app)
            let secret = try await f.pass(try await f.buy(f.dayOne).tickets[0].ticketId).qrText
            app.clock.set(f.start(1))
            let admitted = try await f.scan(secret, as: f.organizer).decode(CheckinDTO.self)
            let kiosk = try await f.kiosk()
            #expect(
                try await app.client.send(.delete, "/api/checkins/\(admitted.checkinId)", headers: bearer(kiosk.token!))
                    .status == .forbidden)
            #expect(
                try await app.client.send(.delete, "/api/checkins/\(admitted.checkinId)", headers: f.organizer).status
                    == .noContent)
            #expect(
                try await app.client.send(.delete, "/api/checkins/\(admitted.checkinId)", headers: f.organizer).status
                    == .notFound)
            #expect(try await f.scan(secret, as: f.organizer).status == .ok)
            let audit = try await app.client.send(
                .get, "/api/admin/audit-logs?organizationId=\(f.catalog.organization.organizationId)",
                headers: f.organizer)
            #expect(audit.text.contains("checkin.undone"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func qrImagesDecodeToThePassWithAnOutsideDecoder(_ database: TestDatabase) async throws {
        try await withApp(database, configure: AdmissionFixture.configure) { app in
            let f = try await AdmissionFixture.make(app)
            let ticket = try await f.buy(f.dayOne).tickets[0].ticketId
            let pass = try await f.pass(ticket)
            let png = try await app.client.send(.get, "/api/tickets/\(ticket)/qr.png", headers: f.buyer.bearer)
            #expect(png.status == .ok && png.headers[.contentType] == "image/png")
            #expect(try ZBar.decode(Data(buffer: png.body), suffix: "png") == pass.qrText)
            let svg = try await app.client.send(.get, "/api/tickets/\(ticket)/qr.svg", headers: f.buyer.bearer)
            #expect(svg.headers[.contentType] == "image/svg+xml")
            #expect(try ZBar.decode(try ZBar.rasterize(svg: svg.text), suffix: "png") == pass.qrText)
            // Nobody else sees it.
            let stranger = try await app.signUp("stranger@example.org")
            #expect(
                try await app.client.send(.get, "/api/tickets/\(ticket)/qr.png", headers: stranger.bearer).status
                    == .notFound)
            #expect(try await app.client.send(.get, "/api/tickets/\(ticket)/qr.png").status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aGuestSeesTheirCodeWithTheOrderToken(_ database: TestDatabase) async throws {
        try await withApp(database, configure: AdmissionFixture.configure) { app in
            let f = try await AdmissionFixture.make(app)
            let created = try await app.client.send(
                .post, "/api/orders",
                json: [
                    "ticketTypeId": .string(f.dayOne.ticketTypeId.uuidString), "quantity": 1, "buyerName": "Guest",
                    "buyerEmail": "g@example.org",
                ] as [String: JSONValue]
            ).decode(OrderDTO.self)
            let token = try #require(created.accessToken)
            let response = try await app.client.send(
                .get, "/api/tickets/\(created.tickets[0].ticketId)/qr.svg?orderToken=\(token)")
            #expect(response.status == .ok)
            #expect(
                try await app.client.send(
                    .get, "/api/tickets/\(created.tickets[0].ticketId)/pass",
                    headers: [HTTPField.Name("X-Order-Token")!: token]
                ).status == .ok)
        }
    }
}

extension Data {
    init(buffer: ByteBuffer) { self.init(buffer.readableBytesView) }
}
