import Domain
import FluentKit
import Foundation
import HTTPCore
import HTTPTypes
public import Logging
import Orders
import Outbox
public import PaymentGateway
public import Persistence
import SQLKit
import Sales
public import Tickets

/// Card payments of pending orders, through the configured processor (`PaymentGateway`). The processor is only ever
/// called between transactions: the sale committed first (its places held by the order until the card payment
/// window closes), then the payment row, then the call, then what the processor said is recorded by `apply`, the one
/// place that turns a processor's word (the checkout's answer, a webhook, the reconciler's question) into a payment's
/// status and an order's move through its lifecycle (as the system, `payments`).
///
/// A payment that succeeds after its order expired is accepted when the places can be sold again (decided on locked
/// seats like any sale), and refunded in full otherwise; so is a second payment of an order already paid.
public struct CardPayments: Sendable {
    let store: DatabaseStore
    let gateway: any PaymentGateway
    let ticketKeys: TicketKeys
    let logger: Logger
    let words: GroupCommit<Prepared, Void>

    public init(store: DatabaseStore, gateway: any PaymentGateway, ticketKeys: TicketKeys, logger: Logger) {
        self.store = store
        self.gateway = gateway
        self.ticketKeys = ticketKeys
        self.logger = logger
        self.words = GroupCommit(limit: 100, logger: logger)
    }

    /// Whether a processor is configured (card payment methods are refused otherwise).
    var available: Bool { !(gateway is UnconfiguredGateway) }

    static let actor = Principal.system(.payments)

    /// The card payments (PaymentIntents at the processor) one order may have at most, the checkout's included. A buyer
    /// asking again without a card while one is open gets that one back, and a declined card may be retried a few
    /// times, but no order makes the processor create PaymentIntents without bound: past this, a new payment is
    /// refused 409 `PAYMENT_ATTEMPTS_EXHAUSTED` (the buyer may still finish the open one, or place a new order).
    public static let maxAttemptsPerOrder = 5

    /// Starts a card payment of a pending order: with `paymentToken` (a payment method from the buyer's card form) it
    /// is confirmed at once; without one the answer's client secret lets the buyer's card form confirm it, and a
    /// payment of the order still open at the processor (not final, of the order's total) is answered again rather
    /// than a new one made. An order a declined card cancelled may be paid again (a retry after a decline): its places
    /// were released, so a payment that succeeds revives it if they are still there, and is refunded otherwise, as
    /// any late payment. At most `maxAttemptsPerOrder` payments are made per order.
    func start(_ orderID: UUID, paymentToken: String?, now: Date) async throws -> PaymentDTO {
        let paymentID = UUID.random()
        if let order = try await OrderRecord.find(orderID, on: store.database()) {
            let status = OrderReads.effectiveStatus(order, now: now)
            let retry = status == .cancelled ? try await revivable(order, now: now) : false
            guard status == .pending || retry, order.totalMinor > 0 else {
                throw OrdersError.notPayable(status: status.rawValue)
            }
            if paymentToken == nil, let open = try await openPayment(of: order) {
                return try await reuse(open, now: now)
            }
        }
        let request = try await store.transaction { db -> PaymentRequest in
            guard let order = try await OrderRecord.find(orderID, on: db) else { throw OrdersError.orderNotFound }
            let sql = db.sql
            // The starts of one order one after the other (a row lock on PostgreSQL; SQLite's transactions never
            // interleave), so that racing requests cannot pass the bound together.
            if sql.dialect.name == "postgresql" {
                try await sql.raw("SELECT id FROM orders WHERE id = \(bind: orderID) FOR UPDATE").run()
            }
            let attempts =
                try await sql.raw(
                    "SELECT COUNT(*) AS n FROM payments WHERE order_id = \(bind: orderID) AND method = 'card'"
                ).first(row: CountRow.self)?.n ?? 0
            guard attempts < Self.maxAttemptsPerOrder else {
                throw PaymentAttemptsExhausted(limit: Self.maxAttemptsPerOrder)
            }
            try await PaymentRow.insert(
                id: paymentID, orderID: orderID, provider: gateway.name, method: "card", amountMinor: order.totalMinor,
                currency: order.currency, status: .pending, now: now, on: sql)
            return PaymentRequest(
                amountMinor: order.totalMinor, currency: order.currency,
                idempotencyKey: "boxoffice-payment-\(paymentID.uuidString.lowercased())", paymentMethod: paymentToken,
                description: "Order \(order.number)",
                metadata: [
                    "order_id": orderID.uuidString, "payment_id": paymentID.uuidString, "order_number": order.number,
                ])
        }
        let word: ProcessorWord
        var nextAction: String?
        do {
            let reported = try await gateway.startPayment(request)
            word = ProcessorWord(reported)
            nextAction = reported.nextAction
        } catch PaymentGatewayError.rejected(_, let message) {
            word = ProcessorWord(
                status: .failed, reference: nil, clientSecret: nil, failureReason: PaymentSecrets.redacted(message))
        } catch {
            // Unreachable or unreadable: the payment stays pending; the buyer may try again while the order waits.
            logger.warning("card payment could not be started", metadata: ["order": "\(orderID)", "error": "\(error)"])
            word = ProcessorWord(
                status: .pending, reference: nil, clientSecret: nil,
                failureReason: "the payment processor could not be reached; try again")
        }
        try await apply(paymentID, word, now: now)
        guard let row = try await PaymentRow.find(paymentID, on: store.sql()) else { throw OrdersError.orderNotFound }
        return row.dto(showSecret: true, nextAction: word.status == .requiresAction ? nextAction : nil)
    }

