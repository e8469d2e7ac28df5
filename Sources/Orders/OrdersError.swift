import Foundation
public import HTTPCore
public import HTTPTypes

/// Refusals of the orders feature.
public enum OrdersError: APIError, Equatable {
    case orderNotFound
    case invalidTransition(from: String, to: String)
    case paymentMethodUnavailable(String)
    /// A card method named where no card processor is configured: well formed, but not offered here.
    case cardPaymentsUnavailable(String)
    case sessionNotFound
    /// Less is left to refund than was asked.
    case refundTooLarge(left: Int)
    /// A card payment asked of an order that waits for none (paid, cancelled, expired, or free).
    case notPayable(status: String)

    public var code: String {
        switch self {
        case .orderNotFound: "ORDER_NOT_FOUND"
        case .invalidTransition: "INVALID_TRANSITION"
        case .paymentMethodUnavailable: "VALIDATION_FAILED"
        case .cardPaymentsUnavailable: "PAYMENT_METHOD_UNAVAILABLE"
        case .sessionNotFound: "SESSION_NOT_FOUND"
        case .refundTooLarge: "REFUND_TOO_LARGE"
        case .notPayable: "INVALID_TRANSITION"
        }
    }

    public var status: HTTPResponse.Status {
        switch self {
        case .orderNotFound, .sessionNotFound: .notFound
        case .invalidTransition, .refundTooLarge, .notPayable: .conflict
        case .paymentMethodUnavailable: .badRequest
        case .cardPaymentsUnavailable: .unprocessableContent
        }
    }

    public var message: String {
        switch self {
        case .orderNotFound: "No such order, or not yours."
        case .invalidTransition(let from, let to): "An order cannot go from \(from) to \(to)."
        case .paymentMethodUnavailable(let method):
            "The payment method \(method) is not available; use offline (pay by transfer or at the door)."
        case .cardPaymentsUnavailable(let method):
            "This installation takes no card payments (\(method)); use offline (pay by transfer or at the door)."
        case .sessionNotFound: "No such session."
        case .refundTooLarge(let left): "Only \(left) (minor units) of this order is left to refund."
        case .notPayable(let status): "This order is \(status): it waits for no payment."
        }
    }

    public var details: [String: JSONValue] {
        switch self {
        case .invalidTransition(let from, let to): ["from": .string(from), "to": .string(to)]
        case .paymentMethodUnavailable(let method), .cardPaymentsUnavailable(let method):
            ["fields": ["paymentMethod": .string("\(method) is not available")]]
        case .refundTooLarge(let left): ["refundableMinor": .int(left)]
        case .notPayable(let status): ["status": .string(status)]
        default: [:]
        }
    }
}
