import Domain
import FluentKit
import Foundation
import Persistence
import SQLKit

/// Door numbers for organizers and kiosks: admitted against sold per session, per gate, per 5-minute interval, and the
/// double admits offline kiosks reported.
struct DoorReports: Sendable {
    let store: DatabaseStore
    /// Finds the event and asks the access policy, for both reports.
    let management: DoorManagementService

    static let interval: TimeInterval = 300

    /// The door's numbers, for whoever may check tickets in at the event (its staff, its kiosks).
    func stats(_ eventID: UUID, by principal: Principal) async throws -> CheckinStatsDTO {
        let db = store.database()
        _ = try await management.event(eventID, .eventCheckIn, by: principal, on: db)
        let sql = db.sql
        var sold: [UUID: Int] = [:]
        for row in try await sql.raw(
            """
            SELECT tts.session_id, COUNT(*) AS sold FROM tickets t JOIN ticket_type_sessions tts ON tts.ticket_type_id = t.ticket_type_id
            JOIN orders o ON o.id = t.order_id
            WHERE t.event_id = \(bind: eventID) AND t.status = 'valid' AND o.status = 'paid' GROUP BY tts.session_id
            """
        ).all(rows: SoldRow.self) {
            sold[row.sessionId] = row.sold
        }
        var admitted: [UUID: Int] = [:]
        var gates: [String: Int] = [:]
        var intervals: [Int: Int] = [:]
        for row in try await sql.raw(
            "SELECT session_id, gate, scanned_at FROM checkins WHERE event_id = \(bind: eventID)"
        ).all(rows: AdmissionRow.self) {
            admitted[row.sessionId, default: 0] += 1
            gates[row.gate ?? "", default: 0] += 1
            intervals[Int((row.scannedAt.timeIntervalSince1970 / Self.interval).rounded(.down)), default: 0] += 1
        }
        let doubles =
            try await sql.raw("SELECT COUNT(*) AS n FROM checkin_conflicts WHERE event_id = \(bind: eventID)")
            .first(row: CountRow.self)?.n ?? 0
        let sessions = try await SessionRecord.query(on: db).filter(\.$eventID == eventID).sort(\.$number).all()
        return CheckinStatsDTO(
            eventId: eventID,
            sessions: try sessions.map {
                let id = try $0.requireID()
                return SessionDoorCountDTO(
                    sessionId: id, sessionUuid: id, sessionCode: SessionCode(number: $0.number).description,
                    name: $0.name, sold: sold[id] ?? 0,
                    admitted: admitted[id] ?? 0)
            },
            gates: gates.sorted { $0.key < $1.key }.map { GateCountDTO(gate: $0.key, admitted: $0.value) },
            intervals: intervals.sorted { $0.key < $1.key }.map {
                IntervalCountDTO(
                    startsAt: Date(timeIntervalSince1970: TimeInterval($0.key) * Self.interval), admitted: $0.value)
            },
            doubleAdmits: doubles)
    }

    /// Double admits reported by offline kiosks, for the event's organizers.
    func conflicts(_ eventID: UUID, by principal: Principal) async throws -> ConflictListDTO {
        _ = try await management.event(eventID, .eventManage, by: principal, on: store.database())
        let rows = try await store.sql().raw(
            """
            SELECT id, ticket_id, session_id, gate, station, scanned_at, first_scanned_at, first_gate, recorded_at FROM checkin_conflicts
            WHERE event_id = \(bind: eventID) ORDER BY recorded_at DESC, id
            """
        ).all(rows: ConflictRow.self)
        return ConflictListDTO(
            conflicts: rows.map { row in
                ConflictDTO(
                    conflictId: row.id, ticketId: row.ticketId, sessionId: row.sessionId,
                    sessionUuid: row.sessionId, gate: row.gate,
                    station: row.station, scannedAt: row.scannedAt, firstCheckedInAt: row.firstScannedAt,
                    firstGate: row.firstGate, recordedAt: row.recordedAt)
            })
    }
}

/// Tickets sold for one session.
private struct SoldRow: Decodable {
    var sessionId: UUID
    var sold: Int
}

/// One admission, for the counts per session, gate and interval.
private struct AdmissionRow: Decodable {
    var sessionId: UUID
    var gate: String?
    var scannedAt: Date
}

/// A double admit an offline kiosk reported.
private struct ConflictRow: Decodable {
    var id: UUID
    var ticketId: UUID
    var sessionId: UUID
    var gate: String?
    var station: String?
    var scannedAt: Date
    var firstScannedAt: Date
    var firstGate: String?
    var recordedAt: Date
}
