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
    /// The payment method: `free`, `offline`, or the card processor's name (`stripe`).
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

}

/// Every change of an order's status, with who made it and when.
public final class OrderTransitionRecord: Model, @unchecked Sendable {
    public static let schema = "order_transitions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "order_id") public var orderID: UUID
    @OptionalField(key: "from_status") public var fromStatus: String?
    @Field(key: "to_status") public var toStatus: String
    /// `user`, `anonymous`, `kiosk` or `system` (`TransitionActor`); written only by the order lifecycle.
    @Field(key: "actor_kind") public var actorKind: String
    @OptionalField(key: "actor_id") public var actorID: UUID?
    @OptionalField(key: "reason") public var reason: String?
    @Field(key: "occurred_at") public var occurredAt: Date

    public init() {}

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

}
