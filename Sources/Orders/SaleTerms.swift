import Foundation
import Sales

/// The terms of one sale, decided once for every way an order is made (a purchase in a batch, an order from a hold): the
/// price the buyer pays, how they pay, and whether the order is paid at once or waits for its payment until a deadline
/// (shortened, with a token to confirm it, for a guest who must confirm their email address first).
struct SaleTerms: Sendable {
    var price: Pricing
    /// The payment method's name, stored as the order's provider.
    var provider: String
    /// When a pending order's payment is due; nil when the order is paid at once.
    var deadline: Date?
    /// The token of a guest's email confirmation, when one is asked for.
    var confirmation: String?

    var paidAtOnce: Bool { deadline == nil }

    /// The places a sale on these terms takes: sold when paid at once, else held until the payment.
    var counter: PlaceLedger.Counter { paidAtOnce ? .sold : .held }

    init(
        _ type: LockedSales.TicketType, quantity: Int, for checkout: CheckoutService.ValidCheckout,
        methods: PaymentMethods, guests: GuestConfirmationRule, now: Date
    ) {
        price = Pricing(
            priceMinor: type.priceMinor, memberPriceMinor: type.memberPriceMinor, currency: type.currency,
            memberBuyer: checkout.buyer.userID != nil)
        let total = price.unitMinor * quantity
        let method = methods.method(totalMinor: total, card: checkout.paysByCard)
        provider = method.name
        let start = guests.start(
            method.start(totalMinor: total, now: now), buyer: checkout.buyer, provider: method.name, now: now)
        if case .awaiting(let due) = start {
            (deadline, confirmation) = guests.apply(
                buyer: checkout.buyer, provider: method.name, deadline: due, now: now)
        }
    }
}
