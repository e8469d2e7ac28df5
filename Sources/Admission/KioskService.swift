import Audit
import Domain
import FluentKit
import Foundation
import HTTPCore
import Identity
import Persistence
import SQLKit
import WireTypes

/// What a kiosk does besides scanning: know itself, take the offline kit, search attendees, upload offline scans.
struct KioskService: Sendable {
    let store: DatabaseStore
    let checkIn: CheckInService
    let audit = AuditTrail()

    static let maximumScansPerUpload = 500

    func me(_ kiosk: KioskIdentity) async throws -> KioskSelfDTO {
        let db = store.database()
        guard let event = try await EventRecord.find(kiosk.eventID, on: db) else { throw AdmissionError.eventNotFound }
        return KioskSelfDTO(
            kioskId: kiosk.id, stationName: kiosk.stationName, eventId: kiosk.eventID, eventTitle: event.title,
            eventCode: try await DoorManagementService.doorCode(kiosk.eventID, on: db),
            capabilities: kiosk.canSearch ? "scan_search" : "scan",
            expiresAt: kiosk.expiresAt)
    }

    func offlineBundle(_ kiosk: KioskIdentity, now: Date, meta: RequestMetadata) async throws -> OfflineBundleDTO {
        let db = store.database()
        let sql = db.sql
        guard let event = try await EventRecord.find(kiosk.eventID, on: db) else { throw AdmissionError.eventNotFound }
        let settings = try await DoorManagementService.settings(kiosk.eventID, on: db)
        let opens = TimeInterval(settings.checkinOpensMinutesBefore * 60)
        let closes = TimeInterval(settings.checkinClosesMinutesAfter * 60)
        let sessions = try await SessionRecord.query(on: db).filter(\.$eventID == kiosk.eventID).sort(\.$number).all()
            .map { session in
                OfflineSessionDTO(
                    sessionId: try session.requireID(), sessionUuid: try session.requireID(),
                    sessionCode: SessionCode(number: session.number).description, number: session.number,
                    name: session.name,
                    startsAt: session.startsAt, checkinOpensAt: session.startsAt.addingTimeInterval(-opens),
                    checkinClosesAt: session.startsAt.addingTimeInterval(closes))
            }
        var typeSessions: [UUID: [UUID]] = [:]
        for row in try await sql.raw(
            """
            SELECT tts.ticket_type_id, tts.session_id FROM ticket_type_sessions tts JOIN ticket_types tt ON tt.id = tts.ticket_type_id
            WHERE tt.event_id = \(bind: kiosk.eventID)
            """
        ).all(rows: InclusionRow.self) {
            typeSessions[row.ticketTypeId, default: []].append(row.sessionId)
        }
        let types = try await TicketTypeRecord.query(on: db).filter(\.$eventID == kiosk.eventID).all().map { type in
            let id = try type.requireID()
            return OfflineTicketTypeDTO(
                ticketTypeId: id, name: type.name, sessionIds: typeSessions[id] ?? [],
                sessionUuids: typeSessions[id] ?? [])
        }
        let revoked = try await sql.raw(
            """
            SELECT ticket_id, secret_version, reason, revoked_at FROM ticket_revocations WHERE event_id = \(bind: kiosk.eventID) ORDER BY revoked_at
            """
        ).all(rows: RevocationRow.self).map { row in
            RevokedTicketDTO(
                ticketId: row.ticketId, version: row.secretVersion, reason: row.reason, revokedAt: row.revokedAt)
        }
        let signed = settings.signedTickets && settings.publicKey != nil
        let tickets =
            signed
            ? []
            : try await sql.raw(
                """
                SELECT t.id, t.ticket_type_id, t.secret_hash FROM tickets t JOIN orders o ON o.id = t.order_id
                WHERE t.event_id = \(bind: kiosk.eventID) AND t.status = 'valid' AND o.status = 'paid' AND t.secret_hash IS NOT NULL
                ORDER BY t.id
                """
            ).all(rows: OfflineTicketRow.self).map { row in
                OfflineTicketDTO(ticketId: row.id, ticketTypeId: row.ticketTypeId, secretHash: row.secretHash)
            }
        let admitted = try await CheckinRecord.query(on: db).filter(\.$eventID == kiosk.eventID).all().map {
            AdmittedDTO(
                ticketId: $0.ticketID, sessionId: $0.sessionID, sessionUuid: $0.sessionID, checkedInAt: $0.scannedAt)
        }
        var eventCode = settings.eventCode
        if eventCode == nil { eventCode = try await DoorManagementService.doorCode(kiosk.eventID, on: db) }
        try await audit.record(
            AuditEntry(
                actor: .kiosk(kiosk.id, station: kiosk.stationName), action: "kiosk.offline_bundle",
                targetType: "event",
                targetID: kiosk.eventID.uuidString, organizationID: kiosk.organizationID),
            from: meta, at: now, on: db)
        return OfflineBundleDTO(
            eventId: kiosk.eventID, eventTitle: event.title, eventCode: eventCode!,
            signedTickets: signed, keyAlgorithm: "Ed25519", publicKey: settings.publicKey,
            payloadFormat:
                "BOX1. + base64url(payload ‖ Ed25519 signature); payload = 0x01, ticketId, eventId, ticketTypeId (16 bytes each), "
                + "version (uint32 BE), session count (uint8), session numbers (uint16 BE each)",
            sessions: sessions, ticketTypes: types, revoked: revoked, tickets: tickets, admitted: admitted,
            generatedAt: now)
    }

