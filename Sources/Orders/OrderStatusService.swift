import Audit
import Domain
import FluentKit
import Foundation
import HTTPCore
import Identity
import Inventory
import Persistence
import SQLKit

/// Moves orders through their lifecycle (`OrderStatus`), with the effect on places each move has.
struct OrderStatusService: Sendable {
    let store: DatabaseStore
    let authorizer = Authorizer()
    let audit = AuditTrail()

    /// An organizer or admin sets any status the lifecycle allows (mark paid, cancel, refund).
    func set(_ orderID: UUID, to raw: String?, reason: String?, by principal: Principal, now: Date, meta: RequestMetadata)
        async throws -> OrderDTO
    {
        guard let next = raw.flatMap(OrderStatus.init(rawValue:)) else {
            throw HTTPFailure.validationFailed(FieldProblems("status", "must be one of \(OrderStatus.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        let db = store.database()
        guard let order = try await OrderRecord.find(orderID, on: db) else { throw OrdersError.orderNotFound }
        guard let event = try await EventRecord.find(order.eventID, on: db) else { throw OrdersError.orderNotFound }
        try await authorizer.require(.eventManage, on: .event(organizationID: event.organizationID, eventID: event.id!),
                                     by: principal, database: db)
        try await move(orderID, to: next, reason: reason, by: principal, now: now, meta: meta, organizationID: event.organizationID)
        return try await OrderReads.order(orderID, now: now, on: db)
    }

    /// A buyer cancels their own unpaid order.
    func cancelOwn(_ orderID: UUID, viewer: OrderViewer, now: Date, meta: RequestMetadata) async throws -> OrderDTO {
        let db = store.database()
        guard let order = try await OrderRecord.find(orderID, on: db), viewer.owns(order) else { throw OrdersError.orderNotFound }
        let current = OrderReads.effectiveStatus(order, now: now)
        guard current == .pending else { throw OrdersError.invalidTransition(from: current.rawValue, to: OrderStatus.cancelled.rawValue) }
        try await move(orderID, to: .cancelled, reason: "cancelled by the buyer", by: viewer.principal, now: now, meta: meta, organizationID: nil)
        return try await OrderReads.order(orderID, now: now, on: db)
    }

    private func move(_ orderID: UUID, to next: OrderStatus, reason: String?, by principal: Principal, now: Date, meta: RequestMetadata,
                      organizationID: UUID?) async throws {
        try await store.transaction { db in
            guard let order = try await OrderRecord.find(orderID, on: db) else { throw OrdersError.orderNotFound }
            let current = OrderReads.effectiveStatus(order, now: now)
            guard current.canMove(to: next) else { throw OrdersError.invalidTransition(from: current.rawValue, to: next.rawValue) }
            let sql = db as! any SQLDatabase
            // The status changes only from the status this transaction saw; a concurrent change makes this one fail.
            let changed = try await sql.raw("""
                UPDATE orders SET status = \(bind: next.rawValue), updated_at = \(bind: now),
                  paid_at = \(bind: next == .paid ? now : order.paidAt)
                WHERE id = \(bind: orderID) AND status = \(bind: order.status) RETURNING id
                """).first()
            guard changed != nil else { throw OrdersError.invalidTransition(from: current.rawValue, to: next.rawValue) }
            let items = try await OrderItemRecord.query(on: db).filter(\.$orderID == orderID).all()
            for item in items {
                let sale = try await SaleContext.load(item.ticketTypeID, on: db)
                switch current.seatEffect(to: next) {
                case .confirmHeld:
                    let converted = try await sql.raw("""
                        UPDATE holds SET status = 'converted', ended_at = \(bind: now)
                        WHERE id = \(bind: order.holdID) AND status = 'active' AND expires_at > \(bind: now) RETURNING id
                        """).first()
                    guard converted != nil else { throw InventoryError.holdExpired(expiredAt: order.paymentDeadline ?? now) }
                    try await SeatLedger.confirmHeld(item.quantity, of: sale.target, on: db)
                case .releaseHeld:
                    let released = try await sql.raw("""
                        UPDATE holds SET status = 'released', ended_at = \(bind: now) WHERE id = \(bind: order.holdID) AND status = 'active'
                        RETURNING id
                        """).first()
                    // A hold already reclaimed as expired gave its places back then.
                    if released != nil { try await SeatLedger.give(item.quantity, of: sale.target, from: .held, on: db) }
                case .releaseSold:
                    try await SeatLedger.give(item.quantity, of: sale.target, from: .sold, on: db)
                case .none:
                    break
                }
            }
            try await sql.raw("UPDATE tickets SET status = \(bind: next.ticketStatus) WHERE order_id = \(bind: orderID)").run()
            if next == .cancelled || next == .refunded {
                // Tickets that stop being valid go on the event's revocation list, which offline kiosks receive.
                try await TicketRevocations.revokeOrder(orderID, reason: next.rawValue, now: now, on: db)
            }
            let (kind, actorID): (String, UUID?) = if case .user(let user) = principal { ("user", user.id) } else { ("anonymous", nil) }
            try await OrderTransitionRecord(orderID: orderID, from: current.rawValue, to: next.rawValue, actorKind: kind, actorID: actorID,
                                            reason: reason, at: now).create(on: db)
            try await Outbox.enqueue("signal.availability_changed", ["eventId": .string(order.eventID.uuidString)], now: now, on: db)
            if let organizationID {
                try await audit.record(
                    AuditEntry(actor: AuditActor(principal), action: "order.\(next.rawValue)", targetType: "order",
                               targetID: orderID.uuidString, organizationID: organizationID,
                               details: ["from": .string(current.rawValue), "number": .string(order.number)]),
                    from: meta, at: now, on: db)
            }
        }
    }
}

/// Who is looking at an order: its signed-in buyer, a guest with its access token, or someone else.
struct OrderViewer: Sendable {
    var principal: Principal
    var accessTokenHash: String?

    func owns(_ order: OrderRecord) -> Bool {
        if case .user(let user) = principal, order.userID == user.id { return true }
        if let accessTokenHash, accessTokenHash == order.accessTokenHash { return true }
        return false
    }
}
