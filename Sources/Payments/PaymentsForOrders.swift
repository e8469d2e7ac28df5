public import Domain
public import FluentKit
import Foundation
public import Orders
import Persistence
import SQLKit

/// The payments as orders use them (`OrderPayments`): checkout starts a card order's payment here once its sale has
/// committed, and an organizer's or a buyer's change of an order records or refunds its money here, in the change's
/// transaction.
public struct PaymentsForOrders: OrderPayments {
    let cardPayments: CardPayments

    public var cardProcessor: String? { cardPayments.available ? cardPayments.gateway.name : nil }

    public func startCardPayment(_ orderID: UUID, paymentToken: String?, now: Date) async throws -> PaymentDTO {
        try await cardPayments.start(orderID, paymentToken: paymentToken, now: now)
    }

    public func recordManualPayment(
        order orderID: UUID, amountMinor: Int, currency: String, now: Date, on db: any Database
    ) async throws {
        try await PaymentRow.insert(
            id: UUID.random(), orderID: orderID, provider: "manual", method: "manual", amountMinor: amountMinor,
            currency: currency, status: .succeeded, now: now, on: db.sql)
    }

    public func refundableMinor(order orderID: UUID, on db: any Database) async throws -> Int {
        PaymentRow.refundable(try await PaymentRow.of(order: orderID, on: db.sql))
    }

    @discardableResult
    public func refund(
        order orderID: UUID, amountMinor: Int?, reason: String, actor: TransitionActor, now: Date, on db: any Database
    ) async throws -> Bool {
        do {
            try await Refunds.create(
                order: orderID, amountMinor: amountMinor, reason: reason, actor: actor, now: now, on: db)
            return true
        } catch is Refunds.NothingToRefund {
            return false
        }
    }
}
