public import Foundation

/// What an outbox message is about. Every side effect BoxOffice owes after a commit (an email, a live signal, a
/// webhook) is an outbox row with one of these topics, written in the same transaction as the change that owes it,
/// and delivered afterwards by the workers that handle the topic. The raw value is stored, shown by the admin API and
/// carried by the change feed.
public enum OutboxTopic: String, Sendable, Codable, CaseIterable {
    /// An order was created: its buyer is owed a confirmation.
    case orderConfirmation = "email.order_confirmation"
    /// Places of an event were taken or given back.
    case availabilityChanged = "signal.availability_changed"
    /// An order moved through its lifecycle.
    case orderStatusChanged = "order.status_changed"
    /// A hold was taken or ended.
    case holdChanged = "hold.changed"
    /// A ticket was admitted to a session, or an admission was undone.
    case checkinRecorded = "checkin.recorded"
    case eventPublished = "event.published"
    case eventChanged = "event.changed"
    case eventCancelled = "event.cancelled"
    case sessionChanged = "session.changed"
    case ticketTypeChanged = "ticket_type.changed"
    /// A kiosk token was created or revoked.
    case kioskChanged = "kiosk.changed"
    /// Someone joined or left an organization, or their role changed.
    case memberChanged = "member.changed"
    /// A refund was decided: the processor is asked for it after the commit (`RefundRequested`).
    case refundRequested = "payment.refund_requested"
    /// A buyer or an organizer is owed word of a payment matter: a late payment accepted or refunded, a refund, an
    /// event cancelled (`PaymentNotice`).
    case paymentNotice = "email.payment_notice"
    /// A session an order's tickets open starts soon: its buyer is reminded (`SessionReminder`).
    case sessionReminder = "email.session_reminder"
    /// Someone asked to reset the password of an account: its owner is owed a link (`PasswordResetRequested`).
    case passwordReset = "email.password_reset"
    /// An order's buyer is owed word of a change of status: paid later, declined, expired, cancelled, refunded by hand
    /// (`OrderNotice`); written by the one lifecycle with the move.
    case orderNotice = "email.order_notice"
    /// A ticket got a new code: its buyer is owed the new QR code (`TicketReissued`).
    case ticketReissued = "email.ticket_reissued"
    /// An event's or a session's time or venue changed: its holders are owed word (`EventScheduleChanged`).
    case eventScheduleChanged = "event.schedule_changed"
    /// Mail to many (an organizer's message, an event's change, a campaign) is being addressed: the next recipients
    /// are written down and each owed one message (`BroadcastQueued`).
    case broadcast = "broadcast.fan_out"
    /// One recipient's copy of a broadcast (`BroadcastCopy`): the email itself.
    case broadcastCopy = "email.broadcast_copy"
    /// Someone subscribed to a newsletter: the confirmation link is owed (`NewsletterSubscribed`).
    case newsletterConfirmation = "email.newsletter_confirmation"
    /// A new account's owner is owed the link that confirms the address, or (when the address had an account already)
    /// word that somebody tried (`RegistrationMail`).
    case registration = "email.registration"
    /// A message that only proves delivery end to end (an admin's ping, the tests).
    case ping = "system.ping"
}

/// A message's payload: a Codable value with its topic. `subjects` are the IDs the change feed carries, so that a
/// subscriber can tell what changed without reading the row.
public protocol OutboxMessage: Codable, Sendable {
    static var topic: OutboxTopic { get }
    var subjects: [UUID] { get }
    /// The order, broadcast or subscriber the message concerns, kept in indexed columns of its row
    /// (`OutboxIndexedIDs`); none unless the message says.
    var indexedIDs: OutboxIndexedIDs { get }
}
