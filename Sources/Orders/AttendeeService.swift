import Audit
import Domain
import FluentKit
import Foundation
import HTTPCore
import Persistence
import SQLKit
import WireTypes

/// The attendee of a ticket named or renamed after checkout (a purchase may name fewer attendees than tickets).
struct AttendeeService: Sendable {
    let store: DatabaseStore
    let queries: OrderQueries
    let audit = AuditTrail()

    /// Names (or renames) a ticket's attendee: its buyer, or the event's managers.
    func nameAttendee(
        _ ticketID: UUID, _ body: Components.Schemas.AttendeeRequest, viewer: OrderViewer, now: Date,
        meta: RequestMetadata
    ) async throws -> OrderTicketDTO {
        // The document requires name and email and states every length; left are a name that trimming leaves blank
        // and an address as the domain reads one.
        var problems = FieldProblems()
        let name = body.name.trimmingCharacters(in: .whitespacesAndNewlines)
        problems.require(!name.isEmpty, "name", "must be 1 to 100 characters")
        let email = EmailAddress(body.email)?.value
        problems.require(email != nil, "email", "is not a valid email address")
        try problems.throwIfAny()
        let db = store.database()
        guard let ticket = try await TicketRecord.find(ticketID, on: db),
            let order = try await OrderRecord.find(ticket.orderID, on: db)
        else { throw OrdersError.orderNotFound }
        let buyer = viewer.owns(order)
        if !buyer { try await queries.requireManager(of: order, viewer.principal, db) }
        return try await store.transaction { db in
            guard
                let row = try await db.sql.raw(
                    """
                    UPDATE tickets SET attendee_name = \(bind: name), attendee_email = \(bind: email!),
                      dietary_restrictions = \(bind: body.dietaryRestrictions), emergency_contact = \(bind: body.emergencyContact)
                    WHERE id = \(bind: ticketID) AND status IN ('pending', 'valid') RETURNING status
                    """
                ).first(row: RenamedRow.self)
            else { throw OrdersError.invalidTransition(from: "ticket \(ticket.status)", to: "renamed") }
            if !buyer, let event = try await EventRecord.find(order.eventID, on: db) {
                try await audit.record(
                    AuditEntry(
                        actor: AuditActor(viewer.principal), action: "ticket.attendee_named", targetType: "ticket",
                        targetID: ticketID.uuidString, organizationID: event.organizationID,
                        details: ["number": .string(order.number)]),
                    from: meta, at: now, on: db)
            }
            return OrderTicketDTO(
                ticketId: ticketID, ticketTypeId: ticket.ticketTypeID,
                status: row.status, attendeeName: name, attendeeEmail: email!,
                dietaryRestrictions: body.dietaryRestrictions, emergencyContact: body.emergencyContact)
        }
    }
}

/// The renamed ticket's status.
private struct RenamedRow: Decodable {
    var status: String
}
