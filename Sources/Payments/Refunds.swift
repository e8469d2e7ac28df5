import Audit
public import Domain
import FluentKit
import Foundation
import HTTPCore
import Identity
import Logging
import Orders
public import Outbox
public import PaymentGateway
public import Persistence
import SQLKit
import Sales
import WireTypes

/// The one way money goes back, whoever asks (an organizer, a buyer's cancellation under the event's refund rule, an
/// event's cancellation, a payment that came too late): refund rows written in the caller's transaction, each taken
/// from a succeeded payment by one conditional update of its `refunded_minor` (so two refunds racing can never take
/// back more than was paid), and for card payments an outbox message that asks the processor after the commit.
/// A payment made outside BoxOffice (recorded by an organizer) gets a `manual` refund: money to pay back by hand.
enum Refunds {
    struct NothingToRefund: Error {}

    /// Refunds `amountMinor` of the order (nil: all that is left), from its succeeded payments, oldest first (or only
    /// from `payment`). Throws `OrdersError.refundTooLarge` when less is left than asked.
    @discardableResult
    static func create(
        order orderID: UUID, amountMinor: Int?, reason: String, actor: TransitionActor, payment: UUID? = nil,
        now: Date, on db: any Database
    ) async throws -> [RefundRow] {
        let sql = db.sql
        let payments = try await PaymentRow.of(order: orderID, on: sql).filter {
            $0.status == .succeeded && (payment == nil || $0.id == payment)
        }
        let left = PaymentRow.refundable(payments)
        let wanted = amountMinor ?? left
        guard wanted > 0 else { throw NothingToRefund() }
        guard wanted <= left else { throw OrdersError.refundTooLarge(left: left) }
        var remaining = wanted
        var created: [RefundRow] = []
        for paid in payments where remaining > 0 {
            let take = min(remaining, paid.amountMinor - paid.refundedMinor)
            guard take > 0 else { continue }
            // Decided on the row: a refund committed meanwhile makes this one fail instead of taking back too much.
            guard
                try await sql.raw(
                    """
                    UPDATE payments SET refunded_minor = refunded_minor + \(bind: take), updated_at = \(bind: now)
                    WHERE id = \(bind: paid.id) AND refunded_minor + \(bind: take) <= amount_minor RETURNING id
                    """
                ).first() != nil
            else { throw HTTPFailure.conflict("Another refund of this order was made meanwhile; try again.") }
            remaining -= take
            let byCard = paid.method == "card"
            let id = UUID.random()
            try await sql.raw(
                """
                INSERT INTO refunds (id, order_id, payment_id, amount_minor, currency, reason, status, actor_kind, actor_id,
                  created_at, updated_at)
                VALUES (\(bind: id), \(bind: orderID), \(bind: paid.id), \(bind: take), \(bind: paid.currency), \(bind: reason),
                  \(bind: (byCard ? RefundStatus.pending : .manual).rawValue), \(bind: actor.kind), \(bind: actor.id),
                  \(bind: now), \(bind: now))
                """
            ).run()
            if byCard {
                try await Outbox.enqueue(RefundRequested(refundId: id, orderId: orderID), now: now, on: db)
            }
            if let row = try await RefundRow.find(id, on: sql) { created.append(row) }
        }
        return created
    }

    /// What the processor says of a refund: its reference and status. A failed refund gives its amount back to the
    /// payment (it may be refunded again) and tells the organizers; a succeeded one tells the buyer.
    static func record(
        _ refundID: UUID, _ reported: GatewayRefund?, failure: String? = nil, now: Date, store: DatabaseStore
    )
        async throws
    {
        let status: RefundStatus =
            if let failure, !failure.isEmpty { .failed } else {
                switch reported?.status {
                case "succeeded": .succeeded
                case "failed", "canceled": .failed
                default: .pending
                }
            }
        try await store.transaction { db in
            let sql = db.sql
            guard
                let row = try await sql.raw(
                    """
                    UPDATE refunds SET status = \(bind: status.rawValue), provider_ref = COALESCE(\(bind: reported?.id), provider_ref),
                      failure_reason = \(bind: failure), updated_at = \(bind: now)
                    WHERE id = \(bind: refundID) AND status = \(bind: RefundStatus.pending.rawValue)
                    RETURNING order_id, payment_id, amount_minor
                    """
                ).first(row: RecordedRefundRow.self)
            else { return }
            let orderID = row.orderId
            switch status {
            case .failed:
                if let payment = row.paymentId {
                    try await sql.raw(
                        """
                        UPDATE payments SET refunded_minor = refunded_minor - \(bind: row.amountMinor),
                          updated_at = \(bind: now) WHERE id = \(bind: payment)
                        """
                    ).run()
                }
                try await Outbox.enqueue(
                    PaymentNotice(kind: .refundFailed, recipient: .organizers, orderId: orderID, refundId: refundID),
                    now: now, on: db)
            case .succeeded:
                try await Outbox.enqueue(
                    PaymentNotice(kind: .refundIssued, recipient: .buyer, orderId: orderID, refundId: refundID),
                    now: now, on: db)
            case .pending, .manual:
                break
            }
        }
    }
}

