/// What a message is, for the rule of who may be sent it (Messaging's `MailConsent`, which every message passes just
/// before it is sent). Here, beside the mail, so that a feature can say what its message is without importing the
/// feature that keeps the rule.
public enum MailKind: Sendable, Equatable {
    /// A link that confirms the address or acts on its account (verification, reset, a guest's order confirmation,
    /// a newsletter's double opt-in, an existing account's notice of a registration): unconfirmed addresses get it
    /// within the hourly bound.
    case link
    /// Mail about a buyer's own order: to a confirmed address; to an unconfirmed one only when nobody was asked to
    /// confirm it (a card payment, or an installation that turned guest confirmation off), within the hourly bound.
    case order(confirmationAsked: Bool)
    /// Mail whose recipients the caller chose because their order vouches for their address (a signed-in buyer's
    /// account address, a guest who followed their order's link, a card payer): organizers' messages and event
    /// changes (`Broadcasts.audience`). Only a "not me" stops it.
    case vouched
    /// Everything else (campaigns, organizers' notices): confirmed addresses only.
    case confirmedOnly
}
