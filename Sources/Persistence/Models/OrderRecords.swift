import Domain
public import FluentKit
import Foundation

/// An order: what a buyer bought, for how much, and where it is in its life.
public final class OrderRecord: Model, @unchecked Sendable {
    public static let schema = "orders"

    @ID(key: .id) public var id: UUID?
    /// Short, unique, unguessable (`OrderNumber`).
    @Field(key: "number") public var number: String
    @Field(key: "event_id") public var eventID: UUID
    @OptionalField(key: "user_id") public var userID: UUID?
    @Field(key: "buyer_name") public var buyerName: String
    @Field(key: "buyer_email") public var buyerEmail: String
    /// `OrderStatus` raw value.
    @Field(key: "status") public var status: String
    /// `free` or `offline` (card providers later).
    @Field(key: "provider") public var provider: String
    @Field(key: "total_minor") public var totalMinor: Int
    @Field(key: "currency") public var currency: String
    @OptionalField(key: "notes") public var notes: String?
    /// The hold that keeps a pending order's places until its payment deadline.
    @OptionalField(key: "hold_id") public var holdID: UUID?
    @OptionalField(key: "payment_deadline") public var paymentDeadline: Date?
    /// SHA-256 of the token that lets a guest read the order.
    @Field(key: "access_token_hash") public var accessTokenHash: String
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date
    @OptionalField(key: "paid_at") public var paidAt: Date?

    public init() {}

    public init(
        number: String, eventID: UUID, userID: UUID?, buyerName: String, buyerEmail: String, status: String, provider: String,
        totalMinor: Int, currency: String, notes: String?, holdID: UUID?, paymentDeadline: Date?, accessTokenHash: String, now: Date
    ) {
        self.id = UUID.random()
        self.number = number
        self.eventID = eventID
        self.userID = userID
        self.buyerName = buyerName
        self.buyerEmail = buyerEmail
        self.status = status
        self.provider = provider
        self.totalMinor = totalMinor
        self.currency = currency
        self.notes = notes
        self.holdID = holdID
        self.paymentDeadline = paymentDeadline
        self.accessTokenHash = accessTokenHash
        self.createdAt = now
        self.updatedAt = now
        self.paidAt = status == "paid" ? now : nil
    }
}

/// One line of an order: a quantity of one ticket type at one unit price.
public final class OrderItemRecord: Model, @unchecked Sendable {
    public static let schema = "order_items"

    @ID(key: .id) public var id: UUID?
    @Field(key: "order_id") public var orderID: UUID
    @Field(key: "ticket_type_id") public var ticketTypeID: UUID
    @Field(key: "quantity") public var quantity: Int
    @Field(key: "unit_price_minor") public var unitPriceMinor: Int
    @Field(key: "member_price") public var memberPrice: Bool

    public init() {}

    public init(orderID: UUID, ticketTypeID: UUID, quantity: Int, unitPriceMinor: Int, memberPrice: Bool) {
        self.id = UUID.random()
        self.orderID = orderID
        self.ticketTypeID = ticketTypeID
        self.quantity = quantity
        self.unitPriceMinor = unitPriceMinor
        self.memberPrice = memberPrice
    }
}

/// One seat for one attendee: admits to every session its ticket type includes.
public final class TicketRecord: Model, @unchecked Sendable {
    public static let schema = "tickets"

    @ID(key: .id) public var id: UUID?
    @Field(key: "order_id") public var orderID: UUID
    @Field(key: "ticket_type_id") public var ticketTypeID: UUID
    @Field(key: "event_id") public var eventID: UUID
    /// `pending`, `valid`, `cancelled` or `refunded`.
    @Field(key: "status") public var status: String
    @Field(key: "attendee_name") public var attendeeName: String
    @Field(key: "attendee_email") public var attendeeEmail: String
    @OptionalField(key: "dietary_restrictions") public var dietaryRestrictions: String?
    @OptionalField(key: "emergency_contact") public var emergencyContact: String?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(
        orderID: UUID, ticketTypeID: UUID, eventID: UUID, status: String, attendeeName: String, attendeeEmail: String,
        dietaryRestrictions: String?, emergencyContact: String?, now: Date
    ) {
        self.id = UUID.random()
        self.orderID = orderID
        self.ticketTypeID = ticketTypeID
        self.eventID = eventID
        self.status = status
        self.attendeeName = attendeeName
        self.attendeeEmail = attendeeEmail
        self.dietaryRestrictions = dietaryRestrictions
        self.emergencyContact = emergencyContact
        self.createdAt = now
    }
}

/// Every change of an order's status, with who made it and when.
public final class OrderTransitionRecord: Model, @unchecked Sendable {
    public static let schema = "order_transitions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "order_id") public var orderID: UUID
    @OptionalField(key: "from_status") public var fromStatus: String?
    @Field(key: "to_status") public var toStatus: String
    /// `user`, `anonymous` or `system`.
    @Field(key: "actor_kind") public var actorKind: String
    @OptionalField(key: "actor_id") public var actorID: UUID?
    @OptionalField(key: "reason") public var reason: String?
    @Field(key: "occurred_at") public var occurredAt: Date

    public init() {}

    public init(orderID: UUID, from: String?, to: String, actorKind: String, actorID: UUID?, reason: String?, at: Date) {
        self.id = UUID.random()
        self.orderID = orderID
        self.fromStatus = from
        self.toStatus = to
        self.actorKind = actorKind
        self.actorID = actorID
        self.reason = reason
        self.occurredAt = at
    }
}

/// A side effect to deliver after its transaction commits (an email, a live signal). Written in the same
/// transaction as the change; workers claim rows with `FOR UPDATE SKIP LOCKED`.
public final class OutboxRecord: Model, @unchecked Sendable {
    public static let schema = "outbox"

    @ID(key: .id) public var id: UUID?
    /// What to do: `email.order_confirmation`, `signal.availability_changed`, …
    @Field(key: "topic") public var topic: String
    /// A JSON object.
    @Field(key: "payload") public var payload: String
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "available_at") public var availableAt: Date
    @Field(key: "attempts") public var attempts: Int
    @OptionalField(key: "delivered_at") public var deliveredAt: Date?

    public init() {}

    public init(topic: String, payload: String, now: Date) {
        self.id = UUID.random()
        self.topic = topic
        self.payload = payload
        self.createdAt = now
        self.availableAt = now
        self.attempts = 0
    }
}
