import Domain
import FluentKit
import Foundation
import HTTPCore
import Identity
public import Logging
public import Persistence
import SQLKit
import Sales
public import Tickets

/// Checkout: a purchase, decided and written in a batch with the purchases that arrive with it (`PurchaseBatch`), or a
/// hold turned into an order in one transaction. Either takes the places, writes the order, its items, one ticket per
/// place, its first transition and its outbox rows, or writes nothing at all.
public struct CheckoutService: Sendable {
    let store: DatabaseStore
    let methods: PaymentMethods
    let ticketKeys: TicketKeys
    let batcher: PurchaseBatcher
    let settings: SaleSettings
    let payments: any OrderPayments

    /// - Parameter ticketKeys: seals each new ticket's QR secret.
    /// - Parameter payments: starts a card order's payment once its sale has committed.
    /// - Parameter logger: where a failed purchase batch is reported.
    public init(
        store: DatabaseStore, settings: SaleSettings, ticketKeys: TicketKeys, payments: any OrderPayments,
        logger: Logger
    ) {
        self.store = store
        self.settings = settings
        self.payments = payments
        self.methods = PaymentMethods(
            offline: OfflineMethod(window: settings.paymentWindow),
            card: payments.cardProcessor.map { CardMethod(name: $0, window: settings.cardPaymentWindow) })
        self.ticketKeys = ticketKeys
        self.batcher = PurchaseBatcher(store: store, methods: methods, settings: settings, logger: logger)
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
        var attendees: [AttendeeDetails]?
        var buyer: Buyer
        var notes: String?
        /// The buyer pays by card (through the processor, after the sale commits), with this token if given.
        var paysByCard = false
        var paymentToken: String? = nil
        /// The anonymous cart the purchase comes with, and the client's address: with the buyer, who takes the places.
        var cartTokenHash: String? = nil
        var address: String? = nil

        var taker: PlaceTaker {
            PlaceTaker(userID: buyer.userID, cartTokenHash: cartTokenHash, email: buyer.email, address: address)
        }
    }

    /// - Returns: the order, and whether it was created now (false when an `Idempotency-Key` replayed it).
    func checkout(
        _ request: CheckoutOrder, pathEventID: UUID?, by principal: Principal, cartTokenHash: String?,
        address: String?, idempotency: (String?, Data),
        now: Date
    ) async throws -> (OrderDTO, created: Bool) {
        var validated = try await validate(request, by: principal)
        validated.cartTokenHash = cartTokenHash
        validated.address = address
        let valid = validated
        let key = try IdempotencyKey.from(
            header: idempotency.0, body: idempotency.1, userID: valid.buyer.userID, guestEmail: valid.buyer.email)
        let eventID = pathEventID ?? request.eventId
        let accessToken = OpaqueToken.generate()
        guard let holdID = valid.holdID else {
            let (order, created) = try await purchase(
                valid, eventID: eventID, accessToken: accessToken, key: key, now: now)
            return (try await payingByCard(order, valid, created: created, now: now), created)
        }
        let outcome = try await store.transaction { db -> (order: OrderDTO?, replayed: UUID?) in
            if let key, case .replay(let existing) = try await key.claim(now: now, on: db) { return (nil, existing) }
            let order = try await orderFromHold(
                holdID, valid, eventID: eventID, principal: principal, cartTokenHash: cartTokenHash,
                accessToken: accessToken, now: now, on: db)
            try await key?.remember(order.orderId, on: db)
            return (order, nil)
        }
        if let replayed = outcome.replayed {
            return (try await OrderReads.order(replayed, now: now, on: store.database()), false)
        }
        var order = outcome.order!
        order.accessToken = accessToken
        return (try await payingByCard(order, valid, created: true, now: now), true)
    }

