/// Every message BoxOffice sends, by the name the preview endpoint takes
/// (`GET /api/admin/email-templates/{name}/preview`). Each has its wording in every language of the catalog and one
/// layout, rendered as HTML and as plain text.
public enum MailTemplate: String, Sendable, Codable, CaseIterable {
    /// A paid order: its tickets with their QR codes and the sessions each opens.
    case orderConfirmation = "order-confirmation"
    /// A pending order: what it waits for and until when (with a guest's email confirmation link when it needs one).
    case orderReserved = "order-reserved"
    /// An order paid after it was placed: now the tickets, with their QR codes.
    case paymentReceived = "payment-received"
    /// A card was declined and the order released.
    case paymentFailed = "payment-failed"
    /// A pending order not paid in time.
    case orderExpired = "order-expired"
    /// An order cancelled by its buyer or an organizer.
    case orderCancelled = "order-cancelled"
    /// An order refunded by an organizer outside the card processor (cash, bank transfer).
    case orderRefunded = "order-refunded"
    /// A refund the card processor made.
    case refundIssued = "refund-issued"
    /// A refund the processor refused: to the organizers.
    case refundFailed = "refund-failed"
    case latePaymentAccepted = "late-payment-accepted"
    case latePaymentAcceptedOrganizers = "late-payment-accepted-organizers"
    case latePaymentRefunded = "late-payment-refunded"
    case latePaymentRefundedOrganizers = "late-payment-refunded-organizers"
    /// A ticket's code was replaced: the new QR code (the old one no longer opens the door).
    case ticketReissued = "ticket-reissued"
    /// An event's or session's time or venue changed: to every holder of a ticket it concerns.
    case eventChanged = "event-changed"
    case eventCancelled = "event-cancelled"
    case sessionReminder = "session-reminder"
    /// An organizer's own words to the attendees of chosen sessions.
    case organizerMessage = "organizer-message"
    case passwordReset = "password-reset"
    /// A new account's address, to be confirmed by its link.
    case emailVerification = "email-verification"
    /// Someone registered with an address that already has an account: its owner is told, nobody else learns it.
    case registrationExisting = "registration-existing"
    /// Newsletter double opt-in: the link that confirms the subscription.
    case newsletterConfirmation = "newsletter-confirmation"
    /// A newsletter campaign: the organizer's words, with unsubscribe links.
    case newsletterCampaign = "newsletter-campaign"
}
