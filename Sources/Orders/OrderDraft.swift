import Domain
import FluentKit
import Foundation
import HTTPCore
import Identity
import Persistence
import SQLKit

/// An order about to be written: its item, one ticket per place (each with its QR secret), its first transition and its
/// outbox rows. It is written either as one statement per table inside the caller's transaction (`write`), or together
/// with a whole batch of orders as clauses of one PostgreSQL statement (`insertClauses`): every round trip while the
/// hot rows are locked is time other buyers wait (docs/benchmarks.md).
struct OrderDraft: Sendable {
    let orderID: UUID
    let itemID = UUID()
    let transitionID = UUID()
    var number = OrderNumber.generate()
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

    /// - Parameter secrets: one issued QR secret per ticket (`TicketKeys.issue`), made before any row is locked.
    init(
        _ valid: CheckoutService.ValidCheckout, ticketTypeID: UUID, eventID: UUID, quantity: Int, price: Pricing, provider: String,
        holdID: UUID?, deadline: Date?, accessTokenHash: String, secrets: [TicketKeys.Issued], now: Date, orderID: UUID = UUID()
    ) throws {
        precondition(secrets.count == quantity, "one QR secret per ticket")
        self.orderID = orderID
        self.valid = valid
        self.ticketTypeID = ticketTypeID
        self.eventID = eventID
        self.quantity = quantity
        self.price = price
        self.provider = provider
        self.holdID = holdID
        self.deadline = deadline
        self.accessTokenHash = accessTokenHash
        self.secrets = secrets
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
        self.outbox = try Outbox.rows([("email.order_confirmation", ["orderId": .string(orderID.uuidString)]),
                                       ("signal.availability_changed", ["eventId": .string(eventID.uuidString)])])
    }

    /// Creation instants a microsecond apart keep the tickets in attendee order.
    private func createdAt(_ index: Int) -> Date { now.addingTimeInterval(Double(index) / 1_000_000) }

    private var actorKind: String { valid.buyer.userID == nil ? "anonymous" : "user" }

    // The rows, as VALUES tuples shared by both ways of writing them.

    static let orderColumns: SQLQueryString = """
        orders (id, number, event_id, user_id, buyer_name, buyer_email, status, provider, total_minor, currency, notes,
          hold_id, payment_deadline, access_token_hash, created_at, updated_at, paid_at)
        """
    static let itemColumns: SQLQueryString = "order_items (id, order_id, ticket_type_id, quantity, unit_price_minor, member_price)"
    static let ticketColumns: SQLQueryString = """
        tickets (id, order_id, ticket_type_id, event_id, status, attendee_name, attendee_email, dietary_restrictions,
          emergency_contact, created_at, secret_hash, secret_sealed)
        """
    static let transitionColumns: SQLQueryString =
        "order_transitions (id, order_id, from_status, to_status, actor_kind, actor_id, reason, occurred_at)"

    private var orderRow: SQLQueryString {
        """
        (\(bind: orderID), \(bind: number), \(bind: eventID), \(bind: valid.buyer.userID), \(bind: valid.buyer.name),
          \(bind: valid.buyer.email), \(bind: status.rawValue), \(bind: provider), \(bind: total), \(bind: price.currency),
          \(bind: valid.notes), \(bind: holdID), \(bind: deadline), \(bind: accessTokenHash), \(bind: now), \(bind: now),
          \(bind: status == .paid ? now : nil as Date?))
        """
    }

    private var itemRow: SQLQueryString {
        """
        (\(bind: itemID), \(bind: orderID), \(bind: ticketTypeID), \(bind: quantity), \(bind: price.unitMinor), \(bind: price.memberPrice))
        """
    }

    private var ticketRows: [SQLQueryString] {
        tickets.enumerated().map { index, ticket in
            """
            (\(bind: ticket.ticketId), \(bind: orderID), \(bind: ticketTypeID), \(bind: eventID), \(bind: ticket.status),
             \(bind: ticket.attendeeName), \(bind: ticket.attendeeEmail), \(bind: ticket.dietaryRestrictions),
             \(bind: ticket.emergencyContact), \(bind: createdAt(index)), \(bind: secrets[index].hash), \(bind: secrets[index].sealed))
            """
        }
    }

    private var transitionRow: SQLQueryString {
        """
        (\(bind: transitionID), \(bind: orderID), NULL, \(bind: status.rawValue), \(bind: actorKind), \(bind: valid.buyer.userID),
          'checkout', \(bind: now))
        """
    }

    private var outboxRows: [SQLQueryString] { outbox.map { Outbox.values($0, now: now) } }

    /// One statement per table, in the caller's transaction.
    func write(on db: any Database) async throws -> OrderDTO {
        let sql = db as! any SQLDatabase
        var draft = self
        // 50 random bits rarely collide; when they do, another number is drawn before the insert can fail on the unique index.
        while try await sql.raw("SELECT 1 AS taken FROM orders WHERE number = \(bind: draft.number)").first() != nil {
            draft.number = OrderNumber.generate()
        }
        try await sql.raw("INSERT INTO " + Self.orderColumns + " VALUES " + draft.orderRow).run()
        try await sql.raw("INSERT INTO " + Self.itemColumns + " VALUES " + itemRow).run()
        try await sql.raw("INSERT INTO " + Self.ticketColumns + " VALUES " + ticketRows.joined(separator: ", ")).run()
        try await sql.raw("INSERT INTO " + Self.transitionColumns + " VALUES " + transitionRow).run()
        try await sql.raw("INSERT INTO " + Outbox.columns + " VALUES " + outboxRows.joined(separator: ", ")).run()
        return draft.dto()
    }

    /// PostgreSQL common table expressions that write the rows of all `drafts`, each table in one multi-row insert. An
    /// order number that collides fails the whole statement on its unique index; the caller draws new numbers and retries.
    static func insertClauses(_ drafts: [OrderDraft]) -> SQLQueryString {
        func insert(_ name: String, _ columns: SQLQueryString, _ rows: [SQLQueryString]) -> SQLQueryString {
            "\(unsafeRaw: name) AS (INSERT INTO " + columns + " VALUES " + rows.joined(separator: ", ") + ")"
        }
        return [
            insert("new_orders", orderColumns, drafts.map(\.orderRow)),
            insert("new_items", itemColumns, drafts.map(\.itemRow)),
            insert("new_tickets", ticketColumns, drafts.flatMap(\.ticketRows)),
            insert("new_transitions", transitionColumns, drafts.map(\.transitionRow)),
            insert("new_outbox", Outbox.columns, drafts.flatMap(\.outboxRows)),
        ].joined(separator: ", ")
    }

    func dto() -> OrderDTO {
        let currency = Currency(price.currency) ?? Currency("EUR")!
        return OrderDTO(
            orderId: orderID, orderNumber: number, eventId: eventID, status: status.rawValue, buyerName: valid.buyer.name,
            buyerEmail: valid.buyer.email, provider: provider, total: Money(minorUnits: total, currency: currency).decimal,
            totalMinor: total, currency: currency.code, notes: valid.notes, paymentDeadline: deadline,
            items: [OrderItemDTO(ticketTypeId: ticketTypeID, quantity: quantity,
                                 unitPrice: Money(minorUnits: price.unitMinor, currency: currency).decimal,
                                 unitPriceMinor: price.unitMinor, memberPrice: price.memberPrice)],
            tickets: tickets, createdAt: now, paidAt: status == .paid ? now : nil, accessToken: nil)
    }
}
