import Domain
import FluentKit
import Foundation
import Persistence
import SQLKit

/// A ticket as the door sees it: with its order's status, its event's door rules and the sessions it includes.
struct TicketAtDoor: Sendable {
    struct Session: Sendable, Decodable {
        var id: UUID
        var number: Int
        var name: String
        var startsAt: Date
        var code: String { SessionCode(number: number).description }
    }

    var id: UUID
    var eventID: UUID
    var organizationID: UUID
    var ticketTypeID: UUID
    var ticketTypeName: String
    var status: String
    var version: Int
    var orderStatus: OrderStatus
    var attendee: AttendeeDTO
    var opensMinutes: Int
    var closesMinutes: Int
    var publicKey: String?
    var sessions: [Session]

    func window(_ session: Session) -> (opens: Date, closes: Date) {
        (
            session.startsAt.addingTimeInterval(TimeInterval(-opensMinutes * 60)),
            session.startsAt.addingTimeInterval(TimeInterval(closesMinutes * 60))
        )
    }

    /// Finds a ticket by the SHA-256 of its secret, or by ID.
    static func load(secretHash: String? = nil, id: UUID? = nil, now: Date, on db: any Database) async throws
        -> TicketAtDoor?
    {
        let sql = db.sql
        let condition: SQLQueryString =
            if let secretHash { "t.secret_hash = \(bind: secretHash)" } else { "t.id = \(bind: id ?? UUID.random())" }
        guard
            let row = try await sql.raw(
                """
                SELECT t.id, t.event_id, e.organization_id, t.ticket_type_id, tt.name AS type_name, t.status, t.secret_version,
                       o.status AS order_status, o.payment_deadline, t.attendee_name, t.attendee_email, t.dietary_restrictions,
                       t.emergency_contact, e.checkin_opens_minutes, e.checkin_closes_minutes, e.signing_public_key
                FROM tickets t JOIN orders o ON o.id = t.order_id JOIN events e ON e.id = t.event_id
                  JOIN ticket_types tt ON tt.id = t.ticket_type_id
                WHERE \(condition)
                """
            ).first(row: DoorTicketRow.self)
        else { return nil }
        let sessions = try await sql.raw(
            """
            SELECT s.id, s.number, s.name, s.starts_at FROM sessions s JOIN ticket_type_sessions tts ON tts.session_id = s.id
            WHERE tts.ticket_type_id = \(bind: row.ticketTypeId) ORDER BY s.starts_at, s.number
            """
        ).all(rows: Session.self)
        let orderStatus = OrderStatus(rawValue: row.orderStatus) ?? .pending
        return TicketAtDoor(
            id: row.id, eventID: row.eventId, organizationID: row.organizationId, ticketTypeID: row.ticketTypeId,
            ticketTypeName: row.typeName, status: row.status, version: row.secretVersion,
            orderStatus: orderStatus.effective(paymentDeadline: row.paymentDeadline, now: now),
            attendee: AttendeeDTO(
                name: row.attendeeName, email: row.attendeeEmail, dietaryRestrictions: row.dietaryRestrictions,
                emergencyContact: row.emergencyContact),
            opensMinutes: row.checkinOpensMinutes, closesMinutes: row.checkinClosesMinutes,
            publicKey: row.signingPublicKey, sessions: sessions)
    }
}

/// A ticket with its order's status and its event's door rules.
private struct DoorTicketRow: Decodable {
    var id: UUID
    var eventId: UUID
    var organizationId: UUID
    var ticketTypeId: UUID
    var typeName: String
    var status: String
    var secretVersion: Int
    var orderStatus: String
    var paymentDeadline: Date?
    var attendeeName: String
    var attendeeEmail: String
    var dietaryRestrictions: String?
    var emergencyContact: String?
    var checkinOpensMinutes: Int
    var checkinClosesMinutes: Int
    var signingPublicKey: String?
}
