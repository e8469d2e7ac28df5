import Audit
package import Domain
import FluentKit
import Foundation
import HTTPCore
import Identity
package import Persistence
import SQLKit
import Sales

/// Moves orders through their lifecycle (`OrderStatus`), with the effect on places each move has.
struct OrderStatusService: Sendable {
    let store: DatabaseStore
    let payments: any OrderPayments
    let authorizer = Authorizer()
    let audit = AuditTrail()

    /// An organizer or admin sets any status the lifecycle allows (mark paid, cancel, refund).
    func set(
        _ orderID: UUID, to raw: String?, reason: String?, by principal: Principal, now: Date, meta: RequestMetadata
    )
        async throws -> OrderDTO
    {
        guard let next = raw.flatMap(OrderStatus.init(rawValue:)) else {
            throw HTTPFailure.validationFailed(
                FieldProblems(
                    "status", "must be one of \(OrderStatus.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        let db = store.database()
        guard let order = try await OrderRecord.find(orderID, on: db) else { throw OrdersError.orderNotFound }
        guard let event = try await EventRecord.find(order.eventID, on: db) else { throw OrdersError.orderNotFound }
        try await authorizer.require(
            .eventManage, on: .event(organizationID: event.organizationID, eventID: event.id!),
            by: principal, database: db)
        try await move(
            orderID, to: next, reason: reason, by: principal, now: now, meta: meta, organizationID: event.organizationID
        )
        return try await OrderReads.order(orderID, now: now, on: db)
    }

    /// A buyer cancels their own unpaid order.
    func cancelOwn(_ orderID: UUID, viewer: OrderViewer, now: Date, meta: RequestMetadata) async throws -> OrderDTO {
        let db = store.database()
        guard let order = try await OrderRecord.find(orderID, on: db), viewer.owns(order) else {
            throw OrdersError.orderNotFound
        }
        let current = OrderReads.effectiveStatus(order, now: now)
        guard current == .pending else {
            throw OrdersError.invalidTransition(from: current.rawValue, to: OrderStatus.cancelled.rawValue)
        }
        try await move(
            orderID, to: .cancelled, reason: "cancelled by the buyer", by: viewer.principal, now: now, meta: meta,
            organizationID: nil)
        return try await OrderReads.order(orderID, now: now, on: db)
    }

    private func move(
        _ orderID: UUID, to next: OrderStatus, reason: String?, by principal: Principal, now: Date,
        meta: RequestMetadata,
        organizationID: UUID?
    ) async throws {
        try await store.transaction { db in
            guard let order = try await OrderRecord.find(orderID, on: db) else { throw OrdersError.orderNotFound }
            do {
                let from = try await OrderLifecycle.move(
                    orderID, to: next, by: principal, reason: reason, now: now, on: db)
                try await settleMoney(order, moved: from, to: next, by: principal, reason: reason, now: now, on: db)
                if let organizationID, let from {
                    try await audit.record(
                        AuditEntry(
                            actor: AuditActor(principal), action: "order.\(next.rawValue)", targetType: "order",
                            targetID: orderID.uuidString, organizationID: organizationID,
                            details: ["from": .string(from.rawValue), "number": .string(order.number)]),
                        from: meta, at: now, on: db)
                }
            } catch SalesError.invalidTransition(let from, let to) {
                throw OrdersError.invalidTransition(from: from, to: to)
            }
        }
    }
}

extension OrderStatusService {
    /// The money that goes with an organizer's move: an order marked paid records the manual payment it received; an
    /// order refunded gives back, through the processor or as a manual refund, all that is left of its payments.
    fileprivate func settleMoney(
        _ order: OrderRecord, moved from: OrderStatus?, to next: OrderStatus, by principal: Principal, reason: String?,
        now: Date, on db: any Database
    ) async throws {
        guard from != nil else { return }
        switch next {
        case .paid where order.totalMinor > 0:
            try await payments.recordManualPayment(
                order: order.id!, amountMinor: order.totalMinor, currency: order.currency, now: now, on: db)
        case .refunded:
            // Nothing refunded when it was free, or paid before payments were recorded: nothing is owed through
            // BoxOffice then.
            try await payments.refund(
                order: order.id!, amountMinor: nil, reason: reason ?? "refunded by the organizer",
                actor: TransitionActor(principal), now: now, on: db)
        default:
            break
        }
    }
}

/// Who is looking at an order: its signed-in buyer, a guest with its access token, or someone else.
package struct OrderViewer: Sendable {
    package var principal: Principal
    package var accessTokenHash: String?

    package init(principal: Principal, accessTokenHash: String?) {
        self.principal = principal
        self.accessTokenHash = accessTokenHash
    }

    package func owns(_ order: OrderRecord) -> Bool {
        if case .user(let user) = principal, order.userID == user.id { return true }
        if let accessTokenHash, accessTokenHash == order.accessTokenHash { return true }
        return false
    }
}
