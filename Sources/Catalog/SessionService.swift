import Audit
import Domain
import FluentKit
import Foundation
import HTTPCore
import Outbox
import Persistence
import SQLKit

/// The sessions of an event: S1, S2, … with their capacities.
struct SessionService: Sendable {
    let store: DatabaseStore
    let maximumCapacity: Int
    let access = CatalogAccess()
    let audit = AuditTrail()

    func list(_ eventID: UUID, by principal: Principal, now: Date) async throws -> SessionListDTO {
        let (bundle, _) = try await access.readable(eventID, by: principal, now: now, on: store.database())
        return SessionListDTO(sessions: bundle.sessions.map(SessionDTO.init))
    }

    func create(_ eventID: UUID, _ request: SessionChanges, by principal: Principal, now: Date, meta: RequestMetadata)
        async throws -> SessionDTO
    {
        let db = store.database()
        let event = try await access.manageable(eventID, by: principal, on: db)
        var problems = FieldProblems()
        let name = problems.requireText(request.sessionName ?? "", "sessionName", lengths: 1...200, singleLine: true)
        problems.requirePlainText(name, "sessionName")
        if request.capacity == nil { problems.add("capacity", "is required") }
        try problems.throwIfAny()
        try checkInstallationCapacity(request.capacity)
        if let start = request.startsAt, let end = request.endsAt, start >= end {
            throw HTTPFailure.unprocessable(FieldProblems("endsAt", "must be after startsAt"))
        }
        guard let start = request.startsAt, let end = request.endsAt, let capacity = request.capacity else {
            throw problems
        }

        let session = try await store.transaction { db in
            let sql = db.sql
            // Taking the number and moving the counter is one statement, so two concurrent creations never get the same S#.
            let row = try await sql.raw(
                """
                UPDATE events SET next_session_number = next_session_number + 1, updated_at = \(bind: now)
                WHERE id = \(bind: eventID) RETURNING next_session_number
                """
            ).first(row: NextSessionNumberRow.self)
            guard let next = row?.nextSessionNumber else {
                throw CatalogError.eventNotFound
            }
            let session = SessionRecord(
                eventID: eventID, number: next - 1, name: name, startsAt: start, endsAt: end, capacity: capacity,
                active: request.isActive ?? true, now: now)
            try await session.create(on: db)
            let sessionID = try session.requireID()
            try await Self.refreshEventDates(eventID, on: db)
            try await Outbox.enqueue(SessionChanged(eventId: eventID, sessionId: sessionID), now: now, on: db)
            try await audit.record(
                AuditEntry(
                    actor: AuditActor(principal), action: "session.created", targetType: "session",
                    targetID: sessionID.uuidString, organizationID: event.organizationID,
                    details: ["eventId": .string(eventID.uuidString), "sessionId": .string(session.code)]),
                from: meta, at: now, on: db)
            return session
        }
        return SessionDTO(session)
    }

    func update(
        _ eventID: UUID, _ code: String, _ request: SessionChanges, by principal: Principal, now: Date,
        meta: RequestMetadata
    )
        async throws -> SessionDTO
    {
        let db = store.database()
        let event = try await access.manageable(eventID, by: principal, on: db)
        var problems = FieldProblems()
        if let name = request.sessionName {
            problems.requireText(name, "sessionName", lengths: 1...200, singleLine: true)
            problems.requirePlainText(name, "sessionName")
        }
        try problems.throwIfAny()
        try checkInstallationCapacity(request.capacity)

        let session = try await store.transaction { db in
            let session = try await Self.find(code, in: eventID, on: db)
            let sessionID = try session.requireID()
            let (oldStart, oldEnd) = (session.startsAt, session.endsAt)
            let start = request.startsAt ?? session.startsAt
            let end = request.endsAt ?? session.endsAt
            guard start < end else {
                throw HTTPFailure.unprocessable(FieldProblems("endsAt", "must be after startsAt"))
            }
            if let capacity = request.capacity, capacity != session.capacity {
                // Decided by the update itself: the capacity never drops below what is sold and held at that instant.
                let changed = try await db.sql.raw(
                    """
                    UPDATE sessions SET capacity = \(bind: capacity) WHERE id = \(bind: sessionID) AND sold + held <= \(bind: capacity)
                    RETURNING capacity
                    """
                ).first()
                guard changed != nil else {
                    let fresh = try await SessionRecord.find(sessionID, on: db)
                    throw CatalogError.capacityBelowSold(
                        session: code, sold: fresh?.sold ?? session.sold, held: fresh?.held ?? session.held)
                }
            }
            let fresh = try await SessionRecord.find(sessionID, on: db) ?? session
            if let name = request.sessionName { fresh.name = name.trimmingCharacters(in: .whitespacesAndNewlines) }
            fresh.startsAt = start
            fresh.endsAt = end
            if let active = request.isActive { fresh.active = active }
            fresh.updatedAt = now
            try await fresh.update(on: db)
            try await Self.refreshEventDates(eventID, on: db)
            try await Outbox.enqueue(SessionChanged(eventId: eventID, sessionId: sessionID), now: now, on: db)
            if start != oldStart || end != oldEnd {
                // Its ticket holders are told of the new time (the mail worker finds them after the commit).
                try await Outbox.enqueue(
                    EventScheduleChanged(eventId: eventID, sessionId: sessionID, startsAt: start, endsAt: end),
                    now: now, on: db)
            }
            try await audit.record(
                AuditEntry(
                    actor: AuditActor(principal), action: "session.updated", targetType: "session",
                    targetID: sessionID.uuidString, organizationID: event.organizationID,
                    details: ["eventId": .string(eventID.uuidString), "sessionId": .string(code)]),
                from: meta, at: now, on: db)
            return fresh
        }
        return SessionDTO(session)
    }

