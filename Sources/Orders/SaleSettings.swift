public import Domain

/// The rules of a sale that the installation configures.
public struct SaleSettings: Sendable {
    /// How long an offline order keeps its places while the buyer pays (`PAYMENT_WINDOW`).
    public var paymentWindow: Duration
    /// Places one buyer and one client address may hold or keep pending per event, unless the event sets its own.
    public var placeLimits: PlaceLimits
    /// How long a guest has to confirm their email before their offline order is released (`GUEST_CONFIRM_WINDOW`);
    /// zero asks no confirmation.
    public var guestConfirmWindow: Duration
    /// How long a card order keeps its places while the buyer pays (`CARD_PAYMENT_WINDOW`).
    public var cardPaymentWindow: Duration

    public init(
        paymentWindow: Duration, placeLimits: PlaceLimits, guestConfirmWindow: Duration,
        cardPaymentWindow: Duration = .seconds(900)
    ) {
        self.paymentWindow = paymentWindow
        self.placeLimits = placeLimits
        self.guestConfirmWindow = guestConfirmWindow
        self.cardPaymentWindow = cardPaymentWindow
    }
}
