import Domain
import FluentKit
import Foundation
import HTTPCore
import Identity
import Persistence
import SQLKit

/// An order about to be written: its item, one ticket per place (each with its QR secret), its first transition and its
/// outbox rows. It is written either as one statement per table inside the caller's transaction (`write`), or as
/// clauses of the single statement of a PostgreSQL purchase (`conditionalInsertClauses`): every round trip while the
/// hot rows are locked is time other buyers wait (docs/benchmarks.md).
struct OrderDraft: Sendable {
    let orderID = UUID()
    let itemID = UUID()
    let transitionID = UUID()
    let number = OrderNumber.generate()
    let valid: CheckoutService.ValidCheckout
    let ticketTypeID: UUID
    let eventID: UUID
    let quantity: Int
    let price: Pricing
    let provider: String
    let holdID: UUID?
    let deadline: Date?
    let accessTokenHash: String
    let tickets: [OrderTicketDTO]
    let secrets: [TicketKeys.Issued]
    let outbox: [Outbox.Row]
    let now: Date

    var status: OrderStatus { deadline == nil ? .paid : .pending }
    var total: Int { price.unitMinor * quantity }

    init(
        _ valid: CheckoutService.ValidCheckout, ticketTypeID: UUID, eventID: UUID, quantity: Int, price: Pricing, provider: String,
        holdID: UUID?, deadline: Date?, accessToken: String, secrets: TicketKeys, now: Date, on db: any Database
    ) async throws {
        self.valid = valid
        self.ticketTypeID = ticketTypeID
        self.eventID = eventID
        self.quantity = quantity
        self.price = price
        self.provider = provider
        self.holdID = holdID
        self.deadline = deadline
        self.accessTokenHash = OpaqueToken.hash(accessToken)
        self.now = now
        let ticketStatus = (deadline == nil ? OrderStatus.paid : .pending).ticketStatus
        self.tickets = (0..<quantity).map { index in
            let attendee = valid.attendees.flatMap { index < $0.count ? $0[index] : nil }
            return OrderTicketDTO(
                ticketId: UUID(), ticketTypeId: ticketTypeID, status: ticketStatus,
                attendeeName: attendee?.name?.trimmingCharacters(in: .whitespaces) ?? valid.buyer.name,
                attendeeEmail: attendee?.email.flatMap(EmailAddress.init)?.value ?? valid.buyer.email,
                dietaryRestrictions: attendee?.dietaryRestrictions, emergencyContact: attendee?.emergencyContact)
        }
        // Every ticket gets its QR secret now (sealed; only its hash is searchable); it opens doors once the order is paid.
        var issued: [TicketKeys.Issued] = []
        for _ in 0..<quantity { issued.append(try await secrets.issue(on: db)) }
        self.secrets = issued
        self.outbox = try Outbox.rows([("email.order_confirmation", ["orderId": .string(orderID.uuidString)]),
                                       ("signal.availability_changed", ["eventId": .string(eventID.uuidString)])])
    }

    /// Creation instants a microsecond apart keep the tickets in attendee order.
    private func createdAt(_ index: Int) -> Date { now.addingTimeInterval(Double(index) / 1_000_000) }

    private var actorKind: String { valid.buyer.userID == nil ? "anonymous" : "user" }

    /// One statement per table, in the caller's transaction.
    func write(on db: any Database) async throws -> OrderDTO {
        let sql = db as! any SQLDatabase
        var number = self.number
        // 50 random bits rarely collide; when they do, another number is drawn before the insert can fail on the unique index.
        while try await sql.raw("SELECT 1 AS taken FROM orders WHERE number = \(bind: number)").first() != nil {
            number = OrderNumber.generate()
        }
        try await sql.raw("""
            INSERT INTO orders (id, number, event_id, user_id, buyer_name, buyer_email, status, provider, total_minor, currency, notes,
              hold_id, payment_deadline, access_token_hash, created_at, updated_at, paid_at)
            VALUES (\(bind: orderID), \(bind: number), \(bind: eventID), \(bind: valid.buyer.userID), \(bind: valid.buyer.name),
              \(bind: valid.buyer.email), \(bind: status.rawValue), \(bind: provider), \(bind: total), \(bind: price.currency),
              \(bind: valid.notes), \(bind: holdID), \(bind: deadline), \(bind: accessTokenHash), \(bind: now), \(bind: now),
              \(bind: status == .paid ? now : nil as Date?))
            """).run()
        try await sql.raw("""
            INSERT INTO order_items (id, order_id, ticket_type_id, quantity, unit_price_minor, member_price)
            VALUES (\(bind: itemID), \(bind: orderID), \(bind: ticketTypeID), \(bind: quantity), \(bind: price.unitMinor), \(bind: price.memberPrice))
            """).run()
        let rows = tickets.enumerated().map { index, ticket -> SQLQueryString in
            """
            (\(bind: ticket.ticketId), \(bind: orderID), \(bind: ticketTypeID), \(bind: eventID), \(bind: ticket.status),
             \(bind: ticket.attendeeName), \(bind: ticket.attendeeEmail), \(bind: ticket.dietaryRestrictions),
             \(bind: ticket.emergencyContact), \(bind: createdAt(index)), \(bind: secrets[index].hash), \(bind: secrets[index].sealed))
            """
        }
        try await sql.raw("""
            INSERT INTO tickets (id, order_id, ticket_type_id, event_id, status, attendee_name, attendee_email, dietary_restrictions,
              emergency_contact, created_at, secret_hash, secret_sealed) VALUES
            """ + " " + rows.joined(separator: ", ")).run()
        try await sql.raw("""
            INSERT INTO order_transitions (id, order_id, from_status, to_status, actor_kind, actor_id, reason, occurred_at)
            VALUES (\(bind: transitionID), \(bind: orderID), NULL, \(bind: status.rawValue), \(bind: actorKind), \(bind: valid.buyer.userID),
              'checkout', \(bind: now))
            """).run()
        try await Outbox.insert(outbox, now: now, on: db)
        return dto(number: number)
    }

