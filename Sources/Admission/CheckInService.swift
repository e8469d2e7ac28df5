import Audit
import Domain
import FluentKit
import Foundation
import HTTPCore
import Identity
import Outbox
import Persistence
import SQLKit
import Tickets

/// Admits tickets: one admission per ticket and session, decided by the database's unique (ticket, session) pair
/// inside the transaction that writes it, so two doors scanning the same ticket at once admit it once.
struct CheckInService: Sendable {
    enum Credential: Sendable {
        /// What a QR code says: the ticket's secret, or a signed payload (`BOX1.…`).
        case text(String)
        /// Manual check-in by ticket ID, after an attendee search.
        case ticket(UUID)
    }

    struct Attempt: Sendable {
        var credential: Credential
        /// A session ID or code (`S2`); without it, the ticket's session whose check-in window is open.
        var session: String?
        var gate: String?
        var nonce: String?
        /// `scan`, `manual` or `offline`.
        var method: String
        var scannedAt: Date
        var expectedEventID: UUID?
    }

    let store: DatabaseStore
    let authorizer = Authorizer()
    let audit = AuditTrail()

    func admit(_ attempt: Attempt, by principal: Principal, now: Date, meta: RequestMetadata) async throws -> CheckinDTO
    {
        do {
            return try await store.transaction { db in
                try await admit(attempt, by: principal, now: now, meta: meta, on: db)
            }
        } catch let refusal as AdmissionError {
            // The refusal's transaction rolled back; its record is written on its own.
            if case .kiosk(let kiosk) = principal {
                try? await audit.record(
                    AuditEntry(
                        actor: AuditActor(principal), action: "checkin.refused", targetType: "event",
                        targetID: kiosk.eventID.uuidString,
                        organizationID: kiosk.organizationID,
                        details: ["code": .string(refusal.code), "method": .string(attempt.method)]),
                    from: meta, at: now, on: store.database())
            }
            throw refusal
        }
    }

    private func admit(
        _ attempt: Attempt, by principal: Principal, now: Date, meta: RequestMetadata, on db: any Database
    ) async throws
        -> CheckinDTO
    {
        // Checking a ticket in by hand means finding the attendee: only a kiosk that may search does it, and a scan-only
        // kiosk learns nothing about the ticket it names (refused before it is looked up).
        if case .kiosk(let kiosk) = principal, attempt.method == "manual", !kiosk.canSearch {
            throw HTTPFailure.forbidden("This kiosk may only scan; manual check-in needs the scan_search capability.")
        }
        let ticket = try await resolve(attempt.credential, now: now, on: db)
        let seesAttendee: Bool
        if case .kiosk(let kiosk) = principal {
            guard kiosk.eventID == ticket.eventID else {
                throw AdmissionError.wrongEvent(ticketEventID: ticket.eventID)
            }
            seesAttendee = kiosk.canSearch
        } else {
            if let expected = attempt.expectedEventID, expected != ticket.eventID {
                throw AdmissionError.wrongEvent(ticketEventID: ticket.eventID)
            }
            try await authorizer.require(
                .eventCheckIn, on: .event(organizationID: ticket.organizationID, eventID: ticket.eventID),
                by: principal, database: db)
            seesAttendee = true
        }
        let sql = db.sql
        if let earlier = try await admission(withNonce: attempt.nonce, at: ticket.eventID, on: db) {
            return dto(earlier, ticket, replayed: true, seesAttendee: seesAttendee)
        }
        if let refusal = AdmissionError.refusal(ticketStatus: ticket.status, orderStatus: ticket.orderStatus) {
            throw refusal
        }
        let session = try await chooseSession(attempt, ticket, on: sql)
        let window = ticket.window(session)
        guard attempt.scannedAt >= window.opens, attempt.scannedAt <= window.closes else {
            throw AdmissionError.outsideCheckinWindow(
                sessionID: session.id, opensAt: window.opens, closesAt: window.closes)
        }
        let (kioskID, userID, station): (UUID?, UUID?, String?) =
            switch principal {
            case .kiosk(let kiosk): (kiosk.id, nil, kiosk.stationName)
            case .user(let user): (nil, user.id, nil)
            case .anonymous, .system, .partner: (nil, nil, nil)
            }
        let id = UUID.random()
        let inserted = try await sql.raw(
            """
            INSERT INTO checkins (id, event_id, ticket_id, session_id, gate, station, kiosk_id, user_id, nonce, method, scanned_at, recorded_at)
            VALUES (\(bind: id), \(bind: ticket.eventID), \(bind: ticket.id), \(bind: session.id), \(bind: attempt.gate), \(bind: station),
              \(bind: kioskID), \(bind: userID), \(bind: attempt.nonce), \(bind: attempt.method), \(bind: attempt.scannedAt), \(bind: now))
            ON CONFLICT DO NOTHING RETURNING id
            """
        ).first()
        guard inserted != nil else {
            // Someone else got there first: the same upload again (same nonce), or another door.
            if let earlier = try await admission(withNonce: attempt.nonce, at: ticket.eventID, on: db) {
                return dto(earlier, ticket, replayed: true, seesAttendee: seesAttendee)
            }
            guard
                let first = try await CheckinRecord.query(on: db).filter(\.$ticketID == ticket.id).filter(
                    \.$sessionID == session.id
                ).first()
            else { throw AdmissionError.invalidTicket(reason: "unknown") }
            throw AdmissionError.alreadyCheckedIn(
                ticketID: ticket.id, sessionID: session.id, checkedInAt: first.scannedAt, gate: first.gate,
                station: first.station)
        }
        try await Outbox.enqueue(
            CheckinRecorded(eventId: ticket.eventID, ticketId: ticket.id, sessionId: session.id, undone: false),
            now: now, on: db)
        try await audit.record(
            AuditEntry(
                actor: AuditActor(principal), action: "checkin.admitted", targetType: "ticket",
                targetID: ticket.id.uuidString,
                organizationID: ticket.organizationID,
                details: [
                    "sessionId": .string(session.id.uuidString), "method": .string(attempt.method),
                    "gate": attempt.gate.map(JSONValue.string) ?? .null,
                ]),
            from: meta, at: now, on: db)
        let record = CheckinRecord()
        record.id = id
        record.eventID = ticket.eventID
        record.ticketID = ticket.id
        record.sessionID = session.id
        record.gate = attempt.gate
        record.station = station
        record.method = attempt.method
        record.scannedAt = attempt.scannedAt
        return dto(record, ticket, replayed: false, seesAttendee: seesAttendee)
    }

