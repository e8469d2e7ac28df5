/// An error that may say trying again cannot help (a mailbox that does not exist, a card declined for good): the
/// outbox then marks its message failed at once instead of retrying it up to its topic's limit. Here, beside the
/// messages, so that a seam whose errors say so (the mailer's `MailFailure`) need not import the outbox to say it.
public protocol PermanentDeliveryFailure: Error {
    var isPermanent: Bool { get }
}
