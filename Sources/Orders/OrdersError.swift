import Foundation
public import HTTPCore
public import HTTPTypes

/// Refusals of the orders feature.
public enum OrdersError: APIError, Equatable {
    case orderNotFound
    case invalidTransition(from: String, to: String)
    case paymentMethodUnavailable(String)
    case sessionNotFound

    public var code: String {
        switch self {
        case .orderNotFound: "ORDER_NOT_FOUND"
        case .invalidTransition: "INVALID_TRANSITION"
        case .paymentMethodUnavailable: "VALIDATION_FAILED"
        case .sessionNotFound: "SESSION_NOT_FOUND"
        }
    }

    public var status: HTTPResponse.Status {
        switch self {
        case .orderNotFound, .sessionNotFound: .notFound
        case .invalidTransition: .conflict
        case .paymentMethodUnavailable: .badRequest
        }
    }

    public var message: String {
        switch self {
        case .orderNotFound: "No such order, or not yours."
        case .invalidTransition(let from, let to): "An order cannot go from \(from) to \(to)."
        case .paymentMethodUnavailable(let method):
            "The payment method \(method) is not available; use offline (pay by transfer or at the door)."
        case .sessionNotFound: "No such session."
        }
    }

    public var details: [String: JSONValue] {
        switch self {
        case .invalidTransition(let from, let to): ["from": .string(from), "to": .string(to)]
        case .paymentMethodUnavailable(let method): ["fields": ["paymentMethod": .string("\(method) is not available")]]
        default: [:]
        }
    }
}
