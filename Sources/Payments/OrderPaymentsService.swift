import Domain
import FluentKit
import Foundation
import HTTPCore
import Orders
import Persistence
import WireTypes

/// An order's money after checkout: its payments and refunds (buyer and organizers), and a card payment started again
/// by the buyer (after they gave up on 3-D Secure, or to pay an offline order by card).
struct OrderPaymentsService: Sendable {
    let store: DatabaseStore
    let queries: OrderQueries
    let cardPayments: CardPayments

    func payments(of orderID: UUID, viewer: OrderViewer, now: Date) async throws -> OrderPaymentsDTO {
        let db = store.database()
        guard let order = try await OrderRecord.find(orderID, on: db) else { throw OrdersError.orderNotFound }
        let buyer = viewer.owns(order)
        if !buyer { try await queries.requireManager(of: order, viewer.principal, db) }
        let sql = store.sql()
        let payments = try await PaymentRow.of(order: orderID, on: sql)
        let refunds = try await RefundRow.of(order: orderID, on: sql)
        let paid = payments.filter { $0.status == .succeeded }
        let paidMinor = paid.reduce(0) { $0 + $1.amountMinor }
        let refundedMinor = paid.reduce(0) { $0 + $1.refundedMinor }
        return OrderPaymentsDTO(
            orderId: orderID, currency: order.currency, paidMinor: paidMinor, refundedMinor: refundedMinor,
            refundableMinor: PaymentRow.refundable(payments),
            // The client secret finishes a payment: the buyer's alone.
            payments: payments.map { $0.dto(showSecret: buyer) }, refunds: refunds.map(\.dto))
    }

    /// The buyer starts a card payment of their pending order.
    func pay(_ orderID: UUID, _ body: Components.Schemas.PayOrderRequest, viewer: OrderViewer, now: Date) async throws
        -> PaymentDTO
    {
        // The document states the token's length.
        guard let order = try await OrderRecord.find(orderID, on: store.database()), viewer.owns(order) else {
            throw OrdersError.orderNotFound
        }
        guard cardPayments.available else { throw OrdersError.cardPaymentsUnavailable("card") }
        return try await cardPayments.start(orderID, paymentToken: body.paymentToken, now: now)
    }
}
