public import Domain
public import HTTPTypes

/// The failures any endpoint can meet, independent of its feature.
public enum HTTPFailure: APIError, Equatable {
    case validationFailed(FieldProblems)
    /// Well formed, but contradicting itself or the data it names (an end before its start, a session the event does
    /// not have): 422, with the fields named as for 400.
    case unprocessable(FieldProblems)
    case notFound(String)
    case unauthorized(String)
    case forbidden(String)
    case conflict(String)
    case rateLimited(retryAfterSeconds: Int)
    case payloadTooLarge(limitBytes: Int)
    case unsupportedMediaType(received: String?)
    case methodNotAllowed(allowed: [HTTPRequest.Method])
    case badRequest(String)
    case serviceUnavailable(String)
    /// The server is saturated right now; the client should retry shortly.
    case busy(retryAfterSeconds: Int)
    case `internal`

    public var code: String {
        switch self {
        case .validationFailed, .unprocessable, .badRequest: "VALIDATION_FAILED"
        case .notFound: "NOT_FOUND"
        case .unauthorized: "UNAUTHORIZED"
        case .forbidden: "FORBIDDEN"
        case .conflict: "CONFLICT"
        case .rateLimited: "RATE_LIMITED"
        case .payloadTooLarge: "PAYLOAD_TOO_LARGE"
        case .unsupportedMediaType: "UNSUPPORTED_MEDIA_TYPE"
        case .methodNotAllowed: "METHOD_NOT_ALLOWED"
        case .serviceUnavailable, .busy: "SERVICE_UNAVAILABLE"
        case .internal: "INTERNAL"
        }
    }

    public var status: HTTPResponse.Status {
        switch self {
        case .validationFailed(let problems): problems.onlyRules ? .unprocessableContent : .badRequest
        case .badRequest: .badRequest
        case .unprocessable: .unprocessableContent
        case .notFound: .notFound
        case .unauthorized: .unauthorized
        case .forbidden: .forbidden
        case .conflict: .conflict
        case .rateLimited: .tooManyRequests
        case .payloadTooLarge: .contentTooLarge
        case .unsupportedMediaType: .unsupportedMediaType
        case .methodNotAllowed: .methodNotAllowed
        case .serviceUnavailable, .busy: .serviceUnavailable
        case .internal: .internalServerError
        }
    }

    public var message: String {
        switch self {
        case .validationFailed(let problems), .unprocessable(let problems):
            problems.byField.count == 1 ? "One field is invalid." : "\(problems.byField.count) fields are invalid."
        case .badRequest(let message), .notFound(let message), .unauthorized(let message),
            .forbidden(let message), .conflict(let message), .serviceUnavailable(let message):
            message
        case .rateLimited(let seconds): "Too many requests; retry in \(seconds) seconds."
        case .payloadTooLarge(let limit): "The request body is larger than the limit of \(limit) bytes."
        case .unsupportedMediaType: "The request body must be JSON (Content-Type: application/json)."
        case .methodNotAllowed: "This path does not accept that method."
        case .busy(let seconds): "The server is busy; retry in \(seconds) second\(seconds == 1 ? "" : "s")."
        case .internal: "Something went wrong on our side. The request ID identifies it in our logs."
        }
    }

    public var details: [String: JSONValue] {
        switch self {
        case .validationFailed(let problems), .unprocessable(let problems):
            ["fields": .object(problems.byField.mapValues(JSONValue.string))]
        case .rateLimited(let seconds), .busy(let seconds): ["retryAfterSeconds": .int(seconds)]
        case .payloadTooLarge(let limit): ["limitBytes": .int(limit)]
        case .unsupportedMediaType(let received): ["received": received.map(JSONValue.string) ?? .null]
        case .methodNotAllowed(let allowed): ["allowed": .array(allowed.map { .string($0.rawValue) })]
        default: [:]
        }
    }

    public var headers: HTTPFields {
        switch self {
        case .rateLimited(let seconds), .busy(let seconds): [.retryAfter: String(seconds)]
        case .methodNotAllowed(let allowed): [.allow: allowed.map(\.rawValue).joined(separator: ", ")]
        default: [:]
        }
    }
}
