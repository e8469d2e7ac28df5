import Domain
import FluentKit
import Foundation
import HTTPCore
public import Identity
import Inventory
public import Logging
public import Persistence
import SQLKit

/// Checkout: a purchase, an order, or a hold turned into an order, each decided in one transaction that takes the
/// places, writes the order, its items, one ticket per place, its first transition and its outbox rows, or
/// writes nothing at all.
public struct CheckoutService: Sendable {
    let store: DatabaseStore
    let providers: PaymentProviders
    let ticketKeys: TicketKeys
    /// PostgreSQL only; SQLite has a single writer, so there is nothing to gather.
    let batcher: PurchaseBatcher?

    /// - Parameter paymentWindow: how long an offline order keeps its places while the buyer pays.
    /// - Parameter ticketKeys: seals each new ticket's QR secret.
    /// - Parameter logger: where a failed purchase batch is reported.
    public init(store: DatabaseStore, paymentWindow: Duration, ticketKeys: TicketKeys, logger: Logger) {
        self.store = store
        self.providers = PaymentProviders(offline: OfflineProvider(window: paymentWindow))
        self.ticketKeys = ticketKeys
        self.batcher = store.kind == .postgres ? PurchaseBatcher(store: store, providers: providers, logger: logger) : nil
    }

    struct Buyer: Sendable {
        var userID: UUID?
        var name: String
        var email: String
    }

    /// What the request asks for, validated: every bad field is named before anything is touched.
    struct ValidCheckout: Sendable {
        var ticketTypeID: UUID?
        var holdID: UUID?
        var quantity: Int?
        var attendees: [AttendeeRequest]?
        var buyer: Buyer
        var notes: String?
    }

    /// - Returns: the order, and whether it was created now (false when an `Idempotency-Key` replayed it).
    func checkout(
        _ request: CheckoutRequest, pathEventID: UUID?, by principal: Principal, cartTokenHash: String?, idempotency: (String?, Data),
        now: Date
    ) async throws -> (OrderDTO, created: Bool) {
        let valid = try await validate(request, by: principal)
        let key = try IdempotencyKey.from(header: idempotency.0, body: idempotency.1, userID: valid.buyer.userID, guestEmail: valid.buyer.email)
        let eventID = pathEventID ?? request.eventId
        let accessToken = OpaqueToken.generate()
        if valid.holdID == nil, let batcher {
            // PostgreSQL: purchases arriving together are decided and written together (`PurchaseBatcher`).
            let queued = PurchaseBatch.Purchase(
                valid: valid, eventID: eventID, accessTokenHash: OpaqueToken.hash(accessToken),
                secrets: try await ticketKeys.issue(count: valid.quantity ?? 1), now: now, key: key)
            switch try await batcher.submit(queued) {
            case .sold(var order):
                order.accessToken = accessToken
                return (order, true)
            case .refused(let error): throw error
            case .elsewhere: break
            }
        }
        let outcome = try await store.transaction { db -> (order: OrderDTO?, replayed: UUID?) in
            if let key, case .replay(let existing) = try await key.claim(now: now, on: db) { return (nil, existing) }
            let order =
                if let holdID = valid.holdID {
                    try await orderFromHold(holdID, valid, eventID: eventID, principal: principal, cartTokenHash: cartTokenHash,
                                            accessToken: accessToken, now: now, on: db)
                } else {
                    try await purchase(valid, eventID: eventID, accessToken: accessToken, now: now, on: db)
                }
            try await key?.remember(order.orderId, on: db)
            return (order, nil)
        }
        if let replayed = outcome.replayed {
            return (try await OrderReads.order(replayed, now: now, on: store.database()), false)
        }
        var order = outcome.order!
        order.accessToken = accessToken
        return (order, true)
    }

