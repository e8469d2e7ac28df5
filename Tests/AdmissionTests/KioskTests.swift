import Admission
import Crypto
import Foundation
import HTTPCore
import HTTPTypes
import HummingbirdTesting
import Orders
import TestSupport
import Testing

@Suite struct KioskTests {
    @Test(arguments: TestDatabase.all)
    func aKioskTokenDoesCheckInWorkOnItsOwnEventAndNothingElse(_ database: TestDatabase) async throws {
        try await withApp(database, configure: AdmissionFixture.configure) { app in
            let f = try await AdmissionFixture.make(app)
            app.clock.set(f.start(1))
            let scanner = try await f.kiosk(station: "North door")
            #expect(
                scanner.token!.hasPrefix("kiosk_") && scanner.capabilities == "scan" && scanner.eventCode.count == 6)
            #expect(scanner.expiresAt == app.clock.now.addingTimeInterval(4 * 3600))
            let kiosk = bearer(scanner.token!)
            let other = try await f.catalog.createEvent("Other event")

            for (method, path) in [
                (HTTPRequest.Method.get, "/api/events"), (.get, "/api/auth/me"), (.get, "/api/orders"),
                (.get, "/api/events/\(f.event.eventId)"), (.get, "/api/events/\(f.event.eventId)/kiosk-tokens"),
                (.get, "/api/tickets/\(UUID())/pass"), (.get, "/api/events/\(f.event.eventId)/checkins/conflicts"),
            ] {
                let response = try await app.client.send(method, path, headers: kiosk)
                #expect(response.status == .forbidden, "\(path)")
            }
            #expect(
                try await app.client.send(
                    .post, "/api/orders", headers: kiosk,
                    json: ["ticketTypeId": f.dayOne.ticketTypeId.uuidString, "quantity": "1"]
                ).status == .forbidden)
            #expect(
                try await app.client.send(.get, "/api/events/\(f.event.eventId)/checkins/stats", headers: kiosk).status
                    == .ok)
            #expect(
                try await app.client.send(.get, "/api/events/\(other.eventId)/checkins/stats", headers: kiosk).status
                    == .forbidden)
            let me = try await app.client.send(.get, "/api/kiosk/me", headers: kiosk).decode(KioskSelfDTO.self)
            #expect(me.stationName == "North door" && me.eventId == f.event.eventId)

            // Scan only: no personal data, no search, no manual check-in.
            let order = try await f.buy(f.dayOne)
            let admitted = try await f.scan(try await f.pass(order.tickets[0].ticketId).qrText, as: kiosk).decode(
                CheckinDTO.self)
            #expect(admitted.attendee == nil && admitted.station == "North door")
            #expect(
                try await app.client.send(.get, "/api/kiosk/attendees?q=guest", headers: kiosk).status == .forbidden)
            #expect(
                try await app.client.send(
                    .put, "/api/tickets/\(order.tickets[0].ticketId)/checkin", headers: kiosk,
                    json: [String: String]()
                ).status == .forbidden)

            // Search kiosks see attendees and check in by hand.
            let desk = bearer(try await f.kiosk(station: "Help desk", capabilities: "scan_search").token!)
            let found = try await app.client.send(.get, "/api/kiosk/attendees?q=GUEST@", headers: desk).decode(
                AttendeeSearchDTO.self)
            #expect(found.attendees.count == 1 && found.attendees[0].checkedInSessionIds == [admitted.sessionId])
            let second = try await f.buy(f.dayOne)
            let manual = try await app.client.send(
                .put, "/api/tickets/\(second.tickets[0].ticketId)/checkin", headers: desk,
                json: ["gate": "Desk"])
            #expect(manual.status == .ok)
            #expect(try manual.decode(CheckinDTO.self).attendee?.email == "guest@example.org")

            // Every kiosk action is audited with its station.
            let audit = try await app.client.send(
                .get, "/api/admin/audit-logs?organizationId=\(f.catalog.organization.organizationId)",
                headers: f.organizer)
            #expect(
                audit.text.contains("North door") && audit.text.contains("Help desk")
                    && audit.text.contains("kiosk.search"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func aKioskTokenExpiresAndARevocationTakesEffectAtOnce(_ database: TestDatabase) async throws {
        try await withApp(database, configure: AdmissionFixture.configure) { app in
            let f = try await AdmissionFixture.make(app)
            let shortLived = try await f.kiosk(station: "Side door")
            let revoked = try await f.kiosk(station: "Back door")
            let tooLong = try await app.client.send(
                .post, "/api/events/\(f.event.eventId)/kiosk-tokens", headers: f.organizer,
                json: ["stationName": .string("Gate"), "expiresInMinutes": .int(9 * 60)] as [String: JSONValue])
            #expect(tooLong.status == .badRequest && tooLong.text.contains("expiresInMinutes"))

            #expect(try await app.client.send(.get, "/api/kiosk/me", headers: bearer(revoked.token!)).status == .ok)
            #expect(
                try await app.client.send(
                    .delete, "/api/events/\(f.event.eventId)/kiosk-tokens/\(revoked.kioskId)", headers: f.organizer
                )
                .status == .noContent)
            #expect(
                try await app.client.send(.get, "/api/kiosk/me", headers: bearer(revoked.token!)).status
                    == .unauthorized)

            app.clock.advance(by: 4 * 3600 - 1)
            #expect(try await app.client.send(.get, "/api/kiosk/me", headers: bearer(shortLived.token!)).status == .ok)
            app.clock.advance(by: 1)
            #expect(
                try await app.client.send(.get, "/api/kiosk/me", headers: bearer(shortLived.token!)).status
                    == .unauthorized)

            let list = try await app.client.send(
                .get, "/api/events/\(f.event.eventId)/kiosk-tokens", headers: f.organizer
            ).decode(KioskTokenListDTO.self)
            #expect(
                Set(list.kiosks.map(\.status)) == ["expired", "revoked"] && list.kiosks.allSatisfy { $0.token == nil })
        }
    }

    @Test(arguments: TestDatabase.all)
    func signedTicketsVerifyWithOnlyTheBundlesPublicKeyAndRevocationsReachTheKiosk(_ database: TestDatabase)
        async throws
    {
        try await withApp(database, configure: AdmissionFixture.configure) { app in
            let f = try await AdmissionFixture.make(app)
            let settings = try await app.client.send(
                .put, "/api/events/\(f.event.eventId)/door-settings", headers: f.organizer,
                json: ["signedTickets": true]
            ).decode(DoorSettingsDTO.self)
            #expect(settings.signedTickets && settings.publicKey != nil)
            let ticket = try await f.buy(f.both).tickets[0].ticketId
            let pass = try await f.pass(ticket)
            #expect(pass.signed && pass.qrText.hasPrefix("BOX1."))

            app.clock.set(f.start(1))
            let kiosk = bearer(try await f.kiosk().token!)
            let bundle = try await app.client.send(.get, "/api/kiosk/offline-bundle", headers: kiosk).decode(
                OfflineBundleDTO.self)
            #expect(
                bundle.signedTickets && bundle.sessions.map(\.sessionCode) == ["S1", "S2"] && bundle.tickets.isEmpty)
            #expect(bundle.sessions.map(\.sessionUuid) == bundle.sessions.map(\.sessionId))
            #expect(bundle.ticketTypes.allSatisfy { $0.sessionUuids == $0.sessionIds })
            let key = try #require(bundle.publicKey)
            // Verified as a kiosk would, from the documented format and the bundle alone.
            let read = try #require(OfflineVerifier(publicKey: key).read(pass.qrText))
            #expect(
                read.ticketID == ticket && read.eventID == f.event.eventId && read.version == 1
                    && read.sessions == [1, 2])
            var tampered = Array(pass.qrText)
            tampered[20] = tampered[20] == "A" ? "B" : "A"
            #expect(OfflineVerifier(publicKey: key).read(String(tampered)) == nil)

            let forged = try await f.scan(String(tampered), as: kiosk)
            #expect(forged.status == .notFound && errorCode(forged) == "INVALID_TICKET")

            // Reissue: the old code is revoked, on the server and in the bundle; the new one works.
            let reissued = try await app.client.send(.post, "/api/tickets/\(ticket)/reissue", headers: f.buyer.bearer)
                .decode(TicketPassDTO.self)
            #expect(reissued.version == 2 && reissued.qrText != pass.qrText)
            let old = try await f.scan(pass.qrText, as: kiosk)
            #expect(
                old.status == .notFound && errorCode(old) == "INVALID_TICKET"
                    && errorDetails(old)["reason"] as? String == "revoked")
            let after = try await app.client.send(.get, "/api/kiosk/offline-bundle", headers: kiosk).decode(
                OfflineBundleDTO.self)
            #expect(after.revoked.map(\.ticketId) == [ticket] && after.revoked[0].version == 1)
            #expect(
                OfflineVerifier(publicKey: key).read(pass.qrText) != nil,
                "the signature still holds: the revocation list is what stops it")
            #expect(try await f.scan(reissued.qrText, as: kiosk).status == .ok)
        }
    }

    @Test(arguments: TestDatabase.all)
    func cancelledTicketsAndOrdersReachTheRevocationList(_ database: TestDatabase) async throws {
        try await withApp(database, configure: AdmissionFixture.configure) { app in
            let f = try await AdmissionFixture.make(app)
            let single = try await f.buy(f.dayOne).tickets[0].ticketId
            let order = try await f.buy(f.both, quantity: 2)
            #expect(
                try await app.client.send(.put, "/api/tickets/\(single)/cancel", headers: f.buyer.bearer).status == .ok)
            #expect(
                try await app.client.send(
                    .put, "/api/admin/orders/\(order.orderId)/status", headers: f.organizer,
                    json: ["status": "cancelled"]
                ).status == .ok)
            app.clock.set(f.start(1))
            let kiosk = bearer(try await f.kiosk().token!)
            let bundle = try await app.client.send(.get, "/api/kiosk/offline-bundle", headers: kiosk).decode(
                OfflineBundleDTO.self)
            #expect(Set(bundle.revoked.map(\.ticketId)) == Set([single] + order.tickets.map(\.ticketId)))
            #expect(Set(bundle.revoked.map(\.reason)) == ["cancelled"] && bundle.tickets.isEmpty)
        }
    }

    @Test(arguments: TestDatabase.all)
    func anUnsignedTicketIsRevokedByReissueToo(_ database: TestDatabase) async throws {
        try await withApp(database, configure: AdmissionFixture.configure) { app in
            let f = try await AdmissionFixture.make(app)
            let ticket = try await f.buy(f.dayOne).tickets[0].ticketId
            let old = try await f.pass(ticket).qrText
            let new = try await app.client.send(.post, "/api/tickets/\(ticket)/reissue", headers: f.buyer.bearer)
                .decode(TicketPassDTO.self)
            app.clock.set(f.start(1))
            #expect(errorCode(try await f.scan(old, as: f.organizer)) == "INVALID_TICKET")
            #expect(try await f.scan(new.qrText, as: f.organizer).status == .ok)
        }
    }

    @Test(arguments: TestDatabase.all)
    func offlineScansSyncOnceAndDoubleAdmitsAreKeptForTheOrganizer(_ database: TestDatabase) async throws {
        try await withApp(database, configure: AdmissionFixture.configure) { app in
            let f = try await AdmissionFixture.make(app)
            let ticket = try await f.buy(f.dayOne).tickets[0].ticketId
            let secret = try await f.pass(ticket).qrText
            let at = f.start(1).addingTimeInterval(-600)
            app.clock.set(f.start(1).addingTimeInterval(3600))
            let north = bearer(try await f.kiosk(station: "North door").token!)
            let south = bearer(try await f.kiosk(station: "South door").token!)
            // Without signed tickets the kit carries the valid codes' hashes: the kiosk checks a scan by hashing it.
            let kit = try await app.client.send(.get, "/api/kiosk/offline-bundle", headers: north).decode(
                OfflineBundleDTO.self)
            let scannedHash = SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
            #expect(
                !kit.signedTickets && kit.tickets.map(\.secretHash) == [scannedHash]
                    && kit.tickets[0].ticketId == ticket)
            func upload(_ kiosk: HTTPFields, _ nonce: String, gate: String, offset: TimeInterval) async throws
                -> SyncResponseDTO
            {
                let body: [String: JSONValue] = [
                    "scans": [
                        [
                            "nonce": .string(nonce), "secret": .string(secret), "gate": .string(gate),
                            "scannedAt": .string(ISO8601Instant.string(at.addingTimeInterval(offset))),
                        ]
                    ]
                ]
                let response = try await app.client.send(.post, "/api/kiosk/sync", headers: kiosk, json: body)
                guard response.status == .ok else { throw TestSetupError("sync: \(response.status) \(response.text)") }
                return try response.decode(SyncResponseDTO.self)
            }
            #expect(try await upload(north, "n-1", gate: "North", offset: 0).results[0].outcome == "admitted")
            let double = try await upload(south, "s-1", gate: "South", offset: 60)
            #expect(double.results[0].outcome == "duplicate" && double.results[0].firstGate == "North")
            // Uploading again changes nothing.
            #expect(try await upload(north, "n-1", gate: "North", offset: 0).results[0].outcome == "admitted")
            #expect(try await upload(south, "s-1", gate: "South", offset: 60).results[0].outcome == "duplicate")

            let conflicts = try await app.client.send(
                .get, "/api/events/\(f.event.eventId)/checkins/conflicts", headers: f.organizer
            )
            .decode(ConflictListDTO.self)
            #expect(conflicts.conflicts.count == 1 && conflicts.conflicts[0].station == "South door")
            let stats = try await app.client.send(
                .get, "/api/events/\(f.event.eventId)/checkins/stats", headers: f.organizer
            ).decode(CheckinStatsDTO.self)
            #expect(stats.sessions.map(\.admitted) == [1, 0] && stats.sessions[0].sold == 1 && stats.doubleAdmits == 1)
            #expect(stats.gates.map(\.gate) == ["North"] && stats.gates.map(\.admitted) == [1])
            #expect(stats.intervals.map(\.startsAt) == [at] && stats.intervals.map(\.admitted) == [1])
            let bad = try await app.client.send(
                .post, "/api/kiosk/sync", headers: north, json: ["scans": [["secret": "x"]]] as [String: JSONValue])
            #expect(bad.status == .badRequest && bad.text.contains("scans[0].nonce"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func twoDoorsScanningTheSameTicketAtOnceAdmitItOnce(_ database: TestDatabase) async throws {
        let attempts = database == .postgres ? 40 : 12
        try await withApp(
            database, testing: .live,
            configure: {
                AdmissionFixture.configure(&$0)
                $0.database.connectionsPerEventLoop = 4
                $0.database.poolTimeoutSeconds = 120
            }
        ) { app in
            let f = try await AdmissionFixture.make(app)
            let secret = try await f.pass(try await f.buy(f.both).tickets[0].ticketId).qrText
            app.clock.set(f.start(1))
            let gates = [
                bearer(try await f.kiosk(station: "Gate A").token!),
                bearer(try await f.kiosk(station: "Gate B").token!),
            ]
            let results = try await app.race(
                (0..<attempts).map { index in
                    RaceRequest(
                        .post, "/api/checkin", headers: gates[index % 2],
                        json: ["secret": .string(secret), "gate": .string(index % 2 == 0 ? "A" : "B")]
                            as [String: JSONValue])
                })
            var admitted = 0
            var refused = 0
            for result in results {
                if result.status == .ok {
                    admitted += 1
                } else if result.status == .conflict, result.body.contains("ALREADY_CHECKED_IN") {
                    refused += 1
                }
            }
            #expect(admitted == 1 && refused == attempts - 1)
            let stats = try await app.client.send(
                .get, "/api/events/\(f.event.eventId)/checkins/stats", headers: f.organizer
            ).decode(CheckinStatsDTO.self)
            #expect(stats.sessions.map(\.admitted) == [1, 0])
        }
    }
}

