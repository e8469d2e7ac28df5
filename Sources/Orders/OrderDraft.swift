import Domain
import FluentKit
import Foundation
import HTTPCore
import Identity
import Outbox
import Persistence
import SQLKit
import Sales
import Tickets

/// An order about to be written: its item, one ticket per place (each with its QR secret), the hold that keeps a pending
/// order's places until its payment deadline, its first transition and its outbox rows. It is written either as one
/// statement per table inside the caller's transaction (`write`), or together with a whole batch of orders as clauses of
/// one PostgreSQL statement (`insertClauses`): every round trip while the hot rows are locked is time other buyers wait
/// (docs/benchmarks.md).
struct OrderDraft: Sendable {
    let orderID: UUID
    let itemID = UUID.random()
    var number = OrderNumber.generate()
    let valid: CheckoutService.ValidCheckout
    let ticketTypeID: UUID
    let eventID: UUID
    let quantity: Int
    let price: Pricing
    let provider: String
    let holdID: UUID?
    /// The order's hold is written with it (a purchase that ends pending); false when it takes over an existing hold.
    let newHold: Bool
    let deadline: Date?
    let accessTokenHash: String
    let tickets: [OrderTicketDTO]
    let secrets: [TicketKeys.Issued]
    let outbox: [Outbox.Row]
    let now: Date
    /// A guest's offline order: the token of the link that confirms their email (`GuestConfirmations`).
    let emailConfirmationToken: String?

    var status: OrderStatus { deadline == nil ? .paid : .pending }
    var total: Int { price.unitMinor * quantity }

    /// - Parameter secrets: one issued QR secret per ticket (`TicketKeys.issue`), made before any row is locked.
    init(
        _ valid: CheckoutService.ValidCheckout, ticketTypeID: UUID, eventID: UUID, quantity: Int, price: Pricing,
        provider: String,
        holdID: UUID?, newHold: Bool = false, deadline: Date?, accessTokenHash: String, secrets: [TicketKeys.Issued],
        now: Date, emailConfirmationToken: String? = nil,
        orderID: UUID = UUID.random()
    ) throws {
        precondition(
            !newHold || (holdID != nil && deadline != nil),
            "a new hold keeps a pending order's places until its deadline")
        precondition(secrets.count == quantity, "one QR secret per ticket")
        self.orderID = orderID
        self.valid = valid
        self.ticketTypeID = ticketTypeID
        self.eventID = eventID
        self.quantity = quantity
        self.price = price
        self.provider = provider
        self.holdID = holdID
        self.newHold = newHold
        self.deadline = deadline
        self.accessTokenHash = accessTokenHash
        self.secrets = secrets
        self.now = now
        let ticketStatus = (deadline == nil ? OrderStatus.paid : .pending).ticketStatus.rawValue
        self.tickets = (0..<quantity).map { index in
            let attendee = valid.attendees.flatMap { index < $0.count ? $0[index] : nil }
            return OrderTicketDTO(
                ticketId: UUID.random(), ticketTypeId: ticketTypeID, status: ticketStatus,
                attendeeName: attendee?.name?.trimmingCharacters(in: .whitespacesAndNewlines) ?? valid.buyer.name,
                attendeeEmail: attendee?.email.flatMap(EmailAddress.init)?.value ?? valid.buyer.email,
                dietaryRestrictions: attendee?.dietaryRestrictions, emergencyContact: attendee?.emergencyContact)
        }
        self.emailConfirmationToken = emailConfirmationToken
        // A card order is confirmed when its payment succeeds (`CardPayments`), not while the buyer is still paying.
        let confirmation =
            valid.paysByCard && deadline != nil
            ? []
            : [
                try Outbox.row(
                    OrderConfirmation(
                        orderId: orderID, eventId: eventID, emailConfirmationToken: emailConfirmationToken))
            ]
        self.outbox = confirmation + [try Outbox.row(AvailabilityChanged(eventId: eventID))]
    }

    /// Creation instants a microsecond apart keep the tickets in attendee order.
    private func createdAt(_ index: Int) -> Date { now.addingTimeInterval(Double(index) / 1_000_000) }