    private func purchase(_ valid: ValidCheckout, eventID: UUID?, accessToken: String, now: Date, on db: any Database)
        async throws -> OrderDTO
    {
        let quantity = valid.quantity ?? 1
        let sale = try await SaleContext.load(valid.ticketTypeID!, on: db)
        try sale.requireEvent(eventID)
        try sale.checkOnSale(quantity: quantity, now: now)
        let price = try await Pricing.load(sale.ticketTypeID, memberBuyer: valid.buyer.userID != nil, on: db)
        let provider = providers.provider(totalMinor: price.unitMinor * quantity)
        let start = provider.start(totalMinor: price.unitMinor * quantity, now: now)
        let deadline: Date? = if case .awaiting(let deadline) = start { deadline } else { nil }
        // Hot rows last: everything this order writes goes in first, and the contended session and ticket type rows
        // are updated at the very end, so their locks are held only from there to the commit. A refusal rolls it all back.
        try await SeatLedger.refuseEarlyIfShort(quantity, of: sale.target, now: now, on: db)
        var holdID: UUID?
        if let deadline {
            let hold = HoldRecord(eventID: sale.eventID, ticketTypeID: sale.ticketTypeID, quantity: quantity, userID: valid.buyer.userID,
                                  cartTokenHash: nil, expiresAt: deadline, now: now)
            try await hold.create(on: db)
            holdID = hold.id
        }
        let order = try await OrderDraft(
            valid, ticketTypeID: sale.ticketTypeID, eventID: sale.eventID, quantity: quantity, price: price, provider: provider.name,
            holdID: holdID, deadline: deadline, accessTokenHash: OpaqueToken.hash(accessToken),
            secrets: try await ticketKeys.issue(count: quantity, on: db), now: now).write(on: db)
        try await SeatLedger.take(quantity, of: sale.target, into: deadline == nil ? .sold : .held, now: now, on: db)
        return order
    }

    private func orderFromHold(
        _ holdID: UUID, _ valid: ValidCheckout, eventID: UUID?, principal: Principal, cartTokenHash: String?,
        accessToken: String, now: Date, on db: any Database
    ) async throws -> OrderDTO {
        guard let hold = try await HoldRecord.find(holdID, on: db) else { throw InventoryError.holdNotFound }
        let owned: Bool =
            if case .user(let user) = principal { hold.userID == user.id } else { cartTokenHash != nil && hold.cartTokenHash == cartTokenHash }
        guard owned else { throw InventoryError.holdNotFound }
        guard hold.status == "active", hold.expiresAt > now else { throw InventoryError.holdExpired(expiredAt: hold.expiresAt) }
        if let eventID, eventID != hold.eventID {
            throw HTTPFailure.validationFailed(FieldProblems("eventId", "is not the event of this hold"))
        }
        let sale = try await SaleContext.load(hold.ticketTypeID, on: db)
        let price = try await Pricing.load(hold.ticketTypeID, memberBuyer: valid.buyer.userID != nil, on: db)
        let provider = providers.provider(totalMinor: price.unitMinor * hold.quantity)
        let start = provider.start(totalMinor: price.unitMinor * hold.quantity, now: now)
        let deadline: Date = if case .awaiting(let deadline) = start { deadline } else { hold.expiresAt }
        let paid = start == .paid
        let sql = db as! any SQLDatabase
        // Decided on the hold row: a hold that expired, or that another order took a moment ago, cannot become an order.
        // The order takes the hold from its owner (no owner left), so the same hold can never back a second order.
        let ownerCondition: SQLQueryString =
            if case .user(let user) = principal { "user_id = \(bind: user.id)" } else { "cart_token_hash = \(bind: cartTokenHash ?? "")" }
        let claimed = try await sql.raw("""
            UPDATE holds SET status = \(bind: paid ? "converted" : "active"), expires_at = \(bind: paid ? hold.expiresAt : deadline),
              ended_at = \(bind: paid ? now : nil as Date?), user_id = NULL, cart_token_hash = NULL
            WHERE id = \(bind: holdID) AND status = 'active' AND expires_at > \(bind: now) AND
            """ + " " + ownerCondition + " RETURNING id").first()
        guard claimed != nil else { throw InventoryError.holdExpired(expiredAt: hold.expiresAt) }
        if paid { try await SeatLedger.confirmHeld(hold.quantity, of: sale.target, on: db) }
        var order = valid
        order.quantity = hold.quantity
        return try await OrderDraft(
            order, ticketTypeID: hold.ticketTypeID, eventID: hold.eventID, quantity: hold.quantity, price: price, provider: provider.name,
            holdID: paid ? nil : holdID, deadline: paid ? nil : deadline, accessTokenHash: OpaqueToken.hash(accessToken),
            secrets: try await ticketKeys.issue(count: hold.quantity, on: db), now: now)
            .write(on: db)
    }

