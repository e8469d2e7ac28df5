import Domain
import FluentKit
public import Foundation
import HTTPCore
import Identity
import Persistence
import SQLKit
import Sales

/// A guest's order (no account) that nobody pays by card keeps its places only for `GUEST_CONFIRM_WINDOW` unless its
/// buyer confirms their email through the link mailed with the order, so made-up emails take no places for long:
/// - an offline order (paid later by transfer or at the door), once confirmed, keeps them until its payment deadline;
/// - a free order waits, pending, and is paid (its tickets valid and mailed) when the email is confirmed: nobody pays
///   to stop a loop that takes free places, so a mailbox per order has to.
/// A signed-in buyer's account is verified already: their free tickets are theirs at once.
struct GuestConfirmationRule: Sendable {
    let window: Duration

    /// Whether this buyer's order by this provider must confirm the buyer's email to keep its places.
    func asks(_ buyer: CheckoutService.Buyer, provider: String) -> Bool {
        window > .zero && buyer.userID == nil && (provider == OfflineMethod.name || provider == FreeMethod.name)
    }

    /// How the order starts: a guest's free order waits for the confirmation instead of being paid at once.
    func start(_ start: PaymentStart, buyer: CheckoutService.Buyer, provider: String, now: Date) -> PaymentStart {
        guard start == .paid, asks(buyer, provider: provider) else { return start }
        return .awaiting(deadline: now.addingTimeInterval(TimeInterval(window.components.seconds)))
    }

    /// The order's deadline and, when a confirmation is asked, the link's token.
    func apply(buyer: CheckoutService.Buyer, provider: String, deadline: Date, now: Date) -> (Date, token: String?) {
        guard asks(buyer, provider: provider) else { return (deadline, nil) }
        return (min(deadline, now.addingTimeInterval(TimeInterval(window.components.seconds))), OpaqueToken.generate())
    }
}

/// Confirming a guest's email: the order keeps its places until its full payment deadline.
public struct GuestConfirmations: Sendable {
    let store: DatabaseStore
    let paymentWindow: Duration

    public struct Confirmed: Sendable {
        public var orderNumber: String
        /// Nil when the order is paid now: a free order's tickets are valid once its buyer's email is confirmed.
        public var paymentDeadline: Date?
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
            ).first(row: PendingRow.self),
            row.status == OrderStatus.pending.rawValue,
            row.paymentDeadline.map({ $0 > now }) ?? false
        else { throw Self.gone }
        return (row.number, row.confirmedAt != nil)
    }

    /// Confirms: a free order is paid (through the one order lifecycle: its hold converted, its tickets valid, the
    /// confirmation with the QR codes owed); an offline order's deadline and its hold's expiry move to the order's
    /// creation plus the payment window. Either is conditional on a pending order before its deadline; the expiry is
    /// conditional on the deadline having passed (`OrderLifecycle.move`), so of a confirmation and a sweep at the same
    /// moment exactly one wins. The buyer's address counts as confirmed from now on (`MailAddresses.confirm`).
    public func confirm(token: String, now: Date) async throws -> Confirmed {
        try await store.transaction { db in
            let sql = db.sql
            guard
                let row = try await sql.raw(
                    """
                    SELECT g.order_id, g.confirmed_at, o.number, o.created_at, o.payment_deadline, o.hold_id, o.status,
                      o.provider, o.buyer_email
                    FROM guest_confirmations g JOIN orders o ON o.id = g.order_id
                    WHERE g.token_hash = \(bind: OpaqueToken.hash(token))
                    """
                ).first(row: ConfirmationRow.self),
                row.status == OrderStatus.pending.rawValue,
                let deadline = row.paymentDeadline, deadline > now
            else { throw Self.gone }
            let number = row.number
            if row.confirmedAt != nil {
                return Confirmed(orderNumber: number, paymentDeadline: deadline, now: false)
            }
            let orderID = row.orderId
            // The seats first when the order is paid now (the one lock order), then the confirmation's own rows.
            let free = row.provider == FreeMethod.name
            if free {
                do {
                    try await OrderLifecycle.move(
                        orderID, to: .paid, by: Self.actor, reason: "email confirmed", now: now, on: db)
                } catch SalesError.invalidTransition, SalesError.holdExpired {
                    throw Self.gone
                }
            }
            try await MailAddresses.confirm(row.buyerEmail, now: now, on: db)
            try await sql.raw(
                "UPDATE guest_confirmations SET confirmed_at = \(bind: now) WHERE order_id = \(bind: orderID)"
            ).run()
            if free { return Confirmed(orderNumber: number, paymentDeadline: nil, now: true) }
            let full = row.createdAt.addingTimeInterval(TimeInterval(paymentWindow.components.seconds))
            let moved = try await sql.raw(
                """
                UPDATE orders SET payment_deadline = \(bind: full), updated_at = \(bind: now)
                WHERE id = \(bind: orderID) AND status = 'pending' AND payment_deadline > \(bind: now) RETURNING id
                """
            ).first()
            guard moved != nil else { throw Self.gone }
            if let holdID = row.holdId {
                try await sql.raw(
                    "UPDATE holds SET expires_at = \(bind: full) WHERE id = \(bind: holdID) AND status = 'active'"
                ).run()
            }
            return Confirmed(orderNumber: number, paymentDeadline: full, now: true)
        }
    }

    /// Who pays a guest's free order when its buyer confirms their email.
    static let actor = Principal.system(.emailConfirmation)

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
        try await db.sql.raw(
            "INSERT INTO guest_confirmations (order_id, token_hash, created_at) VALUES "
                + rows.joined(separator: ", ")
        ).run()
    }
}

/// The order a confirmation link stands for, as `pending(token:now:)` reads it.
private struct PendingRow: Decodable {
    var number: String
    var status: String
    var paymentDeadline: Date?
    var confirmedAt: Date?
}

/// A confirmation and its order, as `confirm(token:now:)` reads them.
private struct ConfirmationRow: Decodable {
    var orderId: UUID
    var confirmedAt: Date?
    var number: String
    var createdAt: Date
    var paymentDeadline: Date?
    var holdId: UUID?
    var status: String
    var provider: String
    var buyerEmail: String
}