/// Delivers `payment.refund_requested`: asks the processor for a refund whose row committed, with an idempotency key
/// derived from the refund's ID. A refusal (4xx) fails the refund for good; an unreachable processor is tried again
/// later (the outbox's backoff). A refund the processor reports `pending` is asked about again by the reconciler.
public struct RefundRequests: MessageHandler {
    public var name: String { "refund-requests" }

    let store: DatabaseStore
    let gateway: any PaymentGateway
    let clock: AppClock

    public init(store: DatabaseStore, gateway: any PaymentGateway, clock: AppClock) {
        self.store = store
        self.gateway = gateway
        self.clock = clock
    }

    public func handle(_ request: RefundRequested, delivery message: OutboxDelivery) async throws {
        let sql = store.sql()
        guard let refund = try await RefundRow.find(request.refundId, on: sql), refund.status == .pending,
            refund.providerRef == nil
        else { return }
        guard let paymentID = refund.paymentID, let payment = try await PaymentRow.find(paymentID, on: sql),
            let reference = payment.providerRef
        else {
            try await Refunds.record(
                refund.id, nil, failure: "the payment has no reference at the processor", now: clock.now(),
                store: store)
            return
        }
        do {
            let made = try await gateway.refund(
                RefundRequest(
                    paymentId: reference, amountMinor: refund.amountMinor,
                    idempotencyKey: "boxoffice-refund-\(refund.id.uuidString.lowercased())"))
            try await Refunds.record(refund.id, made, now: clock.now(), store: store)
        } catch PaymentGatewayError.rejected(_, let message) {
            try await Refunds.record(
                refund.id, nil, failure: PaymentSecrets.redacted(message), now: clock.now(), store: store)
        } catch let error as PaymentGatewayError where error.isTemporary && message.attempt >= retry.maxAttempts {
            // The last try: the refund fails visibly (organizers are told) instead of staying pending for ever.
            try await Refunds.record(
                refund.id, nil, failure: "the processor could not be reached after \(message.attempt) tries",
                now: clock.now(), store: store)
        }
    }
}

/// An organizer's refund of an order, in whole or in part (`POST /api/orders/{orderId}/refunds`).
struct RefundService: Sendable {
    let store: DatabaseStore
    let authorizer = Authorizer()
    let audit = AuditTrail()

    func refund(
        _ orderID: UUID, _ body: Components.Schemas.RefundOrderRequest, by principal: Principal, now: Date,
        meta: RequestMetadata
    ) async throws -> RefundListDTO {
        // The document states the amount's range and the reason's length.
        let db = store.database()
        guard let order = try await OrderRecord.find(orderID, on: db),
            let event = try await EventRecord.find(order.eventID, on: db)
        else { throw OrdersError.orderNotFound }
        try await authorizer.require(
            .eventManage, on: .event(organizationID: event.organizationID, eventID: order.eventID), by: principal,
            database: db)
        let reason = body.reason.flatMap { $0.isEmpty ? nil : $0 } ?? "refunded by the organizer"
        return try await store.transaction { db in
            let sql = db.sql
            let types = try await sql.raw(
                "SELECT ticket_type_id FROM order_items WHERE order_id = \(bind: orderID)"
            ).all(rows: TicketTypeIDRow.self).map(\.ticketTypeId)
            // The seats first (the lock order), in case the refund is whole and the order gives its places back.
            let seats = try await LockedSales.lock(types, on: db)
            // A paid order; or one refunded or cancelled with money still refundable (a refund the processor failed).
            guard let current = try await OrderRecord.find(orderID, on: db),
                [.paid, .refunded, .cancelled].contains(OrderReads.effectiveStatus(current, now: now))
            else {
                throw OrdersError.invalidTransition(
                    from: OrderReads.effectiveStatus(order, now: now).rawValue, to: OrderStatus.refunded.rawValue)
            }
            let wasPaid = OrderReads.effectiveStatus(current, now: now) == .paid
            let made: [RefundRow]
            do {
                made = try await Refunds.create(
                    order: orderID, amountMinor: body.amountMinor, reason: reason, actor: TransitionActor(principal),
                    now: now, on: db)
            } catch is Refunds.NothingToRefund {
                throw OrdersError.refundTooLarge(left: 0)
            }
            let left = PaymentRow.refundable(try await PaymentRow.of(order: orderID, on: sql))
            if left == 0, wasPaid {
                try await OrderLifecycle.move(
                    orderID, to: .refunded, by: principal, reason: reason, now: now, locked: seats, on: db)
            }
            try await audit.record(
                AuditEntry(
                    actor: AuditActor(principal), action: "order.refund", targetType: "order",
                    targetID: orderID.uuidString, organizationID: event.organizationID,
                    details: [
                        "number": .string(order.number), "amountMinor": .int(made.reduce(0) { $0 + $1.amountMinor }),
                    ]),
                from: meta, at: now, on: db)
            return RefundListDTO(refunds: made.map(\.dto))
        }
    }
}

/// A refund just recorded: its order, and what it gives back to its payment if it failed.
private struct RecordedRefundRow: Decodable {
    var orderId: UUID
    var paymentId: UUID?
    var amountMinor: Int
}
