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
        let sql = db as! any SQLDatabase
        var sold: [UUID: Int] = [:]
        for row in try await sql.raw(
            """
            SELECT tts.session_id, COUNT(*) AS sold FROM tickets t JOIN ticket_type_sessions tts ON tts.ticket_type_id = t.ticket_type_id
            JOIN orders o ON o.id = t.order_id
            WHERE t.event_id = \(bind: eventID) AND t.status = 'valid' AND o.status = 'paid' GROUP BY tts.session_id
            """
        ).all() {
            sold[try row.decode(column: "session_id", as: UUID.self)] = try row.decode(column: "sold", as: Int.self)
        }
        var admitted: [UUID: Int] = [:]
        var gates: [String: Int] = [:]
        var intervals: [Int: Int] = [:]
        for row in try await sql.raw(
            "SELECT session_id, gate, scanned_at FROM checkins WHERE event_id = \(bind: eventID)"
        ).all() {
            admitted[try row.decode(column: "session_id", as: UUID.self), default: 0] += 1
            gates[try row.optional("gate", String.self) ?? "", default: 0] += 1
            let at = try row.decode(column: "scanned_at", as: Date.self)
            intervals[Int((at.timeIntervalSince1970 / Self.interval).rounded(.down)), default: 0] += 1
        }
        let doubles =
            try await sql.raw("SELECT COUNT(*) AS n FROM checkin_conflicts WHERE event_id = \(bind: eventID)").first()?
            .decode(column: "n", as: Int.self) ?? 0
        let sessions = try await SessionRecord.query(on: db).filter(\.$eventID == eventID).sort(\.$number).all()
        return CheckinStatsDTO(
            eventId: eventID,
            sessions: sessions.map {
                SessionDoorCountDTO(
                    sessionId: $0.id!, sessionCode: "S\($0.number)", name: $0.name, sold: sold[$0.id!] ?? 0,
                    admitted: admitted[$0.id!] ?? 0)
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
        let rows = try await (store.database() as! any SQLDatabase).raw(
            """
            SELECT id, ticket_id, session_id, gate, station, scanned_at, first_scanned_at, first_gate, recorded_at FROM checkin_conflicts
            WHERE event_id = \(bind: eventID) ORDER BY recorded_at DESC, id
            """
        ).all()
        return ConflictListDTO(
            conflicts: try rows.map { row in
                ConflictDTO(
                    conflictId: try row.decode(column: "id", as: UUID.self),
                    ticketId: try row.decode(column: "ticket_id", as: UUID.self),
                    sessionId: try row.decode(column: "session_id", as: UUID.self),
                    gate: try row.optional("gate", String.self),
                    station: try row.optional("station", String.self),
                    scannedAt: try row.decode(column: "scanned_at", as: Date.self),
                    firstCheckedInAt: try row.decode(column: "first_scanned_at", as: Date.self),
                    firstGate: try row.optional("first_gate", String.self),
                    recordedAt: try row.decode(column: "recorded_at", as: Date.self))
            })
    }
}
