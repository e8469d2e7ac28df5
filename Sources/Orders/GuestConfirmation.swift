import Domain
import FluentKit
public import Foundation
import HTTPCore
import Identity
import Inventory
import Persistence
import SQLKit

/// A guest's offline order (no account, paid later by transfer or at the door) keeps its places only for
/// `GUEST_CONFIRM_WINDOW` unless its buyer confirms their email through the link mailed with the order: made-up
/// emails cannot keep places for the whole payment window. A confirmed order keeps them until its payment deadline.
struct GuestConfirmationRule: Sendable {
    let window: Duration

    /// The order's deadline and, when a confirmation is asked, the link's token.
    func apply(buyer: CheckoutService.Buyer, provider: String, deadline: Date, now: Date) -> (Date, token: String?) {
        guard window > .zero, buyer.userID == nil, provider == OfflineProvider.name else { return (deadline, nil) }
        return (min(deadline, now.addingTimeInterval(TimeInterval(window.components.seconds))), OpaqueToken.generate())
    }
}

/// Confirming a guest's email: the order keeps its places until its full payment deadline.
public struct GuestConfirmations: Sendable {
    let store: DatabaseStore
    let paymentWindow: Duration

    public struct Confirmed: Sendable {
        public var orderNumber: String
        public var paymentDeadline: Date
        /// False when it had been confirmed before (the link was followed again).
        public var now: Bool
    }

    /// The order the link stands for, if it still waits for payment (an expired or cancelled one cannot be revived).
    public func pending(token: String, now: Date) async throws -> (orderNumber: String, confirmed: Bool) {
        guard
            let row = try await store.sql().raw(
                """
                SELECT o.number, o.status, o.payment_deadline, g.confirmed_at FROM guest_confirmations g
                JOIN orders o ON o.id = g.order_id WHERE g.token_hash = \(bind: OpaqueToken.hash(token))
                """
            ).first(),
            try row.decode(column: "status", as: String.self) == OrderStatus.pending.rawValue,
            try row.decode(column: "payment_deadline", as: Date?.self).map({ $0 > now }) ?? false
        else { throw Self.gone }
        return (
            try row.decode(column: "number", as: String.self),
            try row.decode(column: "confirmed_at", as: Date?.self) != nil
        )
    }

    /// Confirms: the order's deadline and its hold's expiry move to the order's creation plus the payment window. A
    /// conditional update on a pending order before its deadline; the expiry is conditional on the deadline having
    /// passed (`OrderLifecycle.move`), so of a confirmation and a sweep at the same moment exactly one wins.
    public func confirm(token: String, now: Date) async throws -> Confirmed {
        try await store.transaction { db in
            let sql = db as! any SQLDatabase
            guard
                let row = try await sql.raw(
                    """
                    SELECT g.order_id, g.confirmed_at, o.number, o.created_at, o.payment_deadline, o.hold_id, o.status
                    FROM guest_confirmations g JOIN orders o ON o.id = g.order_id
                    WHERE g.token_hash = \(bind: OpaqueToken.hash(token))
                    """
                ).first(),
                try row.decode(column: "status", as: String.self) == OrderStatus.pending.rawValue,
                let deadline = try row.decode(column: "payment_deadline", as: Date?.self), deadline > now
            else { throw Self.gone }
            let number = try row.decode(column: "number", as: String.self)
            if try row.decode(column: "confirmed_at", as: Date?.self) != nil {
                return Confirmed(orderNumber: number, paymentDeadline: deadline, now: false)
            }
            let orderID = try row.decode(column: "order_id", as: UUID.self)
            let full = try row.decode(column: "created_at", as: Date.self)
                .addingTimeInterval(TimeInterval(paymentWindow.components.seconds))
            let moved = try await sql.raw(
                """
                UPDATE orders SET payment_deadline = \(bind: full), updated_at = \(bind: now)
                WHERE id = \(bind: orderID) AND status = 'pending' AND payment_deadline > \(bind: now) RETURNING id
                """
            ).first()
            guard moved != nil else { throw Self.gone }
            if let holdID = try row.decode(column: "hold_id", as: UUID?.self) {
                try await sql.raw(
                    "UPDATE holds SET expires_at = \(bind: full) WHERE id = \(bind: holdID) AND status = 'active'"
                ).run()
            }
            try await sql.raw(
                "UPDATE guest_confirmations SET confirmed_at = \(bind: now) WHERE order_id = \(bind: orderID)"
            ).run()
            return Confirmed(orderNumber: number, paymentDeadline: full, now: true)
        }
    }

    static let gone = HTTPFailure.notFound(
        "This link is not valid any more: the order was released, cancelled, paid, or the link is wrong.")

    /// The rows of the confirmations asked for by `drafts`, in the transaction that writes them.
    static func write(_ drafts: [OrderDraft], on db: any Database) async throws {
        let rows: [SQLQueryString] = drafts.compactMap { draft in
            draft.emailConfirmationToken.map {
                "(\(bind: draft.orderID), \(bind: OpaqueToken.hash($0)), \(bind: draft.now))"
            }
        }
        guard !rows.isEmpty else { return }
        try await (db as! any SQLDatabase).raw(
            "INSERT INTO guest_confirmations (order_id, token_hash, created_at) VALUES "
                + rows.joined(separator: ", ")
        ).run()
    }
}
