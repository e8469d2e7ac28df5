import Domain
import FluentKit
import Foundation
import Persistence
import SQLKit

/// A ticket as the door sees it: with its order's status, its event's door rules and the sessions it includes.
struct TicketAtDoor: Sendable {
    struct Session: Sendable {
        var id: UUID
        var number: Int
        var name: String
        var startsAt: Date
        var code: String { "S\(number)" }
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
        let sql = db as! any SQLDatabase
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
            ).first()
        else { return nil }
        let typeID = try row.decode(column: "ticket_type_id", as: UUID.self)
        let sessions = try await sql.raw(
            """
            SELECT s.id, s.number, s.name, s.starts_at FROM sessions s JOIN ticket_type_sessions tts ON tts.session_id = s.id
            WHERE tts.ticket_type_id = \(bind: typeID) ORDER BY s.starts_at, s.number
            """
        ).all().map { row in
            Session(
                id: try row.decode(column: "id", as: UUID.self), number: try row.decode(column: "number", as: Int.self),
                name: try row.decode(column: "name", as: String.self),
                startsAt: try row.decode(column: "starts_at", as: Date.self))
        }
        let orderStatus = OrderStatus(rawValue: try row.decode(column: "order_status", as: String.self)) ?? .pending
        return TicketAtDoor(
            id: try row.decode(column: "id", as: UUID.self), eventID: try row.decode(column: "event_id", as: UUID.self),
            organizationID: try row.decode(column: "organization_id", as: UUID.self), ticketTypeID: typeID,
            ticketTypeName: try row.decode(column: "type_name", as: String.self),
            status: try row.decode(column: "status", as: String.self),
            version: try row.decode(column: "secret_version", as: Int.self),
            orderStatus: orderStatus.effective(
                paymentDeadline: try row.optional("payment_deadline", Date.self), now: now),
            attendee: AttendeeDTO(
                name: try row.decode(column: "attendee_name", as: String.self),
                email: try row.decode(column: "attendee_email", as: String.self),
                dietaryRestrictions: try row.optional("dietary_restrictions", String.self),
                emergencyContact: try row.optional("emergency_contact", String.self)),
            opensMinutes: try row.decode(column: "checkin_opens_minutes", as: Int.self),
            closesMinutes: try row.decode(column: "checkin_closes_minutes", as: Int.self),
            publicKey: try row.optional("signing_public_key", String.self), sessions: sessions)
    }
}