    /// The order's card payment still open at the processor: not final, not failed, with its PaymentIntent, of the
    /// order's total.
    private func openPayment(of order: OrderRecord) async throws -> PaymentRow? {
        try await PaymentRow.of(order: try order.requireID(), on: store.sql()).last {
            $0.method == "card" && $0.provider == gateway.name && $0.providerRef != nil
                && ($0.status == .pending || $0.status == .requiresAction) && $0.amountMinor == order.totalMinor
                && $0.currency.uppercased() == order.currency.uppercased()
        }
    }

    /// An open payment answered again, as the processor reports it now (as stored when it cannot be asked).
    private func reuse(_ open: PaymentRow, now: Date) async throws -> PaymentDTO {
        var nextAction: String?
        if let reference = open.providerRef, let reported = try? await gateway.payment(reference),
            reported.id == reference
        {
            let word = ProcessorWord(reported)
            try await apply(open.id, word, now: now)
            nextAction = word.status == .requiresAction ? reported.nextAction : nil
        }
        let row = try await PaymentRow.find(open.id, on: store.sql()) ?? open
        return row.dto(showSecret: true, nextAction: nextAction)
    }

    /// What the processor said of a payment, in BoxOffice's terms.
    struct ProcessorWord: Sendable {
        var status: PaymentStatus
        var reference: String?
        var clientSecret: String?
        var failureReason: String?

        init(status: PaymentStatus, reference: String?, clientSecret: String?, failureReason: String?) {
            self.status = status
            self.reference = reference
            self.clientSecret = clientSecret
            self.failureReason = failureReason
        }

        init(_ payment: GatewayPayment) {
            let status: PaymentStatus =
                switch payment.status {
                case .succeeded: .succeeded
                case .requiresAction: .requiresAction
                case .canceled: .canceled
                case .requiresPaymentMethod where payment.failureReason != nil: .failed
                case .requiresPaymentMethod, .requiresConfirmation, .processing: .pending
                }
            self.init(
                status: status, reference: payment.id, clientSecret: payment.clientSecret,
                failureReason: status == .failed || status == .canceled
                    ? PaymentSecrets.redacted(payment.failureReason ?? "declined") : nil)
        }
    }

    /// A refusal of a late payment's revival: its places are gone, or the event no longer sells.
    private struct PlacesGone: Error {}

