public import Foundation
public import Hummingbird
import Persistence

public struct HoldDTO: Codable, Sendable, Equatable, ResponseEncodable {
    public var holdId: UUID
    public var eventId: UUID
    public var ticketTypeId: UUID
    public var quantity: Int
    /// The sessions the held places are in.
    public var sessions: [String]
    public var expiresAt: Date
    /// For anonymous carts: the token to send back as `X-Cart-Token` to see or release the hold. Shown once.
    public var cartToken: String?

    init(_ record: HoldRecord, sessions: [String]) throws {
        holdId = try record.requireID()
        eventId = record.eventID
        ticketTypeId = record.ticketTypeID
        quantity = record.quantity
        self.sessions = sessions
        expiresAt = record.expiresAt
    }
}

public struct HoldListDTO: Codable, Sendable, ResponseEncodable {
    public var holds: [HoldDTO]
}

/// The answer to a reservation (`POST /api/events/tickets/reserve`).
public struct ReserveResponse: Codable, Sendable, Equatable, ResponseEncodable {
    public var success: Bool
    public var availableSeats: Int
    public var message: String
    public var holdId: UUID
    public var lockId: UUID
    public var expiresAt: Date
}

public struct ReleaseResponse: Codable, Sendable, Equatable, ResponseEncodable {
    public var success: Bool
    public var message: String
}

struct HoldRequest: Decodable, Sendable {
    var ticketTypeId: UUID?
    var categoryId: UUID?
    var eventId: UUID?
    var quantity: Int?
}

struct ReleaseRequest: Decodable, Sendable {
    var holdId: UUID?
    var lockId: UUID?
}