    /// Attendees of the kiosk's event whose name, email or order number contains `query` (kiosks with the search capability).
    func search(_ kiosk: KioskIdentity, query: String, now: Date, meta: RequestMetadata) async throws
        -> AttendeeSearchDTO
    {
        guard kiosk.canSearch else {
            throw HTTPFailure.forbidden("This kiosk may only scan; attendee search needs the scan_search capability.")
        }
        var problems = FieldProblems()
        let needle = problems.requireText(query, "q", lengths: 2...200).lowercased()
        try problems.throwIfAny()
        let pattern = "%" + needle.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
        let db = store.database()
        let sql = db.sql
        let rows = try await sql.raw(
            """
            SELECT t.id, tt.name AS type_name, t.status, o.number, t.attendee_name, t.attendee_email, t.dietary_restrictions, t.emergency_contact
            FROM tickets t JOIN orders o ON o.id = t.order_id JOIN ticket_types tt ON tt.id = t.ticket_type_id
            WHERE t.event_id = \(bind: kiosk.eventID) AND o.status = 'paid'
              AND (LOWER(t.attendee_name) LIKE \(bind: pattern) OR LOWER(t.attendee_email) LIKE \(bind: pattern) OR LOWER(o.number) LIKE \(bind: pattern))
            ORDER BY t.attendee_name, t.id LIMIT 50
            """
        ).all(rows: AttendeeRow.self)
        let ids = rows.map(\.id)
        var entered: [UUID: [UUID]] = [:]
        if !ids.isEmpty {
            for checkin in try await CheckinRecord.query(on: db).filter(\.$ticketID ~~ ids).all() {
                entered[checkin.ticketID, default: []].append(checkin.sessionID)
            }
        }
        try await audit.record(
            AuditEntry(
                actor: .kiosk(kiosk.id, station: kiosk.stationName), action: "kiosk.search", targetType: "event",
                targetID: kiosk.eventID.uuidString, organizationID: kiosk.organizationID,
                details: ["results": .int(rows.count)]),
            from: meta, at: now, on: db)
        return AttendeeSearchDTO(
            attendees: rows.map { row in
                AttendeeMatchDTO(
                    ticketId: row.id, ticketTypeName: row.typeName, status: row.status, orderNumber: row.number,
                    attendee: AttendeeDTO(
                        name: row.attendeeName, email: row.attendeeEmail, dietaryRestrictions: row.dietaryRestrictions,
                        emergencyContact: row.emergencyContact),
                    checkedInSessionIds: entered[row.id] ?? [],
                    checkedInSessionUuids: entered[row.id] ?? [])
            })
    }

    /// Scans made offline, each admitted as if at its own time (never later than now). A scan of a ticket already admitted to
    /// that session is a double admit: reported back and kept for the organizer. Each nonce counts once, however often uploaded.
    func sync(_ kiosk: KioskIdentity, _ body: Components.Schemas.SyncRequest, now: Date, meta: RequestMetadata)
        async throws
        -> SyncResponseDTO
    {
        // The document states the upload's rules: 1 to maximumScansPerUpload scans, each with its nonce (1–100
        // characters), the QR code's text and the time it was scanned.
        let scans = body.scans
        var results: [SyncResultDTO] = []
        for scan in scans {
            results.append(try await upload(scan, kiosk: kiosk, now: now, meta: meta))
        }
        return SyncResponseDTO(
            results: results, admitted: results.filter { $0.outcome == "admitted" }.count,
            duplicates: results.filter { $0.outcome == "duplicate" }.count,
            refused: results.filter { $0.outcome == "refused" }.count)
    }