    /// Records the processor's word on payment `paymentID` and moves its order: succeeded → paid (confirmation queued),
    /// or revived if it had expired, or refunded when its places are gone or it was paid already; failed or cancelled
    /// → a card order waiting for nothing else is cancelled and its places released at once. A word on a payment that
    /// is already final is ignored (a webhook and the reconciler may both bring it), so is one that changes nothing.
    ///
    /// Words arriving together (the answers of a card flash sale) are recorded many per transaction by `words`, which
    /// locks the seats of all their orders once: each order still moves through the one lifecycle, but the hot rows
    /// are locked and committed once per batch instead of once per buyer. A late payment that may revive its order is
    /// recorded alone, as is each word of a batch that failed.
    func apply(_ paymentID: UUID, _ word: ProcessorWord, now: Date) async throws {
        guard let prepared = try await prepare(paymentID, word, now: now) else { return }
        if prepared.revival != nil { return try await applyAlone(prepared) }
        try await words.submit(
            prepared,
            batch: { batch in
                try await store.transaction { db in try await applyLocked(batch, on: db) }
                return batch.map { _ in () }
            },
            alone: { one in try await applyAlone(one) })
    }

    /// A word with what its transaction needs, read and made before any lock.
    struct Prepared: Sendable {
        var paymentID: UUID
        var orderID: UUID
        var word: ProcessorWord
        /// New ticket secrets when a late payment may revive the order; nil otherwise (or after the places were gone).
        var revival: [(hash: String, sealed: String)]?
        var now: Date
    }

    private func prepare(_ paymentID: UUID, _ word: ProcessorWord, now: Date) async throws -> Prepared? {
        let sql = store.sql()
        guard let before = try await PaymentRow.find(paymentID, on: sql) else { return nil }
        guard before.status != .succeeded, before.status != .canceled else { return nil }
        // New secrets for the tickets when a late payment may revive them (an order seen pending here and cancelled
        // meanwhile is refunded instead: rare, and never wrong).
        var revival: [(hash: String, sealed: String)]?
        if word.status == .succeeded, let order = try await OrderRecord.find(before.orderID, on: store.database()),
            try await revivable(order, now: now)
        {
            let tickets =
                try await sql.raw("SELECT COUNT(*) AS n FROM tickets WHERE order_id = \(bind: before.orderID)")
                .first(row: CountRow.self)?.n ?? 0
            revival = try await ticketKeys.issue(count: tickets).map { (hash: $0.hash, sealed: $0.sealed) }
        }
        return Prepared(paymentID: paymentID, orderID: before.orderID, word: word, revival: revival, now: now)
    }

    /// Whether a late payment may revive `order`: one that expired, or that was cancelled for want of payment (a
    /// declined card); an order its buyer or an organizer cancelled stays cancelled, and the payment is refunded.
    private func revivable(_ order: OrderRecord, now: Date) async throws -> Bool {
        let status = OrderReads.effectiveStatus(order, now: now)
        guard status.isRevivedByLatePayment else { return false }
        guard status == .cancelled else { return true }
        let orderID = try order.requireID()
        let last = try await store.sql().raw(
            """
            SELECT system_actor FROM order_transitions WHERE order_id = \(bind: orderID) AND to_status = 'cancelled'
            ORDER BY occurred_at DESC LIMIT 1
            """
        ).first(row: CancellationRow.self)
        return last?.systemActor.flatMap(SystemActor.init(rawValue:)) == .payments
    }

    /// One word in a transaction of its own; a revival refused (the places are gone) is recorded again as a refund.
    private func applyAlone(_ prepared: Prepared) async throws {
        do {
            try await store.transaction { db in try await applyLocked([prepared], on: db) }
        } catch is PlacesGone {
            var refund = prepared
            refund.revival = nil
            let refunded = refund
            try await store.transaction { db in try await applyLocked([refunded], on: db) }
        }
    }

