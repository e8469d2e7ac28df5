public import Foundation

/// The payloads of every topic (`OutboxTopic`), as stored in the outbox's JSON column.

public struct OrderConfirmation: OutboxMessage, Equatable {
    public static let topic = OutboxTopic.orderConfirmation
    public var orderId: UUID
    public var eventId: UUID
    /// A guest's offline order: the token of the link that confirms their email (only its hash is kept on the order;
    /// the message carries the link to its one recipient).
    public var emailConfirmationToken: String?
    /// The order as it stands when the message is written, not as it was created: sent again on request, or after a
    /// late payment revived the order with new ticket codes.
    public var asItStands: Bool?
    public var subjects: [UUID] { [orderId, eventId] }

    public init(orderId: UUID, eventId: UUID, emailConfirmationToken: String? = nil, asItStands: Bool? = nil) {
        self.orderId = orderId
        self.eventId = eventId
        self.emailConfirmationToken = emailConfirmationToken
        self.asItStands = asItStands
    }
}

public struct AvailabilityChanged: OutboxMessage, Equatable {
    public static let topic = OutboxTopic.availabilityChanged
    public var eventId: UUID
    public var subjects: [UUID] { [eventId] }

    public init(eventId: UUID) {
        self.eventId = eventId
    }
}

public struct OrderStatusChanged: OutboxMessage, Equatable {
    public static let topic = OutboxTopic.orderStatusChanged
    public var orderId: UUID
    public var eventId: UUID
    public var from: OrderStatus
    public var to: OrderStatus
    /// `TransitionActor.kind`: who made the change.
    public var actor: String
    public var subjects: [UUID] { [orderId, eventId] }

    public init(orderId: UUID, eventId: UUID, from: OrderStatus, to: OrderStatus, actor: String) {
        self.orderId = orderId
        self.eventId = eventId
        self.from = from
        self.to = to
        self.actor = actor
    }
}

public struct HoldChanged: OutboxMessage, Equatable {
    public static let topic = OutboxTopic.holdChanged
    public var holdId: UUID
    public var eventId: UUID
    public var ticketTypeId: UUID
    public var status: HoldStatus
    public var subjects: [UUID] { [holdId, eventId] }

    public init(holdId: UUID, eventId: UUID, ticketTypeId: UUID, status: HoldStatus) {
        self.holdId = holdId
        self.eventId = eventId
        self.ticketTypeId = ticketTypeId
        self.status = status
    }
}

public struct CheckinRecorded: OutboxMessage, Equatable {
    public static let topic = OutboxTopic.checkinRecorded
    public var eventId: UUID
    public var ticketId: UUID
    public var sessionId: UUID
    /// True when an admission was undone.
    public var undone: Bool
    public var subjects: [UUID] { [eventId, ticketId, sessionId] }

    public init(eventId: UUID, ticketId: UUID, sessionId: UUID, undone: Bool) {
        self.eventId = eventId
        self.ticketId = ticketId
        self.sessionId = sessionId
        self.undone = undone
    }
}

/// What happened to an event's catalog facts, as the topic of an `EventNotice`.
public protocol EventNoticeKind: Sendable {
    static var topic: OutboxTopic { get }
}

public enum EventNoticeKinds {
    public enum Published: EventNoticeKind { public static var topic: OutboxTopic { .eventPublished } }
    public enum Changed: EventNoticeKind { public static var topic: OutboxTopic { .eventChanged } }
    public enum Cancelled: EventNoticeKind { public static var topic: OutboxTopic { .eventCancelled } }
}

/// An event was published, changed or cancelled: one payload, three topics.
public struct EventNotice<Kind: EventNoticeKind>: OutboxMessage, Equatable {
    public static var topic: OutboxTopic { Kind.topic }
    public var eventId: UUID
    public var organizationId: UUID
    public var subjects: [UUID] { [eventId] }

    public init(eventId: UUID, organizationId: UUID) {
        self.eventId = eventId
        self.organizationId = organizationId
    }
}

public typealias EventPublished = EventNotice<EventNoticeKinds.Published>
public typealias EventChanged = EventNotice<EventNoticeKinds.Changed>
public typealias EventCancelled = EventNotice<EventNoticeKinds.Cancelled>

public struct SessionChanged: OutboxMessage, Equatable {
    public static let topic = OutboxTopic.sessionChanged
    public var eventId: UUID
    public var sessionId: UUID
    public var subjects: [UUID] { [eventId, sessionId] }

    public init(eventId: UUID, sessionId: UUID) {
        self.eventId = eventId
        self.sessionId = sessionId
    }
}