    /// The ticket a credential names, or `INVALID_TICKET`. A signed payload must verify with its event's key and carry
    /// the ticket's current version: an older one was revoked by a reissue.
    private func resolve(_ credential: Credential, now: Date, on db: any Database) async throws -> TicketAtDoor {
        switch credential {
        case .ticket(let id):
            guard let ticket = try await TicketAtDoor.load(id: id, now: now, on: db) else {
                throw AdmissionError.ticketNotFound
            }
            return ticket
        case .text(let text):
            let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard SignedTicket.looksSigned(text) else {
                guard !text.isEmpty,
                    let ticket = try await TicketAtDoor.load(secretHash: OpaqueToken.hash(text), now: now, on: db)
                else {
                    throw AdmissionError.invalidTicket(reason: "unknown")
                }
                return ticket
            }
            guard let claimed = SignedTicket.unverified(text)?.ticket,
                let ticket = try await TicketAtDoor.load(id: claimed.ticketID, now: now, on: db),
                let key = ticket.publicKey.flatMap(Base64URL.decode),
                let signed = SignedTicket.verified(text, publicKey: key),
                signed.eventID == ticket.eventID
            else { throw AdmissionError.invalidTicket(reason: "signature") }
            guard signed.version == ticket.version else { throw AdmissionError.invalidTicket(reason: "revoked") }
            return ticket
        }
    }

    /// The admission an earlier upload with this nonce made at this event, if any.
    private func admission(withNonce nonce: String?, at eventID: UUID, on db: any Database) async throws
        -> CheckinRecord?
    {
        guard let nonce else { return nil }
        return try await CheckinRecord.query(on: db).filter(\.$eventID == eventID).filter(\.$nonce == nonce).first()
    }

    private func chooseSession(_ attempt: Attempt, _ ticket: TicketAtDoor, on sql: any SQLDatabase) async throws
        -> TicketAtDoor.Session
    {
        if let asked = attempt.session?.trimmingCharacters(in: .whitespaces), !asked.isEmpty {
            guard
                let session = ticket.sessions.first(where: {
                    $0.id.uuidString.caseInsensitiveCompare(asked) == .orderedSame
                        || $0.code.caseInsensitiveCompare(asked) == .orderedSame
                })
            else { throw AdmissionError.wrongSession(sessionID: asked, included: ticket.sessions.map(\.code)) }
            return session
        }
        guard
            let nearest = ticket.sessions.min(by: {
                abs($0.startsAt.timeIntervalSince(attempt.scannedAt))
                    < abs($1.startsAt.timeIntervalSince(attempt.scannedAt))
            })
        else { throw AdmissionError.wrongSession(sessionID: "", included: []) }
        let open = ticket.sessions.filter { session in
            let window = ticket.window(session)
            return attempt.scannedAt >= window.opens && attempt.scannedAt <= window.closes
        }
        guard open.count > 1 else { return open.first ?? nearest }
        // Several windows open at once: the first session this ticket has not entered yet.
        let entered = Set(
            try await sql.raw("SELECT session_id FROM checkins WHERE ticket_id = \(bind: ticket.id)")
                .all(rows: EnteredSessionRow.self).map(\.sessionId))
        return open.first { !entered.contains($0.id) } ?? open[0]
    }

    private func dto(_ record: CheckinRecord, _ ticket: TicketAtDoor, replayed: Bool, seesAttendee: Bool) -> CheckinDTO
    {
        CheckinDTO(
            checkinId: record.id!, ticketId: ticket.id, eventId: ticket.eventID, sessionId: record.sessionID,
            sessionUuid: record.sessionID,
            sessionCode: ticket.sessions.first { $0.id == record.sessionID }?.code ?? "",
            ticketTypeName: ticket.ticketTypeName,
            gate: record.gate, station: record.station, method: record.method, checkedInAt: record.scannedAt,
            replayed: replayed,
            attendee: seesAttendee ? ticket.attendee : nil)
    }
}

/// A session the ticket has entered.
private struct EnteredSessionRow: Decodable {
    var sessionId: UUID
}