    /// Locks the seats of every order of `words` (the one lock order), then records each word: the payments first,
    /// then, in one move for all of them (`OrderLifecycle.pay`), the orders that were simply waiting for these payments,
    /// then each other order in turn (a failure, a second payment, a late one).
    private func applyLocked(_ words: [Prepared], on db: any Database) async throws {
        let sql = db.sql
        let orders = Array(Set(words.map(\.orderID)))
        let types = try await sql.raw(
            "SELECT DISTINCT ticket_type_id FROM order_items WHERE order_id IN (\(binds: orders))"
        ).all(rows: TicketTypeIDRow.self).map(\.ticketTypeId)
        let seats = try await LockedSales.lock(types, on: db)
        var paying: [UUID: (order: OrderRecord, word: Prepared)] = [:]
        var others: [Prepared] = []
        // The batch's orders in one query (a payment's row changes nothing of its order).
        let records = Dictionary(
            uniqueKeysWithValues: try await OrderRecord.query(on: db).filter(\.$id ~~ orders).all().map {
                (try $0.requireID(), $0)
            }
        )
        for prepared in words {
            guard try await record(prepared, on: sql) else { continue }
            if prepared.word.status == .succeeded, prepared.revival == nil, paying[prepared.orderID] == nil,
                let order = records[prepared.orderID],
                OrderReads.effectiveStatus(order, now: prepared.now) == .pending
            {
                paying[prepared.orderID] = (order, prepared)
            } else {
                others.append(prepared)
            }
        }
        if let now = words.first?.now, !paying.isEmpty {
            // The lifecycle's notice of each move tells the buyer, with the tickets (`OrderNoticeMail`).
            let paid = try await OrderLifecycle.pay(
                Array(paying.keys), by: Self.actor, reason: "card payment succeeded", now: now, locked: seats, on: db)
            // An order that stopped waiting a moment ago is moved as any other, after the others of this batch.
            others += paying.values.filter { !paid.contains($0.word.orderID) }.map(\.word)
        }
        for prepared in others { try await moveOrder(prepared, seats: seats, on: db) }
    }

    /// The payment row, decided on as it is: false when there was nothing to change (it is final already).
    private func record(_ prepared: Prepared, on sql: any SQLDatabase) async throws -> Bool {
        let (word, now) = (prepared.word, prepared.now)
        return try await sql.raw(
            """
            UPDATE payments SET status = \(bind: word.status.rawValue),
              provider_ref = COALESCE(provider_ref, \(bind: word.reference)),
              client_secret = COALESCE(\(bind: word.clientSecret), client_secret),
              failure_reason = \(bind: word.failureReason), updated_at = \(bind: now),
              succeeded_at = \(bind: word.status == .succeeded ? now : nil as Date?)
            WHERE id = \(bind: prepared.paymentID) AND status NOT IN ('succeeded', 'canceled') RETURNING order_id
            """
        ).first() != nil
    }

    /// The order of a recorded payment, moved as the processor's word asks.
    private func moveOrder(_ prepared: Prepared, seats: LockedSales, on db: any Database) async throws {
        let sql = db.sql
        let (paymentID, word, now, orderID) = (prepared.paymentID, prepared.word, prepared.now, prepared.orderID)
        guard let order = try await OrderRecord.find(orderID, on: db) else { return }
        let status = OrderReads.effectiveStatus(order, now: now)
        switch word.status {
        case .succeeded:
            try await succeeded(
                paymentID, order: order, status: status, revival: prepared.revival, seats: seats, now: now, on: db)
        case .failed, .canceled:
            let live = try await PaymentRow.of(order: orderID, on: sql).contains {
                $0.id != paymentID
                    && ($0.status == .pending || $0.status == .requiresAction || $0.status == .succeeded)
            }
            if status == .pending, order.provider == gateway.name, !live {
                try await OrderLifecycle.move(
                    orderID, to: .cancelled, by: Self.actor,
                    reason: "card payment \(word.status.rawValue): \(word.failureReason ?? "no reason given")",
                    now: now, cause: .cardPaymentFailed(processorSays: word.failureReason), locked: seats, on: db)
            }
        case .pending, .requiresAction:
            break
        }
    }

