public import Domain
public import FluentKit
import Foundation

/// What orders ask of the payments feature. `Payments` implements it (`PaymentsForOrders`) and the composition root
/// hands it in, so that Orders never imports Payments: the card payment of an order just sold, and the money that goes
/// with a change of an order, written in the caller's transaction.
public protocol OrderPayments: Sendable {
    /// The configured card processor's name (`stripe`), the provider of card orders; nil when no processor is
    /// configured (card payment methods are refused then).
    var cardProcessor: String? { get }

    /// Starts the card payment of a pending order whose sale has committed, confirmed at once with `paymentToken` (a
    /// payment method from the buyer's card form): the payment as the processor's answer left it.
    func startCardPayment(_ orderID: UUID, paymentToken: String?, now: Date) async throws -> PaymentDTO

    /// Records, in the caller's transaction, a payment received outside BoxOffice (an organizer marked the order paid).
    func recordManualPayment(
        order orderID: UUID, amountMinor: Int, currency: String, now: Date, on db: any Database
    ) async throws

    /// What the order's succeeded payments still allow refunding, read in the caller's transaction.
    func refundableMinor(order orderID: UUID, on db: any Database) async throws -> Int

    /// Refunds `amountMinor` of the order (nil: all that is left) in the caller's transaction: through the processor
    /// after the commit for card payments, as a manual refund for the others. False when nothing was left to refund;
    /// throws `OrdersError.refundTooLarge` when less is left than asked.
    @discardableResult
    func refund(
        order orderID: UUID, amountMinor: Int?, reason: String, actor: TransitionActor, now: Date, on db: any Database
    ) async throws -> Bool
}