    private func validate(_ request: CheckoutRequest, by principal: Principal) async throws -> ValidCheckout {
        var problems = FieldProblems()
        let holdID = request.holdId ?? request.lockId
        let typeID = request.ticketTypeId ?? request.categoryId
        if holdID == nil {
            problems.require(typeID != nil, "ticketTypeId", "is required")
            problems.require(request.quantity != nil, "quantity", "is required")
        }
        if let quantity = request.quantity { problems.require((1...10).contains(quantity), "quantity", "must be from 1 to 10") }
        if let attendees = request.attendees {
            if let quantity = request.quantity {
                problems.require(attendees.count == quantity, "attendees", "must list one attendee per ticket (\(quantity))")
            }
            for (index, attendee) in attendees.enumerated() {
                problems.require((1...100).contains(attendee.name?.trimmingCharacters(in: .whitespaces).count ?? 0),
                                 "attendees[\(index)].name", "must be 1 to 100 characters")
                problems.require(attendee.email.flatMap(EmailAddress.init) != nil, "attendees[\(index)].email", "is not a valid email address")
                problems.require((attendee.dietaryRestrictions ?? "").count <= 500, "attendees[\(index)].dietaryRestrictions", "is too long")
                problems.require((attendee.emergencyContact ?? "").count <= 200, "attendees[\(index)].emergencyContact", "is too long")
            }
        }
        problems.require((request.notes ?? "").count <= 1000, "notes", "must be at most 1000 characters")
        if let method = request.paymentMethod?.lowercased(), !PaymentProviders.offlineMethods.contains(method) {
            throw OrdersError.paymentMethodUnavailable(request.paymentMethod!)
        }
        var buyer = Buyer(userID: nil, name: request.buyerName?.trimmingCharacters(in: .whitespaces) ?? "",
                          email: request.buyerEmail.flatMap(EmailAddress.init)?.value ?? "")
        if case .user(let user) = principal, let record = try await UserRecord.find(user.id, on: store.database()) {
            buyer = Buyer(userID: user.id, name: buyer.name.isEmpty ? record.displayName : buyer.name, email: record.email)
        } else {
            problems.require((1...100).contains(buyer.name.count), "buyerName", "is required for guests (1 to 100 characters)")
            problems.require(!buyer.email.isEmpty, "buyerEmail", request.buyerEmail == nil ? "is required for guests" : "is not a valid email address")
        }
        try problems.throwIfAny()
        return ValidCheckout(ticketTypeID: typeID, holdID: holdID, quantity: request.quantity, attendees: request.attendees,
                             buyer: buyer, notes: request.notes)
    }
}

/// What one place of a ticket type costs this buyer.
struct Pricing: Sendable {
    var unitMinor: Int
    var memberPrice: Bool
    var currency: String

    static func load(_ ticketTypeID: UUID, memberBuyer: Bool, on db: any Database) async throws -> Pricing {
        guard let row = try await (db as! any SQLDatabase).raw("""
            SELECT t.price_minor, t.member_price_minor, e.currency FROM ticket_types t JOIN events e ON e.id = t.event_id
            WHERE t.id = \(bind: ticketTypeID)
            """).first()
        else { throw InventoryError.ticketTypeNotFound }
        return Pricing(
            priceMinor: try row.decode(column: "price_minor", as: Int.self), memberPriceMinor: try row.optional("member_price_minor", Int.self),
            currency: try row.decode(column: "currency", as: String.self), memberBuyer: memberBuyer)
    }

    /// Signed-in members pay the member price where one is set.
    init(priceMinor: Int, memberPriceMinor: Int?, currency: String, memberBuyer: Bool) {
        let member = memberBuyer ? memberPriceMinor : nil
        self.init(unitMinor: member ?? priceMinor, memberPrice: member != nil, currency: currency)
    }

    init(unitMinor: Int, memberPrice: Bool, currency: String) {
        self.unitMinor = unitMinor
        self.memberPrice = memberPrice
        self.currency = currency
    }
}

/// Writes side effects to deliver after commit, in the caller's transaction.
enum Outbox {
    /// One row to write: its ID, topic and JSON payload.
    typealias Row = (id: UUID, topic: String, payload: String)

    static func enqueue(_ topic: String, _ payload: [String: JSONValue], now: Date, on db: any Database) async throws {
        try await enqueue([(topic, payload)], now: now, on: db)
    }

    /// Several rows in one statement.
    static func enqueue(_ messages: [(String, [String: JSONValue])], now: Date, on db: any Database) async throws {
        try await insert(try rows(messages), now: now, on: db)
    }

    static func rows(_ messages: [(String, [String: JSONValue])]) throws -> [Row] {
        try messages.map { topic, payload in (UUID.random(), topic, String(decoding: try JSONCoding.encoder.encode(payload), as: UTF8.self)) }
    }

    static let columns = "outbox (id, topic, payload, created_at, available_at, attempts)"

    static func values(_ row: Row, now: Date) -> SQLQueryString {
        "(\(bind: row.id), \(bind: row.topic), \(bind: row.payload), \(bind: now), \(bind: now), 0)"
    }

    static func insert(_ rows: [Row], now: Date, on db: any Database) async throws {
        guard !rows.isEmpty else { return }
        try await (db as! any SQLDatabase).raw("INSERT INTO \(unsafeRaw: columns) VALUES " + rows.map { values($0, now: now) }.joined(separator: ", ")).run()
    }
}