    /// A card order just sold: its payment is started now that the sale has committed (no seat is locked while the
    /// processor answers), and the answer shows the order as the processor's word left it.
    private func payingByCard(_ order: OrderDTO, _ valid: ValidCheckout, created: Bool, now: Date) async throws
        -> OrderDTO
    {
        guard created, valid.paysByCard, order.status == OrderStatus.pending.rawValue,
            order.provider == payments.cardProcessor
        else { return order }
        let payment = try await payments.startCardPayment(order.orderId, paymentToken: valid.paymentToken, now: now)
        var paid = try await OrderReads.order(order.orderId, now: now, on: store.database())
        paid.accessToken = order.accessToken
        paid.payment = payment
        return paid
    }

    /// A purchase goes into the next batch; a key seen before replays its order (or is refused for another request).
    private func purchase(_ valid: ValidCheckout, eventID: UUID?, accessToken: String, key: IdempotencyKey?, now: Date)
        async throws -> (OrderDTO, created: Bool)
    {
        let secrets = try await ticketKeys.issue(count: valid.quantity ?? 1)
        // A key can be seen in use and then freed by a refusal before it is looked up: such a purchase is batched again.
        for _ in 1...3 {
            let queued = PurchaseBatch.Purchase(
                valid: valid, eventID: eventID, accessTokenHash: OpaqueToken.hash(accessToken),
                secrets: secrets, now: now, key: key)
            switch try await batcher.submit(queued) {
            case .sold(var order):
                order.accessToken = accessToken
                return (order, true)
            case .refused(let error):
                throw error
            case .keySeen:
                if let existing = try await key?.existingOrder(on: store.database()) {
                    return (try await OrderReads.order(existing, now: now, on: store.database()), false)
                }
            }
        }
        throw HTTPFailure.conflict("This Idempotency-Key is in use by a request still in progress; retry in a moment.")
    }

    /// The hold's places become the order's: sold when nothing is to be paid, else still held (now by the order, until its
    /// payment deadline). The seats are locked first, in the one lock order, then the hold is taken from its owner.
    private func orderFromHold(
        _ holdID: UUID, _ valid: ValidCheckout, eventID: UUID?, principal: Principal, cartTokenHash: String?,
        accessToken: String, now: Date, on db: any Database
    ) async throws -> OrderDTO {
        guard let hold = try await HoldRecord.find(holdID, on: db) else { throw SalesError.holdNotFound }
        let owned: Bool =
            if case .user(let user) = principal { hold.userID == user.id } else {
                cartTokenHash != nil && hold.cartTokenHash == cartTokenHash
            }
        guard owned else { throw SalesError.holdNotFound }
        guard hold.status == HoldStatus.active.rawValue, hold.expiresAt > now else {
            throw SalesError.holdExpired(expiredAt: hold.expiresAt)
        }
        if let eventID, eventID != hold.eventID {
            throw HTTPFailure.unprocessable(FieldProblems("eventId", "is not the event of this hold"))
        }
        let locked = try await LockedSales.lock([hold.ticketTypeID], on: db)
        guard let type = locked.types[hold.ticketTypeID] else { throw SalesError.ticketTypeNotFound }
        let terms = SaleTerms(
            type, quantity: hold.quantity, for: valid, methods: methods,
            guests: GuestConfirmationRule(window: settings.guestConfirmWindow), now: now)
        let paid = terms.paidAtOnce
        let sql = db.sql
        // Decided on the hold row: a hold that expired, or that another order took a moment ago, cannot become an order.
        // The order takes the hold from its owner (no owner left), so the same hold can never back a second order.
        let ownerCondition: SQLQueryString =
            if case .user(let user) = principal { "user_id = \(bind: user.id)" } else {
                "cart_token_hash = \(bind: cartTokenHash ?? "")"
            }
        let claimed = try await sql.raw(
            """
            UPDATE holds SET expires_at = \(bind: terms.deadline ?? hold.expiresAt), user_id = NULL, cart_token_hash = NULL
            WHERE id = \(bind: holdID) AND status = \(bind: HoldStatus.active.rawValue) AND expires_at > \(bind: now) AND
            """ + " " + ownerCondition + " RETURNING id"
        ).first()
        guard claimed != nil else { throw SalesError.holdExpired(expiredAt: hold.expiresAt) }
        if paid { try await HoldLifecycle.end([holdID], as: .converted, now: now, locked: locked, on: db) }
        var order = valid
        order.quantity = hold.quantity
        return try await OrderDraft(
            order, ticketTypeID: hold.ticketTypeID, eventID: hold.eventID, quantity: hold.quantity,
            price: terms.price, provider: terms.provider, holdID: paid ? nil : holdID, deadline: terms.deadline,
            accessTokenHash: OpaqueToken.hash(accessToken),
            secrets: try await ticketKeys.issue(count: hold.quantity, on: db), now: now,
            emailConfirmationToken: terms.confirmation
        )
        .write(on: db)
    }