    /// The order's first transition, recorded by the order lifecycle (the one writer of transition rows).
    var transition: OrderLifecycle.Transition {
        OrderLifecycle.Transition(
            orderID: orderID, from: nil, to: status, actor: valid.buyer.userID.map(TransitionActor.user) ?? .anonymous,
            reason: "checkout", at: now)
    }

    // The rows, as VALUES tuples shared by both ways of writing them.

    static let orderColumns = """
        orders (id, number, event_id, user_id, buyer_name, buyer_email, status, provider, total_minor, currency, notes,
          hold_id, payment_deadline, access_token_hash, created_at, updated_at, paid_at, buyer_key, client_address)
        """
    static let itemColumns = "order_items (id, order_id, ticket_type_id, quantity, unit_price_minor, member_price)"
    static let ticketColumns = """
        tickets (id, order_id, ticket_type_id, event_id, status, attendee_name, attendee_email, dietary_restrictions,
          emergency_contact, created_at, secret_hash, secret_sealed)
        """

    private var orderRow: SQLQueryString {
        """
        (\(bind: orderID), \(bind: number), \(bind: eventID), \(bind: valid.buyer.userID), \(bind: valid.buyer.name),
          \(bind: valid.buyer.email), \(bind: status.rawValue), \(bind: provider), \(bind: total), \(bind: price.currency),
          \(bind: valid.notes), \(bind: holdID), \(bind: deadline), \(bind: accessTokenHash), \(bind: now), \(bind: now),
          \(bind: status == .paid ? now : nil as Date?), \(bind: valid.taker.buyerKey), \(bind: valid.taker.address))
        """
    }

    /// The hold of a pending order: owned by the order alone (no user or cart can take it over), active until the
    /// order is paid, cancelled or expires at its deadline.
    static let holdColumns =
        "holds (id, event_id, ticket_type_id, quantity, user_id, cart_token_hash, status, expires_at, created_at, buyer_key, client_address)"

