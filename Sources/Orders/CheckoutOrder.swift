import Foundation
import HTTPCore
import WireTypes

/// What a buyer asks to buy, read from any checkout body (the with-lock order's `HoldCheckoutRequest` has the fields
/// of `CheckoutRequest` and is read as it, after its own schema's check): one value for the checkout to decide on,
/// with the IDs read as UUIDs.
struct CheckoutOrder: Sendable {
    var eventId: UUID?
    var ticketTypeId: UUID?
    var categoryId: UUID?
    var quantity: Int?
    var attendees: [AttendeeDetails]?
    var paymentMethod: String?
    /// A payment method or token from the buyer's card form, handed to the processor and kept nowhere.
    var paymentToken: String?
    var notes: String?
    var buyerName: String?
    var buyerEmail: String?
    var holdId: UUID?
    var lockId: UUID?

    init(_ body: Components.Schemas.CheckoutRequest) throws {
        eventId = try Self.id(body.eventId, "eventId")
        ticketTypeId = try Self.id(body.ticketTypeId, "ticketTypeId")
        categoryId = try Self.id(body.categoryId, "categoryId")
        quantity = body.quantity
        attendees = body.attendees?.map {
            AttendeeDetails(
                name: $0.name, email: $0.email, dietaryRestrictions: $0.dietaryRestrictions,
                emergencyContact: $0.emergencyContact)
        }
        paymentMethod = body.paymentMethod
        paymentToken = body.paymentToken
        notes = body.notes
        buyerName = body.buyerName
        buyerEmail = body.buyerEmail
        holdId = try Self.id(body.holdId, "holdId")
        lockId = try Self.id(body.lockId, "lockId")
    }

    private static func id(_ text: String?, _ field: String) throws -> UUID? {
        try text.map { try WireValue.uuid($0, field: field) }
    }
}

/// A ticket's holder as a checkout names them.
struct AttendeeDetails: Sendable {
    var name: String?
    var email: String?
    var dietaryRestrictions: String?
    var emergencyContact: String?
}
