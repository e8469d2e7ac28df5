public import Domain
public import Foundation
public import HTTPCore
public import HTTPTypes

/// Refusals of holds and sales, with stable codes and details (requested and available quantity, limiting session).
public enum SalesError: APIError, Equatable {
    case insufficientCapacity(ticketTypeID: UUID, requested: Int, available: Int, limitingSessionID: String?)
    case salesNotStarted(UUID)
    case salesEnded(UUID)
    case notOnSale(UUID, reason: String)
    case quantityLimit(requested: Int, maximum: Int)
    case holdNotFound
    case holdExpired(expiredAt: Date)
    case ticketTypeNotFound
    /// The order lifecycle refuses a move (`OrderStatus.canMove`), or another change got there first.
    case invalidTransition(from: String, to: String)
    /// The ticket has opened a door: its buyer can no longer cancel it.
    case admitted(ticketID: UUID)
    /// One buyer, or one client address, would hold or keep pending more places of the event than its limit.
    case buyerLimit(PlaceLimitExceeded)
    /// The event sells to signed-in buyers only (its `guestCheckout` is off).
    case signInRequired

    public var code: String {
        switch self {
        case .insufficientCapacity: "INSUFFICIENT_CAPACITY"
        case .salesNotStarted: "SALES_NOT_STARTED"
        case .salesEnded: "SALES_ENDED"
        case .notOnSale: "NOT_ON_SALE"
        case .quantityLimit: "QUANTITY_LIMIT"
        case .holdNotFound: "HOLD_NOT_FOUND"
        case .holdExpired: "HOLD_EXPIRED"
        case .ticketTypeNotFound: "TICKET_TYPE_NOT_FOUND"
        case .invalidTransition: "INVALID_TRANSITION"
        case .admitted: "ALREADY_CHECKED_IN"
        case .buyerLimit: "BUYER_LIMIT"
        case .signInRequired: "SIGN_IN_REQUIRED"
        }
    }

    public var status: HTTPResponse.Status {
        switch self {
        case .holdNotFound, .ticketTypeNotFound: .notFound
        case .signInRequired: .unauthorized
        // The ticket type's own limit, which the API document cannot state: well formed, refused by rule.
        case .quantityLimit: .unprocessableContent
        default: .conflict
        }
    }

    public var message: String {
        switch self {
        case .insufficientCapacity(_, let requested, let available, _):
            "Not enough places: \(requested) requested, \(available) available."
        case .salesNotStarted: "Sales for this ticket type have not started."
        case .salesEnded: "Sales for this ticket type have ended."
        case .notOnSale(_, let reason): "This ticket type is not on sale (\(reason))."
        case .quantityLimit(_, let maximum): "At most \(maximum) per order."
        case .holdNotFound: "No such hold, or not yours."
        case .signInRequired: "This event sells to signed-in buyers only: sign in (or register) first."
        case .holdExpired: "The hold has expired; its places went back on sale."
        case .ticketTypeNotFound: "No such ticket type."
        case .invalidTransition(let from, let to): "An order cannot go from \(from) to \(to)."
        case .admitted: "This ticket has been checked in; it can no longer be cancelled or refunded by its buyer."
        case .buyerLimit(let exceeded):
            exceeded.scope == .buyer
                ? "You already hold or have pending \(exceeded.held) places of this event; at most \(exceeded.limit) per buyer."
                : "This network already holds or has pending \(exceeded.held) places of this event; at most \(exceeded.limit) per address."
        }
    }

    public var details: [String: JSONValue] {
        switch self {
        case .insufficientCapacity(let id, let requested, let available, let session):
            [
                "ticketTypeId": .string(id.uuidString), "requestedQuantity": .int(requested),
                "availableQuantity": .int(available), "limitingSessionId": session.map(JSONValue.string) ?? .null,
            ]
        case .salesNotStarted(let id), .salesEnded(let id): ["ticketTypeId": .string(id.uuidString)]
        case .notOnSale(let id, let reason): ["ticketTypeId": .string(id.uuidString), "reason": .string(reason)]
        case .quantityLimit(let requested, let maximum):
            ["requestedQuantity": .int(requested), "maximum": .int(maximum)]
        case .holdExpired(let at): ["expiredAt": .string(ISO8601Instant.string(at))]
        case .invalidTransition(let from, let to): ["from": .string(from), "to": .string(to)]
        case .admitted(let ticketID): ["ticketId": .string(ticketID.uuidString)]
        case .buyerLimit(let exceeded):
            [
                "scope": .string(exceeded.scope.rawValue), "limit": .int(exceeded.limit), "held": .int(exceeded.held),
                "requestedQuantity": .int(exceeded.requested),
            ]
        default: [:]
        }
    }
}
