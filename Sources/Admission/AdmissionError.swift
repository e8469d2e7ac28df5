import Domain
public import Foundation
public import HTTPCore
public import HTTPTypes

/// Refusals at the door and around tickets. Door staff read the code; the details say what to tell the guest.
public enum AdmissionError: APIError, Equatable {
    /// No ticket has this secret, the signature is wrong, or this version was revoked (reissued or cancelled).
    case invalidTicket(reason: String)
    case notPaid(orderStatus: String)
    case cancelled(status: String)
    case alreadyCheckedIn(ticketID: UUID, sessionID: UUID, checkedInAt: Date, gate: String?, station: String?)
    case wrongEvent(ticketEventID: UUID)
    case wrongSession(sessionID: String, included: [String])
    case outsideCheckinWindow(sessionID: UUID, opensAt: Date, closesAt: Date)
    case ticketNotFound
    case checkinNotFound
    case kioskNotFound
    case eventNotFound

    public var code: String {
        switch self {
        case .invalidTicket: "INVALID_TICKET"
        case .notPaid: "NOT_PAID"
        case .cancelled: "CANCELLED"
        case .alreadyCheckedIn: "ALREADY_CHECKED_IN"
        case .wrongEvent: "WRONG_EVENT"
        case .wrongSession: "WRONG_SESSION"
        case .outsideCheckinWindow: "OUTSIDE_CHECKIN_WINDOW"
        case .ticketNotFound: "TICKET_NOT_FOUND"
        case .checkinNotFound: "CHECKIN_NOT_FOUND"
        case .kioskNotFound: "KIOSK_NOT_FOUND"
        case .eventNotFound: "EVENT_NOT_FOUND"
        }
    }

    public var status: HTTPResponse.Status {
        switch self {
        case .invalidTicket, .ticketNotFound, .checkinNotFound, .kioskNotFound, .eventNotFound: .notFound
        case .notPaid, .cancelled, .alreadyCheckedIn: .conflict
        case .wrongEvent, .wrongSession, .outsideCheckinWindow: .unprocessableContent
        }
    }

    public var message: String {
        switch self {
        case .invalidTicket: "This is not a valid ticket."
        case .notPaid: "This ticket's order is not paid."
        case .cancelled: "This ticket was cancelled."
        case .alreadyCheckedIn: "This ticket was already admitted to this session."
        case .wrongEvent: "This ticket is for another event."
        case .wrongSession: "This ticket does not include this session."
        case .outsideCheckinWindow: "Check-in for this session is not open now."
        case .ticketNotFound: "No such ticket, or not yours."
        case .checkinNotFound: "No such check-in."
        case .kioskNotFound: "No such kiosk token."
        case .eventNotFound: "No such event."
        }
    }

    public var details: [String: JSONValue] {
        switch self {
        case .invalidTicket(let reason): ["reason": .string(reason)]
        case .notPaid(let status): ["orderStatus": .string(status)]
        case .cancelled(let status): ["status": .string(status)]
        case .alreadyCheckedIn(let ticketID, let sessionID, let at, let gate, let station):
            [
                "ticketId": .string(ticketID.uuidString), "sessionId": .string(sessionID.uuidString),
                "checkedInAt": .string(ISO8601Instant.string(at)), "gate": gate.map(JSONValue.string) ?? .null,
                "station": station.map(JSONValue.string) ?? .null,
            ]
        case .wrongEvent(let eventID): ["ticketEventId": .string(eventID.uuidString)]
        case .wrongSession(let session, let included):
            ["sessionId": .string(session), "includedSessions": .array(included.map(JSONValue.string))]
        case .outsideCheckinWindow(let sessionID, let opens, let closes):
            [
                "sessionId": .string(sessionID.uuidString), "opensAt": .string(ISO8601Instant.string(opens)),
                "closesAt": .string(ISO8601Instant.string(closes)),
            ]
        default: [:]
        }
    }
}

extension AdmissionError {
    /// Why a ticket cannot open a door (or show its code) now: cancelled, with its order or alone, or not paid yet.
    static func refusal(ticketStatus: String, orderStatus: OrderStatus) -> AdmissionError? {
        if ticketStatus == "cancelled" || ticketStatus == "refunded" || orderStatus == .cancelled
            || orderStatus == .refunded
        {
            return .cancelled(status: ticketStatus == "valid" ? orderStatus.rawValue : ticketStatus)
        }
        return orderStatus == .paid ? nil : .notPaid(orderStatus: orderStatus.rawValue)
    }
}
