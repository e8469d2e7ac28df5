public import Foundation
public import HTTPCore
public import HTTPTypes

/// Refusals of the catalog, each with a stable code.
public enum CatalogError: APIError, Equatable {
    case eventNotFound
    case sessionNotFound(String)
    case ticketTypeNotFound
    case venueNotFound
    case invalidTransition(from: String, to: String)
    case eventIncomplete(String)
    case eventHasRegistrations
    case sessionHasRegistrations(String)
    case sessionInUse(String)
    case capacityBelowSold(session: String, sold: Int, held: Int)
    case limitBelowSold(sold: Int, held: Int)
    case ticketTypeHasSales
    case sessionsLocked
    case organizerNotMember(UUID)

    public var code: String {
        switch self {
        case .eventNotFound: "EVENT_NOT_FOUND"
        case .sessionNotFound: "SESSION_NOT_FOUND"
        case .ticketTypeNotFound: "TICKET_TYPE_NOT_FOUND"
        case .venueNotFound: "VENUE_NOT_FOUND"
        case .invalidTransition: "INVALID_TRANSITION"
        case .eventIncomplete: "EVENT_INCOMPLETE"
        case .eventHasRegistrations: "EVENT_HAS_REGISTRATIONS"
        case .sessionHasRegistrations: "SESSION_HAS_REGISTRATIONS"
        case .sessionInUse: "SESSION_IN_USE"
        case .capacityBelowSold: "CAPACITY_BELOW_SOLD"
        case .limitBelowSold: "LIMIT_BELOW_SOLD"
        case .ticketTypeHasSales: "TICKET_TYPE_HAS_SALES"
        case .sessionsLocked: "SESSIONS_LOCKED"
        case .organizerNotMember: "ORGANIZER_NOT_MEMBER"
        }
    }

    public var status: HTTPResponse.Status {
        switch self {
        case .eventNotFound, .sessionNotFound, .ticketTypeNotFound, .venueNotFound: .notFound
        case .organizerNotMember: .unprocessableContent
        default: .conflict
        }
    }

    public var message: String {
        switch self {
        case .eventNotFound: "No such event."
        case .sessionNotFound(let code): "The event has no session \(code)."
        case .ticketTypeNotFound: "No such ticket type."
        case .venueNotFound: "No such venue in this organization."
        case .invalidTransition(let from, let to): "An event cannot go from \(from) to \(to)."
        case .eventIncomplete(let why): why
        case .eventHasRegistrations: "The event has registrations: cancel it instead of deleting it."
        case .sessionHasRegistrations(let code): "Session \(code) has registrations or holds and cannot be deleted."
        case .sessionInUse(let code):
            "Session \(code) is included by a ticket type; remove it from the ticket type first."
        case .capacityBelowSold(let code, let sold, let held):
            "Session \(code) already has \(sold) sold and \(held) held; its capacity cannot go below \(sold + held)."
        case .limitBelowSold(let sold, let held):
            "\(sold) sold and \(held) held: the limit cannot go below \(sold + held)."
        case .ticketTypeHasSales: "The ticket type has sales and cannot be deleted; deactivate it instead."
        case .sessionsLocked: "The ticket type has sales; the sessions it includes can no longer change."
        case .organizerNotMember: "Organizers must be members of the event's organization."
        }
    }

    public var details: [String: JSONValue] {
        switch self {
        case .sessionNotFound(let code), .sessionHasRegistrations(let code), .sessionInUse(let code):
            ["sessionId": .string(code)]
        case .invalidTransition(let from, let to): ["from": .string(from), "to": .string(to)]
        case .capacityBelowSold(let code, let sold, let held):
            ["sessionId": .string(code), "sold": .int(sold), "held": .int(held)]
        case .limitBelowSold(let sold, let held): ["sold": .int(sold), "held": .int(held)]
        case .organizerNotMember(let id): ["userId": .string(id.uuidString)]
        default: [:]
        }
    }
}
