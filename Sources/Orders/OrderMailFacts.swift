import Domain
import FluentKit
package import Foundation
package import Mail
package import Persistence
import SQLKit

/// What a buyer's mail about an order shows: the order, its event, and its tickets with the sessions each opens. Read
/// at delivery in a fixed number of queries, whatever the number of tickets.
package struct OrderMailFacts {
    package var order: OrderRecord
    package var event: EventRecord
    var tickets: [Ticket]

    struct Ticket {
        var id: UUID
        var typeName: String
        var attendee: String
        var status: String
        var sessions: [(number: Int, name: String, startsAt: Date)]

        var label: String { "\(typeName): \(attendee)" }
    }

    package static func load(_ orderID: UUID, store: DatabaseStore) async throws -> OrderMailFacts? {
        let db = store.database()
        guard let order = try await OrderRecord.find(orderID, on: db),
            let event = try await EventRecord.find(order.eventID, on: db)
        else { return nil }
        let rows = try await store.sql().raw(
            """
            SELECT t.id, t.attendee_name, t.status, tt.name AS type_name, s.number, s.name AS session_name, s.starts_at
            FROM tickets t JOIN ticket_types tt ON tt.id = t.ticket_type_id
            LEFT JOIN ticket_type_sessions x ON x.ticket_type_id = t.ticket_type_id
            LEFT JOIN sessions s ON s.id = x.session_id
            WHERE t.order_id = \(bind: orderID)
            ORDER BY t.created_at, t.id, s.number
            """
        ).all(rows: TicketSessionRow.self)
        var tickets: [Ticket] = []
        for row in rows {
            if tickets.last?.id != row.id {
                tickets.append(
                    Ticket(
                        id: row.id, typeName: row.typeName, attendee: row.attendeeName, status: row.status,
                        sessions: []))
            }
            if let number = row.number, let name = row.sessionName, let startsAt = row.startsAt {
                tickets[tickets.count - 1].sessions.append((number, name, startsAt))
            }
        }
        return OrderMailFacts(order: order, event: event, tickets: tickets)
    }

    package var buyer: MailAddress { MailAddress(order.buyerEmail, name: order.buyerName) }

    /// The values every order message names.
    package func values(_ format: MailFormat) -> [String: String] {
        [
            "name": order.buyerName, "eventTitle": event.title, "orderNumber": order.number,
            "total": format.money(
                minorUnits: order.totalMinor, currency: order.currency,
                minorDigits: Currency(order.currency)?.minorDigits ?? 2),
        ]
    }

    var validTickets: [Ticket] { tickets.filter { $0.status == TicketStatus.valid.rawValue } }

    /// Each ticket with the sessions it opens: `Day pass: Ada — S1 Opening (Monday 1 December 2026, 19:00 UTC), …`.
    func ticketLines(_ tickets: [Ticket], _ format: MailFormat, withSessions: Bool) -> [String] {
        tickets.map { ticket in
            guard withSessions, !ticket.sessions.isEmpty else { return ticket.label }
            let sessions = ticket.sessions.map {
                "\(SessionCode(number: $0.number)) \($0.name) (\(format.dateTime($0.startsAt)))"
            }
            return "\(ticket.label) — " + sessions.joined(separator: ", ")
        }
    }
}

/// Sends a message to an order's buyer, in the organization's brand, with the QR code of each ticket it names (an
/// inline PNG by Content-ID, captioned in the rendered words; the door's code, handed in by the composition root; the
/// words alone without it). Every handler of the buyer's mail about an order sends through it.
struct BuyerMail: Sendable {
    let store: DatabaseStore
    let mailer: any Mailer
    let composer: any MailComposing
    let ticketImages: OrderConfirmationMail.TicketImages?

    func send(
        _ content: MailContent, about facts: OrderMailFacts, brand: MailBrand,
        codesOf tickets: [OrderMailFacts.Ticket] = [], at now: Date
    ) async throws {
        var content = content
        var inline: [MailMessage.InlinePart] = []
        if !tickets.isEmpty, let ticketImages {
            let labels = Dictionary(uniqueKeysWithValues: tickets.map { ($0.id, $0.label) })
            let images = try await ticketImages(facts.order.id!, now).filter { labels[$0.ticketID] != nil }
            func cid(_ ticket: UUID) -> String { "ticket-\(ticket.uuidString.lowercased())@boxoffice" }
            content.codes = images.map {
                MailContent.TicketCode(contentID: cid($0.ticketID), label: labels[$0.ticketID] ?? "")
            }
            inline = images.map {
                MailMessage.InlinePart(contentID: cid($0.ticketID), contentType: "image/png", data: Data($0.png))
            }
        }
        // A guest's order that asked them to confirm their email: its link is the one mail an unconfirmed address gets.
        let asked =
            try await store.sql().raw(
                "SELECT 1 AS asked FROM guest_confirmations WHERE order_id = \(bind: facts.order.id!)"
            ).first() != nil
        let kind: MailKind =
            content.template == .orderReserved && content.link != nil ? .link : .order(confirmationAsked: asked)
        try await composer.send(
            content, to: [facts.buyer], as: kind, brand: brand, via: mailer, inline: inline, now: now)
    }
}

/// A ticket of the order with one session it opens (the session's columns nil when its type includes none).
private struct TicketSessionRow: Decodable {
    var id: UUID
    var attendeeName: String
    var status: String
    var typeName: String
    var number: Int?
    var sessionName: String?
    var startsAt: Date?
}
