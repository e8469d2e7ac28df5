public import Foundation
public import HTTPCore
public import Hummingbird

public struct OrderItemDTO: Codable, Sendable, Equatable {
    public var ticketTypeId: UUID
    public var quantity: Int
    public var unitPrice: Decimal
    public var unitPriceMinor: Int
    public var memberPrice: Bool
}

public struct OrderTicketDTO: Codable, Sendable, Equatable {
    public var ticketId: UUID
    public var ticketTypeId: UUID
    public var status: String
    public var attendeeName: String
    public var attendeeEmail: String
    public var dietaryRestrictions: String?
    public var emergencyContact: String?
}

public struct OrderDTO: Codable, Sendable, Equatable, ResponseEncodable {
    public var orderId: UUID
    public var orderNumber: String
    public var eventId: UUID
    public var status: String
    public var buyerName: String
    public var buyerEmail: String
    public var provider: String
    public var total: Decimal
    public var totalMinor: Int
    public var currency: String
    public var notes: String?
    public var paymentDeadline: Date?
    public var items: [OrderItemDTO]
    public var tickets: [OrderTicketDTO]
    public var createdAt: Date
    public var paidAt: Date?
    /// Lets a guest read the order (`X-Order-Token`); shown only in the answer that created the order. The name
    /// requests give it, `orderToken`, is answered beside it (set with it); `accessToken` stays for older clients.
    public var accessToken: String? {
        didSet { orderToken = accessToken }
    }
    public var orderToken: String? = nil
    /// A card order's payment as it stands after the processor answered: only in the answer that created the order
    /// (later: `GET /api/orders/{orderId}/payments`).
    public var payment: PaymentDTO? = nil
}

public struct PaymentDTO: Codable, Sendable, Equatable, ResponseEncodable {
    public var paymentId: UUID
    public var orderId: UUID
    /// `stripe` (the configured processor) or `manual` (recorded by an organizer).
    public var provider: String
    /// `card` or `manual`.
    public var method: String
    /// `pending`, `requires_action`, `succeeded`, `failed`, `canceled`.
    public var status: String
    public var amount: Decimal
    public var amountMinor: Int
    /// What refunds take back of it, asked or done.
    public var refundedMinor: Int
    public var currency: String
    /// The processor's ID of the payment (a PaymentIntent's `pi_…`).
    public var providerReference: String?
    /// For the buyer's card form to confirm or authenticate the payment; shown to the buyer while it is not final.
    public var clientSecret: String?
    /// What the buyer must do next (3-D Secure), as the processor says: only in the answer that started the payment.
    public var nextAction: JSONValue?
    /// The decline or refusal, in the processor's words.
    public var failureReason: String?
    public var createdAt: Date
    public var updatedAt: Date
    public var succeededAt: Date?

    package init(
        paymentId: UUID, orderId: UUID, provider: String, method: String, status: String, amount: Decimal,
        amountMinor: Int, refundedMinor: Int, currency: String, providerReference: String?, clientSecret: String?,
        nextAction: JSONValue?, failureReason: String?, createdAt: Date, updatedAt: Date, succeededAt: Date?
    ) {
        self.paymentId = paymentId
        self.orderId = orderId
        self.provider = provider
        self.method = method
        self.status = status
        self.amount = amount
        self.amountMinor = amountMinor
        self.refundedMinor = refundedMinor
        self.currency = currency
        self.providerReference = providerReference
        self.clientSecret = clientSecret
        self.nextAction = nextAction
        self.failureReason = failureReason
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.succeededAt = succeededAt
    }
}

public struct OrderListDTO: Codable, Sendable, ResponseEncodable {
    public var orders: [OrderDTO]
}

public struct RegistrationDTO: Codable, Sendable, Equatable {
    public var ticketId: UUID
    public var orderNumber: String
    public var ticketTypeId: UUID
    public var ticketTypeName: String
    public var status: String
    public var attendeeName: String
    public var attendeeEmail: String
    public var dietaryRestrictions: String?
    public var emergencyContact: String?
}

public struct RegistrationListDTO: Codable, Sendable, ResponseEncodable {
    public var sessionId: String
    public var eventId: UUID
    public var registrations: [RegistrationDTO]
}

public struct OrderPageDTO: Codable, Sendable, ResponseEncodable {
    public var orders: [OrderDTO]
    public var page: Int
    public var perPage: Int
    public var total: Int
}

extension OrderTicketDTO: ResponseEncodable {}