    private func upload(
        _ scan: Components.Schemas.SyncRequest.ScansPayloadPayload, kiosk: KioskIdentity, now: Date,
        meta: RequestMetadata
    ) async throws
        -> SyncResultDTO
    {
        let nonce = scan.nonce
        let db = store.database()
        let sql = db.sql
        if let known = try await sql.raw(
            """
            SELECT ticket_id, session_id, first_scanned_at, first_gate FROM checkin_conflicts WHERE event_id = \(bind: kiosk.eventID) AND nonce = \(bind: nonce)
            """
        ).first(row: KnownScanRow.self) {
            return SyncResultDTO(
                nonce: nonce, outcome: "duplicate", code: "ALREADY_CHECKED_IN", checkinId: nil,
                ticketId: known.ticketId, sessionId: known.sessionId, sessionUuid: known.sessionId,
                firstCheckedInAt: known.firstScannedAt,
                firstGate: known.firstGate)
        }
        let attempt = CheckInService.Attempt(
            credential: .text(scan.secret), session: scan.sessionId, gate: scan.gate, nonce: nonce, method: "offline",
            scannedAt: min(scan.scannedAt, now), expectedEventID: nil)
        do {
            let admitted = try await checkIn.admit(attempt, by: .kiosk(kiosk), now: now, meta: meta)
            return SyncResultDTO(
                nonce: nonce, outcome: "admitted", code: nil, checkinId: admitted.checkinId,
                ticketId: admitted.ticketId,
                sessionId: admitted.sessionId, sessionUuid: admitted.sessionId, firstCheckedInAt: nil, firstGate: nil)
        } catch let AdmissionError.alreadyCheckedIn(ticketID, sessionID, firstAt, firstGate, _) {
            let first = try await CheckinRecord.query(on: db).filter(\.$ticketID == ticketID).filter(
                \.$sessionID == sessionID
            ).first()
            try await sql.raw(
                """
                INSERT INTO checkin_conflicts (id, event_id, ticket_id, session_id, gate, station, nonce, scanned_at, first_checkin_id,
                  first_scanned_at, first_gate, recorded_at)
                VALUES (\(bind: UUID.random()), \(bind: kiosk.eventID), \(bind: ticketID), \(bind: sessionID), \(bind: scan.gate), \(bind: kiosk.stationName),
                  \(bind: nonce), \(bind: attempt.scannedAt), \(bind: first?.id), \(bind: firstAt), \(bind: firstGate), \(bind: now))
                ON CONFLICT DO NOTHING
                """
            ).run()
            return SyncResultDTO(
                nonce: nonce, outcome: "duplicate", code: "ALREADY_CHECKED_IN", checkinId: nil, ticketId: ticketID,
                sessionId: sessionID, sessionUuid: sessionID, firstCheckedInAt: firstAt, firstGate: firstGate)
        } catch let refusal as AdmissionError {
            return SyncResultDTO(
                nonce: nonce, outcome: "refused", code: refusal.code, checkinId: nil, ticketId: nil, sessionId: nil,
                sessionUuid: nil,
                firstCheckedInAt: nil, firstGate: nil)
        }
    }
}

/// A ticket type's inclusion of a session.
private struct InclusionRow: Decodable {
    var ticketTypeId: UUID
    var sessionId: UUID
}

/// A ticket version on the event's revocation list.
private struct RevocationRow: Decodable {
    var ticketId: UUID
    var secretVersion: Int
    var reason: String
    var revokedAt: Date
}

/// A paid, valid ticket for the offline kit (when tickets are not signed).
private struct OfflineTicketRow: Decodable {
    var id: UUID
    var ticketTypeId: UUID
    var secretHash: String
}

/// A ticket an attendee search found.
private struct AttendeeRow: Decodable {
    var id: UUID
    var typeName: String
    var status: String
    var number: String
    var attendeeName: String
    var attendeeEmail: String
    var dietaryRestrictions: String?
    var emergencyContact: String?
}

/// The double admit an earlier upload of the same scan recorded.
private struct KnownScanRow: Decodable {
    var ticketId: UUID
    var sessionId: UUID
    var firstScannedAt: Date
    var firstGate: String?
}
