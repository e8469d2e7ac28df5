public import Domain
import FluentKit
public import Foundation
import Orders
public import Outbox
public import Persistence
import SQLKit
import Sales

/// Delivers `event.cancelled`: every order of the cancelled event that is pending or paid is cancelled, paid ones
/// refunded through their processor (payments made outside BoxOffice get a `manual` refund, flagged for the
/// organizers), their tickets revoked by the lifecycle, and each buyer is sent word. One order per transaction, so a
/// crash half-way leaves the rest to the next delivery of the message (its lease passes and it is claimed again): the
/// orders already cancelled are not among those it finds.
public struct EventCancellationCascade: MessageHandler {
    public var name: String { "event-cancellation" }

    let store: DatabaseStore
    let clock: AppClock

    public init(store: DatabaseStore, clock: AppClock) {
        self.store = store
        self.clock = clock
    }

    static let actor = Principal.system(.eventCancellation)

    /// Orders one delivery cancels at most, well within the outbox lease; a larger event continues in a message of its
    /// own, so that no second worker claims a delivery still at work.
    static let perDelivery = 200

    public func handle(_ notice: EventCancelled, delivery _: OutboxDelivery) async throws {
        var done = 0
        while done < Self.perDelivery {
            let orders = try await store.sql().raw(
                """
                SELECT id FROM orders WHERE event_id = \(bind: notice.eventId) AND status IN ('pending', 'paid')
                ORDER BY created_at, id LIMIT 50
                """
            ).all(rows: OrderIDRow.self).map(\.id)
            if orders.isEmpty { return }
            for order in orders { try await cancel(order) }
            done += orders.count
        }
        let now = clock.now()
        try await store.transaction { db in try await Outbox.enqueue(notice, now: now, on: db) }
    }

    /// Cancels one order (refunding it if paid) in one transaction.
    public func cancel(_ orderID: UUID) async throws {
        let now = clock.now()
        try await store.transaction { db in
            let sql = db.sql
            guard let order = try await OrderRecord.find(orderID, on: db) else { return }
            let reason = "the event was cancelled"
            switch OrderReads.effectiveStatus(order, now: now) {
            case .pending:
                try await OrderLifecycle.move(orderID, to: .cancelled, by: Self.actor, reason: reason, now: now, on: db)
            case .expired:
                // Past its deadline, not swept yet: it expires as it would have.
                try await OrderLifecycle.move(orderID, to: .expired, by: Self.actor, reason: reason, now: now, on: db)
                return
            case .paid:
                let types = try await sql.raw(
                    "SELECT ticket_type_id FROM order_items WHERE order_id = \(bind: orderID)"
                ).all(rows: TicketTypeIDRow.self).map(\.ticketTypeId)
                let seats = try await LockedSales.lock(types, on: db)
                let refunded: Bool
                do {
                    refunded =
                        !(try await Refunds.create(
                            order: orderID, amountMinor: nil, reason: reason, actor: .system(.eventCancellation),
                            now: now,
                            on: db
                        ).isEmpty)
                } catch is Refunds.NothingToRefund {
                    refunded = false
                }
                try await OrderLifecycle.move(
                    orderID, to: refunded ? .refunded : .cancelled, by: Self.actor, reason: reason, now: now,
                    locked: seats, on: db)
            case .cancelled, .refunded:
                return
            }
            try await Outbox.enqueue(
                PaymentNotice(kind: .eventCancelled, recipient: .buyer, orderId: orderID), now: now, on: db)
        }
    }
}

/// An order of the cancelled event still to cancel.
private struct OrderIDRow: Decodable {
    var id: UUID
}