    private func validate(_ request: CheckoutOrder, by principal: Principal) async throws -> ValidCheckout {
        var problems = FieldProblems()
        let holdID = request.holdId ?? request.lockId
        let typeID = request.ticketTypeId ?? request.categoryId
        if holdID == nil {
            problems.require(typeID != nil, "ticketTypeId", "is required")
            problems.require(request.quantity != nil, "quantity", "is required")
        }
        if let attendees = request.attendees {
            // Attendees name the holders of the first tickets; the buyer holds the rest (a purchase of two tickets may
            // name one attendee). More attendees than tickets contradicts the request itself.
            if let quantity = request.quantity, attendees.count > quantity {
                throw HTTPFailure.conflict("More attendees (\(attendees.count)) than tickets (\(quantity)).")
            }
            // Lengths, the name's non-blank text and the email's shape are the document's, checked before this; the
            // address is read here as the accounts read one.
            for (index, attendee) in attendees.enumerated() {
                problems.require(
                    attendee.email.flatMap(EmailAddress.init) != nil, "attendees[\(index)].email",
                    "is not a valid email address")
            }
        }
        var paysByCard = false
        if let method = request.paymentMethod {
            if PaymentMethodName.isCard(method) {
                guard methods.card != nil else { throw OrdersError.cardPaymentsUnavailable(method) }
                paysByCard = true
            } else if !PaymentMethods.offlineMethods.contains(method) {
                throw OrdersError.paymentMethodUnavailable(method)
            }
        }
        if request.paymentToken != nil {
            // Well formed (the document bounds it), but meaningless without a card method: 422, as every such
            // contradiction.
            if !paysByCard, problems.isEmpty {
                throw HTTPFailure.unprocessable(FieldProblems("paymentToken", "is only for a card payment method"))
            }
        }
        var buyer = Buyer(
            userID: nil, name: request.buyerName?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "",
            email: request.buyerEmail.flatMap(EmailAddress.init)?.value ?? "")
        if case .user(let user) = principal, let record = try await UserRecord.find(user.id, on: store.database()) {
            buyer = Buyer(
                userID: user.id, name: buyer.name.isEmpty ? record.displayName : buyer.name, email: record.email)
        } else {
            // A guest's order needs a way to reach its buyer: without an email it is the caller who is unknown (401:
            // sign in, or say who you are); a guest who gives no name is named by their address.
            if let name = request.buyerName {
                problems.requireText(name, "buyerName", lengths: 1...100, singleLine: true)
            }
            if let given = request.buyerEmail {
                problems.require(!buyer.email.isEmpty, "buyerEmail", "is not a valid email address")
                if request.buyerName == nil { buyer.name = String(given.split(separator: "@").first ?? "Guest") }
            } else {
                try problems.throwIfAny()
                throw HTTPFailure.unauthorized("Sign in, or give buyerEmail (and buyerName) to order as a guest.")
            }
        }
        try problems.throwIfAny()
        return ValidCheckout(
            ticketTypeID: typeID, holdID: holdID, quantity: request.quantity, attendees: request.attendees,
            buyer: buyer, notes: request.notes, paysByCard: paysByCard, paymentToken: request.paymentToken)
    }
}

/// What one place of a ticket type costs this buyer.
struct Pricing: Sendable {
    var unitMinor: Int
    var memberPrice: Bool
    var currency: String

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