/// A kiosk's offline check of a signed ticket, written from the format in docs/checkin.md with nothing of the server's code.
struct OfflineVerifier {
    let publicKey: String

    struct Reading: Equatable {
        var ticketID: UUID, eventID: UUID, ticketTypeID: UUID, version: Int, sessions: [Int]
    }

    func read(_ text: String) -> Reading? {
        guard text.hasPrefix("BOX1."), let bytes = base64url(String(text.dropFirst(5))), bytes.count > 64,
            let keyBytes = base64url(publicKey),
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: keyBytes)
        else { return nil }
        let payload = bytes.prefix(bytes.count - 64)
        let signature = bytes.suffix(64)
        guard key.isValidSignature(signature, for: payload) else { return nil }
        let p = [UInt8](payload)
        func uuid(_ at: Int) -> UUID {
            UUID(
                uuid: (
                    p[at], p[at + 1], p[at + 2], p[at + 3], p[at + 4], p[at + 5], p[at + 6], p[at + 7], p[at + 8],
                    p[at + 9], p[at + 10], p[at + 11], p[at + 12], p[at + 13], p[at + 14], p[at + 15]
                ))
        }
        let count = Int(p[53])
        return Reading(
            ticketID: uuid(1), eventID: uuid(17), ticketTypeID: uuid(33),
            version: Int(p[49]) << 24 | Int(p[50]) << 16 | Int(p[51]) << 8 | Int(p[52]),
            sessions: (0..<count).map { Int(p[54 + 2 * $0]) << 8 | Int(p[55 + 2 * $0]) })
    }

    private func base64url(_ text: String) -> Data? {
        var s = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        s += String(repeating: "=", count: (4 - s.count % 4) % 4)
        return Data(base64Encoded: s)
    }
}