    /// Deletes a session nobody holds or bought and no ticket type includes. Its number is not reused.
    func delete(_ eventID: UUID, _ code: String, by principal: Principal, now: Date, meta: RequestMetadata) async throws
    {
        let db = store.database()
        let event = try await access.manageable(eventID, by: principal, on: db)
        try await store.transaction { db in
            let session = try await Self.find(code, in: eventID, on: db)
            let sessionID = try session.requireID()
            guard try await TicketTypeSessionRecord.query(on: db).filter(\.$sessionID == sessionID).count() == 0
            else {
                throw CatalogError.sessionInUse(code)
            }
            let deleted = try await db.sql.raw(
                "DELETE FROM sessions WHERE id = \(bind: sessionID) AND sold = 0 AND held = 0 RETURNING id"
            ).first()
            guard deleted != nil else { throw CatalogError.sessionHasRegistrations(code) }
            try await Self.refreshEventDates(eventID, on: db)
            try await Outbox.enqueue(SessionChanged(eventId: eventID, sessionId: sessionID), now: now, on: db)
            try await audit.record(
                AuditEntry(
                    actor: AuditActor(principal), action: "session.deleted", targetType: "session",
                    targetID: sessionID.uuidString, organizationID: event.organizationID,
                    details: ["eventId": .string(eventID.uuidString), "sessionId": .string(code)]),
                from: meta, at: now, on: db)
        }
    }

    /// The installation's largest session (`SESSION_CAPACITY_MAX`): a rule of this installation, which the document
    /// (the same for every installation) cannot state, so a larger capacity is 422 rather than a malformed request.
    private func checkInstallationCapacity(_ capacity: Int?) throws {
        guard let capacity, capacity > maximumCapacity else { return }
        throw HTTPFailure.unprocessable(
            FieldProblems("capacity", "must be at most \(maximumCapacity), this installation's largest session"))
    }

    /// A session by its code (`S2`) within an event.
    static func find(_ code: String, in eventID: UUID, on db: any Database) async throws -> SessionRecord {
        guard let number = SessionCode(code)?.number,
            let session = try await SessionRecord.query(on: db).filter(\.$eventID == eventID).filter(
                \.$number == number
            ).first()
        else { throw CatalogError.sessionNotFound(code) }
        return session
    }

    /// Keeps the event's start and end equal to its sessions' earliest start and latest end.
    static func refreshEventDates(_ eventID: UUID, on db: any Database) async throws {
        try await db.sql.raw(
            """
            UPDATE events SET
              starts_at = (SELECT MIN(starts_at) FROM sessions WHERE event_id = \(bind: eventID)),
              ends_at = (SELECT MAX(ends_at) FROM sessions WHERE event_id = \(bind: eventID))
            WHERE id = \(bind: eventID)
            """
        ).run()
    }
}

/// The event's counter after taking a session number.
private struct NextSessionNumberRow: Decodable {
    var nextSessionNumber: Int
}