public struct TicketTypeChanged: OutboxMessage, Equatable {
    public static let topic = OutboxTopic.ticketTypeChanged
    public var eventId: UUID
    public var ticketTypeId: UUID
    public var subjects: [UUID] { [eventId, ticketTypeId] }

    public init(eventId: UUID, ticketTypeId: UUID) {
        self.eventId = eventId
        self.ticketTypeId = ticketTypeId
    }
}

public struct KioskChanged: OutboxMessage, Equatable {
    public static let topic = OutboxTopic.kioskChanged
    public var eventId: UUID
    public var kioskId: UUID
    /// `created` or `revoked`.
    public var change: String
    public var subjects: [UUID] { [eventId, kioskId] }

    public init(eventId: UUID, kioskId: UUID, change: String) {
        self.eventId = eventId
        self.kioskId = kioskId
        self.change = change
    }
}

public struct MemberChanged: OutboxMessage, Equatable {
    public static let topic = OutboxTopic.memberChanged
    public var organizationId: UUID
    public var userId: UUID
    /// `added`, `role_changed`, `events_assigned` (staff) or `removed`.
    public var change: String
    public var subjects: [UUID] { [organizationId, userId] }

    public init(organizationId: UUID, userId: UUID, change: String) {
        self.organizationId = organizationId
        self.userId = userId
        self.change = change
    }
}

public struct Ping: OutboxMessage, Equatable {
    public static let topic = OutboxTopic.ping
    public var note: String
    public var subjects: [UUID] { [] }

    public init(note: String) {
        self.note = note
    }
}

/// A refund to ask of the processor: the worker reads the refund's row and calls the processor with an idempotency key
/// derived from the refund's ID, so a retried delivery cannot refund twice.
public struct RefundRequested: OutboxMessage, Equatable {
    public static let topic = OutboxTopic.refundRequested
    public var refundId: UUID
    public var orderId: UUID
    public var subjects: [UUID] { [refundId, orderId] }

    public init(refundId: UUID, orderId: UUID) {
        self.refundId = refundId
        self.orderId = orderId
    }
}

/// Word owed to a buyer or an event's organizers about money: what happened is `kind`.
public struct PaymentNotice: OutboxMessage, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// A payment arrived after the order expired; its places were free, so the order is paid.
        case latePaymentAccepted = "late_payment_accepted"
        /// A payment arrived after the order expired and its places were gone (or the order was already paid): the
        /// payment is refunded in full.
        case latePaymentRefunded = "late_payment_refunded"
        /// An organizer (or the event's refund rule) refunded money.
        case refundIssued = "refund_issued"
        /// The processor could not make a refund: organizers must act.
        case refundFailed = "refund_failed"
        /// The event was cancelled: the order is cancelled, and refunded if it was paid.
        case eventCancelled = "event_cancelled"
    }

    public enum Recipient: String, Codable, Sendable {
        case buyer
        /// The owners and managers of the event's organization.
        case organizers
    }

    public static let topic = OutboxTopic.paymentNotice
    public var kind: Kind
    public var recipient: Recipient
    public var orderId: UUID
    public var refundId: UUID?
    public var subjects: [UUID] { [orderId] + (refundId.map { [$0] } ?? []) }

    public init(kind: Kind, recipient: Recipient, orderId: UUID, refundId: UUID? = nil) {
        self.kind = kind
        self.recipient = recipient
        self.orderId = orderId
        self.refundId = refundId
    }
}

/// A password reset asked for an address. Queued whether or not the address has an account (the worker looks), so
/// that asking takes the same work either way; the link's token is made when the mail is sent (and only its hash
/// kept), so no secret waits in the outbox.
public struct PasswordResetRequested: OutboxMessage, Equatable {
    public static let topic = OutboxTopic.passwordReset
    public var email: String
    public var subjects: [UUID] { [] }

    public init(email: String) {
        self.email = email
    }
}

/// A reminder owed to an order's buyer: a session its valid tickets open starts in about `offsetMinutes`.
public struct SessionReminder: OutboxMessage, Equatable {
    public static let topic = OutboxTopic.sessionReminder
    public var orderId: UUID
    public var sessionId: UUID
    public var offsetMinutes: Int
    public var subjects: [UUID] { [orderId, sessionId] }

    public init(orderId: UUID, sessionId: UUID, offsetMinutes: Int) {
        self.orderId = orderId
        self.sessionId = sessionId
        self.offsetMinutes = offsetMinutes
    }
}