    /// PostgreSQL common table expressions that write the same rows only if `condition` holds. Every value is cast to its
    /// column's type, since `INSERT … SELECT` cannot infer the type of a parameter (a NULL, say) from its column.
    func conditionalInsertClauses(when condition: SQLQueryString) -> SQLQueryString {
        let ticketRows = tickets.enumerated().map { index, ticket -> SQLQueryString in
            """
            SELECT CAST(\(bind: ticket.ticketId) AS uuid), CAST(\(bind: orderID) AS uuid), CAST(\(bind: ticketTypeID) AS uuid),
              CAST(\(bind: eventID) AS uuid), CAST(\(bind: ticket.status) AS text), CAST(\(bind: ticket.attendeeName) AS text),
              CAST(\(bind: ticket.attendeeEmail) AS text), CAST(\(bind: ticket.dietaryRestrictions) AS text),
              CAST(\(bind: ticket.emergencyContact) AS text), CAST(\(bind: createdAt(index)) AS timestamptz),
              CAST(\(bind: secrets[index].hash) AS text), CAST(\(bind: secrets[index].sealed) AS text) WHERE
            """ + " " + condition
        }
        let outboxRows = outbox.map { row -> SQLQueryString in
            """
            SELECT CAST(\(bind: row.id) AS uuid), CAST(\(bind: row.topic) AS text), CAST(\(bind: row.payload) AS text),
              CAST(\(bind: now) AS timestamptz), CAST(\(bind: now) AS timestamptz), 0 WHERE
            """ + " " + condition
        }
        let order: SQLQueryString = """
            new_order AS (
              INSERT INTO orders (id, number, event_id, user_id, buyer_name, buyer_email, status, provider, total_minor, currency, notes,
                hold_id, payment_deadline, access_token_hash, created_at, updated_at, paid_at)
              SELECT CAST(\(bind: orderID) AS uuid), CAST(\(bind: number) AS text), CAST(\(bind: eventID) AS uuid),
                CAST(\(bind: valid.buyer.userID) AS uuid), CAST(\(bind: valid.buyer.name) AS text), CAST(\(bind: valid.buyer.email) AS text),
                CAST(\(bind: status.rawValue) AS text), CAST(\(bind: provider) AS text), CAST(\(bind: total) AS bigint),
                CAST(\(bind: price.currency) AS text), CAST(\(bind: valid.notes) AS text), CAST(\(bind: holdID) AS uuid),
                CAST(\(bind: deadline) AS timestamptz), CAST(\(bind: accessTokenHash) AS text), CAST(\(bind: now) AS timestamptz),
                CAST(\(bind: now) AS timestamptz), CAST(\(bind: status == .paid ? now : nil as Date?) AS timestamptz) WHERE
            """ + " " + condition + ")"
        let item: SQLQueryString = """
            new_item AS (
              INSERT INTO order_items (id, order_id, ticket_type_id, quantity, unit_price_minor, member_price)
              SELECT CAST(\(bind: itemID) AS uuid), CAST(\(bind: orderID) AS uuid), CAST(\(bind: ticketTypeID) AS uuid),
                CAST(\(bind: quantity) AS integer), CAST(\(bind: price.unitMinor) AS bigint), CAST(\(bind: price.memberPrice) AS boolean) WHERE
            """ + " " + condition + ")"
        let transition: SQLQueryString = """
            new_transition AS (
              INSERT INTO order_transitions (id, order_id, from_status, to_status, actor_kind, actor_id, reason, occurred_at)
              SELECT CAST(\(bind: transitionID) AS uuid), CAST(\(bind: orderID) AS uuid), NULL, CAST(\(bind: status.rawValue) AS text),
                CAST(\(bind: actorKind) AS text), CAST(\(bind: valid.buyer.userID) AS uuid), 'checkout', CAST(\(bind: now) AS timestamptz) WHERE
            """ + " " + condition + ")"
        let ticketClause: SQLQueryString = """
            new_tickets AS (
              INSERT INTO tickets (id, order_id, ticket_type_id, event_id, status, attendee_name, attendee_email, dietary_restrictions,
                emergency_contact, created_at, secret_hash, secret_sealed)
            """ + " " + ticketRows.joined(separator: " UNION ALL ") + ")"
        let outboxClause: SQLQueryString = "new_outbox AS (INSERT INTO outbox (id, topic, payload, created_at, available_at, attempts) "
            + outboxRows.joined(separator: " UNION ALL ") + ")"
        return [order, item, ticketClause, transition, outboxClause].joined(separator: ", ")
    }

    func dto(number: String? = nil) -> OrderDTO {
        let currency = Currency(price.currency) ?? Currency("EUR")!
        return OrderDTO(
            orderId: orderID, orderNumber: number ?? self.number, eventId: eventID, status: status.rawValue, buyerName: valid.buyer.name,
            buyerEmail: valid.buyer.email, provider: provider, total: Money(minorUnits: total, currency: currency).decimal,
            totalMinor: total, currency: currency.code, notes: valid.notes, paymentDeadline: deadline,
            items: [OrderItemDTO(ticketTypeId: ticketTypeID, quantity: quantity,
                                 unitPrice: Money(minorUnits: price.unitMinor, currency: currency).decimal,
                                 unitPriceMinor: price.unitMinor, memberPrice: price.memberPrice)],
            tickets: tickets, createdAt: now, paidAt: status == .paid ? now : nil, accessToken: nil)
    }
}
