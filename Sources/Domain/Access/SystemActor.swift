/// BoxOffice itself at work: each worker that changes orders, tickets or holds on its own. Its raw value is the name
/// stored with what it does (a transition's `system_actor`, the reason it leads, an order notice's `system`).
public enum SystemActor: String, Sendable, Codable, CaseIterable {
    /// Card payments and their refunds, as the processor reports them.
    case payments
    /// An event's cancellation and the refunds it owes.
    case eventCancellation = "event-cancellation"
    /// A guest's confirmation of their email address, which gives the order its payment deadline.
    case emailConfirmation = "email-confirmation"
    /// The sweeper that ends expired holds and the pending orders they kept.
    case holdSweeper = "hold-sweeper"
    /// A sale that reclaims expired holds standing in its way.
    case saleReclaim = "sale-reclaim"
}