/// An order's buyer is owed word of its move: written by the lifecycle with every move; the mail worker decides what
/// the move means to the buyer (a payment received, a declined card, an expiry, a cancellation, a refund by hand) and
/// sends nothing for moves told otherwise (a late payment, an event's cancellation, a card refund).
public struct OrderNotice: OutboxMessage, Equatable {
    public static let topic = OutboxTopic.orderNotice
    public var orderId: UUID
    public var from: OrderStatus
    public var to: OrderStatus
    /// `user`, `anonymous`, `system`, …: who moved it.
    public var actor: String
    public var actorId: UUID?
    /// The worker that moved it, when the system did.
    public var system: SystemActor?
    public var reason: String?
    /// Why it moved, when a reader of the notice needs more than `reason`'s text (absent in notices written before).
    public var cause: TransitionCause?
    public var subjects: [UUID] { [orderId] }

    /// Whether a move owes the buyer a message of its own: not a late payment's revival (its payment notice tells), nor
    /// what an event's cancellation does (its cascade tells), nor an expiry on the way to refunding a late payment.
    /// The lifecycle writes a notice only for these; the mail worker still passes over a refund the card processor
    /// makes (told when it is made).
    public static func isOwed(from: OrderStatus, to: OrderStatus, actor: TransitionActor) -> Bool {
        let system = actor.systemActor
        if system == .eventCancellation { return false }
        switch (from, to) {
        case (.pending, .paid): return true
        case (_, .paid): return false
        case (_, .expired): return system != .payments
        case (_, .cancelled), (_, .refunded): return true
        default: return false
        }
    }

    public init(
        orderId: UUID, from: OrderStatus, to: OrderStatus, actor: TransitionActor, reason: String? = nil,
        cause: TransitionCause? = nil
    ) {
        self.orderId = orderId
        self.from = from
        self.to = to
        self.actor = actor.kind
        self.actorId = actor.id
        self.system = actor.systemActor
        self.reason = reason
        self.cause = cause
    }
}

/// A ticket's code was replaced (the holder asked, or it leaked): the buyer gets the new QR code.
public struct TicketReissued: OutboxMessage, Equatable {
    public static let topic = OutboxTopic.ticketReissued
    public var ticketId: UUID
    public var orderId: UUID
    public var subjects: [UUID] { [ticketId, orderId] }

    public init(ticketId: UUID, orderId: UUID) {
        self.ticketId = ticketId
        self.orderId = orderId
    }
}

/// What changed of an event or one of its sessions that its ticket holders must know: the new times or venue.
public struct EventScheduleChanged: OutboxMessage, Equatable {
    public static let topic = OutboxTopic.eventScheduleChanged
    public var eventId: UUID
    /// The session that changed; nil: the event itself (its venue).
    public var sessionId: UUID?
    public var startsAt: Date?
    public var endsAt: Date?
    public var venue: String?
    public var subjects: [UUID] { [eventId] + (sessionId.map { [$0] } ?? []) }

    public init(eventId: UUID, sessionId: UUID? = nil, startsAt: Date? = nil, endsAt: Date? = nil, venue: String? = nil)
    {
        self.eventId = eventId
        self.sessionId = sessionId
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.venue = venue
    }
}

/// A broadcast's next recipients are to be written down (a page per delivery; the last page queues no other).
public struct BroadcastQueued: OutboxMessage, Equatable {
    public static let topic = OutboxTopic.broadcast
    public var broadcastId: UUID
    public var subjects: [UUID] { [broadcastId] }

    public init(broadcastId: UUID) {
        self.broadcastId = broadcastId
    }
}

/// One recipient's copy of a broadcast.
public struct BroadcastCopy: OutboxMessage, Equatable {
    public static let topic = OutboxTopic.broadcastCopy
    public var broadcastId: UUID
    public var email: String
    public var subjects: [UUID] { [broadcastId] }

    public init(broadcastId: UUID, email: String) {
        self.broadcastId = broadcastId
        self.email = email
    }
}

/// A newsletter subscription waiting for its confirmation link (made at sending, only its hash kept).
public struct NewsletterSubscribed: OutboxMessage, Equatable {
    public static let topic = OutboxTopic.newsletterConfirmation
    public var subscriberId: UUID
    public var subjects: [UUID] { [subscriberId] }

    public init(subscriberId: UUID) {
        self.subscriberId = subscriberId
    }
}

/// Registration answers the same whoever asks; this message says what happened to the address's owner: a new account
/// to verify, or an attempt on an address that has one.
public struct RegistrationMail: OutboxMessage, Equatable {
    public static let topic = OutboxTopic.registration
    public var email: String
    /// True: the account was made now and its address waits for verification.
    public var created: Bool
    public var subjects: [UUID] { [] }

    public init(email: String, created: Bool) {
        self.email = email
        self.created = created
    }
}