    private var holdRow: SQLQueryString {
        """
        (\(bind: holdID), \(bind: eventID), \(bind: ticketTypeID), \(bind: quantity), NULL, NULL, \(bind: HoldStatus.active.rawValue),
          \(bind: deadline), \(bind: now), \(bind: valid.taker.buyerKey), \(bind: valid.taker.address))
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

    /// One statement per table, in the caller's transaction.
    func write(on db: any Database) async throws -> OrderDTO {
        let sql = db.sql
        var draft = self
        // 50 random bits rarely collide; when they do, another number is drawn before the insert can fail on the unique index.
        while try await sql.raw("SELECT 1 AS taken FROM orders WHERE number = \(bind: draft.number)").first() != nil {
            draft.number = OrderNumber.generate()
        }
        if newHold { try await sql.raw("INSERT INTO \(unsafeRaw: Self.holdColumns) VALUES " + holdRow).run() }
        try await sql.raw("INSERT INTO \(unsafeRaw: Self.orderColumns) VALUES " + draft.orderRow).run()
        try await sql.raw("INSERT INTO \(unsafeRaw: Self.itemColumns) VALUES " + itemRow).run()
        try await sql.raw("INSERT INTO \(unsafeRaw: Self.ticketColumns) VALUES " + ticketRows.joined(separator: ", "))
            .run()
        try await OrderLifecycle.record([transition], on: db)
        try await GuestConfirmations.write([draft], on: db)
        try await Outbox.enqueue(outbox, now: now, on: db)
        return draft.dto()
    }

    /// PostgreSQL common table expressions that write the rows of all `drafts` (paid orders and pending ones with their
    /// holds, as a purchase batch makes), each table in one insert from arrays bound once per column. An order number that
    /// collides fails the whole statement on its unique index; the caller draws new numbers and retries. The transitions
    /// are written apart, by the order lifecycle.
    static func insertClauses(_ drafts: [OrderDraft], on statement: PostgresStatement) throws -> String {
        let s = statement
        let holds = drafts.filter(\.newHold)
        let tickets = drafts.flatMap { draft in draft.tickets.indices.map { (draft, $0) } }
        let outbox = drafts.flatMap { draft in draft.outbox.map { (draft, $0) } }
        let notes = drafts.map(\.valid.notes).nullableColumn
        let diets = tickets.map { $0.0.tickets[$0.1].dietaryRestrictions }.nullableColumn
        let contacts = tickets.map { $0.0.tickets[$0.1].emergencyContact }.nullableColumn
        // A missing buyer account, hold or deadline is "" or the epoch here and NULL in the row.
        let users = drafts.map { $0.valid.buyer.userID?.uuidString ?? "" }
        let holdIDs = drafts.map { $0.holdID?.uuidString ?? "" }
        let deadlines = drafts.map { $0.deadline ?? Date(timeIntervalSince1970: 0) }
        return try """
        new_holds AS (
          INSERT INTO \(Self.holdColumns)
          SELECT id, event_id, ticket_type_id, quantity, NULL, NULL, 'active', expires_at, at, buyer_key,
            NULLIF(client_address, '')
          FROM unnest(\(s.bind(holds.map { $0.holdID! }))::uuid[], \(s.bind(holds.map(\.eventID)))::uuid[],
            \(s.bind(holds.map(\.ticketTypeID)))::uuid[], \(s.bind(holds.map(\.quantity)))::integer[],
            \(s.bind(holds.map { $0.deadline! }))::timestamptz[], \(s.bind(holds.map(\.now)))::timestamptz[],
            \(s.bind(holds.map(\.valid.taker.buyerKey)))::text[], \(s.bind(holds.map { $0.valid.taker.address ?? "" }))::text[])
            AS h(id, event_id, ticket_type_id, quantity, expires_at, at, buyer_key, client_address)),
        new_orders AS (
          INSERT INTO \(Self.orderColumns)
          SELECT id, number, event_id, CAST(NULLIF(user_id, '') AS uuid), buyer_name, buyer_email, status, provider, total, currency,
            CASE WHEN no_notes THEN NULL ELSE notes END, CAST(NULLIF(hold_id, '') AS uuid),
            CASE WHEN status = 'paid' THEN NULL ELSE deadline END, token_hash, at, at, CASE WHEN status = 'paid' THEN at END,
            buyer_key, NULLIF(client_address, '')
          FROM unnest(\(s.bind(drafts.map(\.orderID)))::uuid[], \(s.bind(drafts.map(\.number)))::text[],
            \(s.bind(drafts.map(\.eventID)))::uuid[], \(s.bind(users))::text[], \(s.bind(drafts.map(\.valid.buyer.name)))::text[],
            \(s.bind(drafts.map(\.valid.buyer.email)))::text[], \(s.bind(drafts.map(\.status.rawValue)))::text[],
            \(s.bind(drafts.map(\.provider)))::text[], \(s.bind(drafts.map(\.total)))::bigint[],
            \(s.bind(drafts.map(\.price.currency)))::text[], \(s.bind(notes.values))::text[], \(s.bind(notes.isNull))::boolean[],
            \(s.bind(holdIDs))::text[], \(s.bind(deadlines))::timestamptz[],
            \(s.bind(drafts.map(\.accessTokenHash)))::text[], \(s.bind(drafts.map(\.now)))::timestamptz[],
            \(s.bind(drafts.map(\.valid.taker.buyerKey)))::text[], \(s.bind(drafts.map { $0.valid.taker.address ?? "" }))::text[])
            AS o(id, number, event_id, user_id, buyer_name, buyer_email, status, provider, total, currency, notes, no_notes, hold_id,
              deadline, token_hash, at, buyer_key, client_address)),
        new_items AS (
          INSERT INTO \(Self.itemColumns)
          SELECT * FROM unnest(\(s.bind(drafts.map(\.itemID)))::uuid[], \(s.bind(drafts.map(\.orderID)))::uuid[],
            \(s.bind(drafts.map(\.ticketTypeID)))::uuid[], \(s.bind(drafts.map(\.quantity)))::integer[],
            \(s.bind(drafts.map(\.price.unitMinor)))::bigint[], \(s.bind(drafts.map(\.price.memberPrice)))::boolean[])),
        new_tickets AS (
          INSERT INTO \(Self.ticketColumns)
          SELECT id, order_id, ticket_type_id, event_id, status, attendee_name, attendee_email,
            CASE WHEN no_diet THEN NULL ELSE diet END, CASE WHEN no_contact THEN NULL ELSE contact END, at, secret_hash, secret_sealed
          FROM unnest(\(s.bind(tickets.map { $0.0.tickets[$0.1].ticketId }))::uuid[], \(s.bind(tickets.map { $0.0.orderID }))::uuid[],
            \(s.bind(tickets.map { $0.0.ticketTypeID }))::uuid[], \(s.bind(tickets.map { $0.0.eventID }))::uuid[],
            \(s.bind(tickets.map { $0.0.tickets[$0.1].status }))::text[], \(s.bind(tickets.map { $0.0.tickets[$0.1].attendeeName }))::text[],
            \(s.bind(tickets.map { $0.0.tickets[$0.1].attendeeEmail }))::text[], \(s.bind(diets.values))::text[], \(s.bind(diets.isNull))::boolean[],
            \(s.bind(contacts.values))::text[], \(s.bind(contacts.isNull))::boolean[], \(s.bind(tickets.map { $0.0.createdAt($0.1) }))::timestamptz[],
            \(s.bind(tickets.map { $0.0.secrets[$0.1].hash }))::text[], \(s.bind(tickets.map { $0.0.secrets[$0.1].sealed }))::text[])
            AS t(id, order_id, ticket_type_id, event_id, status, attendee_name, attendee_email, diet, no_diet, contact, no_contact, at,
              secret_hash, secret_sealed)),
        new_outbox AS (
          INSERT INTO \(Outbox.columns)
          SELECT id, topic, payload, at, at, 0, CAST(NULLIF(order_id, '') AS uuid), CAST(NULLIF(broadcast_id, '') AS uuid),
            CAST(NULLIF(subscriber_id, '') AS uuid)
          FROM unnest(\(s.bind(outbox.map { $0.1.id }))::uuid[], \(s.bind(outbox.map { $0.1.topic.rawValue }))::text[],
            \(s.bind(outbox.map { $0.1.payload }))::text[], \(s.bind(outbox.map { $0.0.now }))::timestamptz[],
            \(s.bind(outbox.map { $0.1.indexedIDs.orderID?.uuidString ?? "" }))::text[],
            \(s.bind(outbox.map { $0.1.indexedIDs.broadcastID?.uuidString ?? "" }))::text[],
            \(s.bind(outbox.map { $0.1.indexedIDs.subscriberID?.uuidString ?? "" }))::text[])
            AS m(id, topic, payload, at, order_id, broadcast_id, subscriber_id))
        """ + (try confirmationClause(drafts, on: statement))
    }

    /// Guests' offline orders ask their buyer to confirm their email (`GuestConfirmations`): one row each, written by
    /// the batch's statement too.
    private static func confirmationClause(_ drafts: [OrderDraft], on s: PostgresStatement) throws -> String {
        let asking = drafts.filter { $0.emailConfirmationToken != nil }
        guard !asking.isEmpty else { return "" }
        return try """
        , new_confirmations AS (
          INSERT INTO guest_confirmations (order_id, token_hash, created_at)
          SELECT * FROM unnest(\(s.bind(asking.map(\.orderID)))::uuid[],
            \(s.bind(asking.map { OpaqueToken.hash($0.emailConfirmationToken!) }))::text[],
            \(s.bind(asking.map(\.now)))::timestamptz[]))
        """
    }

    func dto() -> OrderDTO {
        let currency = Currency.stored(price.currency)
        return OrderDTO(
            orderId: orderID, orderNumber: number, eventId: eventID, status: status.rawValue,
            buyerName: valid.buyer.name,
            buyerEmail: valid.buyer.email, provider: provider,
            total: Money(minorUnits: total, currency: currency).decimal,
            totalMinor: total, currency: currency.code, notes: valid.notes, paymentDeadline: deadline,
            items: [
                OrderItemDTO(
                    ticketTypeId: ticketTypeID, quantity: quantity,
                    unitPrice: Money(minorUnits: price.unitMinor, currency: currency).decimal,
                    unitPriceMinor: price.unitMinor, memberPrice: price.memberPrice)
            ],
            tickets: tickets, createdAt: now, paidAt: status == .paid ? now : nil, accessToken: nil)
    }
}
