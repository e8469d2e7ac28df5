import Domain
public import FluentKit
import Foundation

/// Seats of one ticket type set aside for a buyer until `expiresAt`. While `status` is `active` its quantity is
/// counted in `held` of the ticket type and of every session the type includes.
public final class HoldRecord: Model, @unchecked Sendable {
    public static let schema = "holds"

    @ID(key: .id) public var id: UUID?
    @Field(key: "event_id") public var eventID: UUID
    @Field(key: "ticket_type_id") public var ticketTypeID: UUID
    @Field(key: "quantity") public var quantity: Int
    /// The signed-in owner, or nil for an anonymous cart.
    @OptionalField(key: "user_id") public var userID: UUID?
    /// SHA-256 of the anonymous cart token that owns the hold.
    @OptionalField(key: "cart_token_hash") public var cartTokenHash: String?
    /// `HoldStatus`: `active`, `released`, `expired` or `converted`; changed only by `HoldLifecycle`.
    @Field(key: "status") public var status: String
    @Field(key: "expires_at") public var expiresAt: Date
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "ended_at") public var endedAt: Date?
    /// Who took the places, for the per-buyer limit: `user:<id>`, `cart:<token hash>` or `email:<address>`.
    @OptionalField(key: "buyer_key") public var buyerKey: String?
    /// The client's address when the places were taken, for the per-address limit.
    @OptionalField(key: "client_address") public var clientAddress: String?

    public init() {}

    public init(
        eventID: UUID, ticketTypeID: UUID, quantity: Int, userID: UUID?, cartTokenHash: String?, expiresAt: Date,
        now: Date
    ) {
        self.id = UUID.random()
        self.eventID = eventID
        self.ticketTypeID = ticketTypeID
        self.quantity = quantity
        self.userID = userID
        self.cartTokenHash = cartTokenHash
        self.status = HoldStatus.active.rawValue
        self.expiresAt = expiresAt
        self.createdAt = now
    }
}