    private func succeeded(
        _ paymentID: UUID, order: OrderRecord, status: OrderStatus, revival: [(hash: String, sealed: String)]?,
        seats: LockedSales, now: Date, on db: any Database
    ) async throws {
        let orderID = try order.requireID()
        switch status {
        case .pending:
            try await OrderLifecycle.move(
                orderID, to: .paid, by: Self.actor, reason: "card payment succeeded", now: now, locked: seats, on: db)
        case .expired, .cancelled:
            guard let revival else {
                // The places are gone (or the event no longer sells): the money goes back, and both sides are told.
                if order.status == OrderStatus.pending.rawValue {
                    try await OrderLifecycle.move(
                        orderID, to: .expired, by: Self.actor, reason: "payment deadline passed", now: now,
                        locked: seats, on: db)
                }
                try await refundInFull(
                    paymentID, orderID: orderID, reason: "paid after the order expired; its places were gone", now: now,
                    on: db)
                return
            }
            do {
                try await OrderLifecycle.move(
                    orderID, to: .paid, by: Self.actor,
                    reason: "card payment succeeded after the order \(status.rawValue)",
                    now: now, locked: seats, revival: revival, on: db)
            } catch let refusal as SalesError {
                // Any refusal of the sale (places gone, sales ended, event cancelled); a concurrent move is not one.
                if case .invalidTransition = refusal { throw refusal }
                throw PlacesGone()
            }
            try await Outbox.enqueue(
                [
                    // The tickets with their new codes: the confirmation as the order stands now.
                    try Outbox.row(OrderConfirmation(orderId: orderID, eventId: order.eventID, asItStands: true)),
                    try Outbox.row(PaymentNotice(kind: .latePaymentAccepted, recipient: .buyer, orderId: orderID)),
                    try Outbox.row(PaymentNotice(kind: .latePaymentAccepted, recipient: .organizers, orderId: orderID)),
                ], now: now, on: db)
        case .paid, .refunded:
            try await refundInFull(
                paymentID, orderID: orderID, reason: "the order was already \(status.rawValue)", now: now, on: db)
        }
    }

    private func refundInFull(_ paymentID: UUID, orderID: UUID, reason: String, now: Date, on db: any Database)
        async throws
    {
        let made = try await Refunds.create(
            order: orderID, amountMinor: nil, reason: reason, actor: .system(.payments), payment: paymentID, now: now,
            on: db)
        try await Outbox.enqueue(
            [
                try Outbox.row(
                    PaymentNotice(
                        kind: .latePaymentRefunded, recipient: .buyer, orderId: orderID, refundId: made.first?.id)),
                try Outbox.row(
                    PaymentNotice(
                        kind: .latePaymentRefunded, recipient: .organizers, orderId: orderID, refundId: made.first?.id)),
            ], now: now, on: db)
    }

    /// A webhook's payment: ours by the ID we gave it in its metadata, or by the processor's reference.
    func payment(for reported: GatewayPayment) async throws -> UUID? {
        let sql = store.sql()
        if let ours = reported.metadata["payment_id"].flatMap(UUID.init(uuidString:)),
            let row = try await PaymentRow.find(ours, on: sql), row.provider == gateway.name
        {
            return row.id
        }
        return try await PaymentRow.find(provider: gateway.name, reference: reported.id, on: sql)?.id
    }
}

/// A new card payment of an order that has had `CardPayments.maxAttemptsPerOrder` already.
struct PaymentAttemptsExhausted: APIError {
    let limit: Int
    var code: String { "PAYMENT_ATTEMPTS_EXHAUSTED" }
    var status: HTTPResponse.Status { .conflict }
    var message: String {
        "This order has had \(limit) card payments, the most one order may have: finish the open one, or place a new order."
    }
    var details: [String: JSONValue] { ["limit": .int(limit)] }
}

/// Who cancelled an order last, and why.
/// Who cancelled an order: the worker, when BoxOffice itself did.
private struct CancellationRow: Decodable {
    var systemActor: String?
}
