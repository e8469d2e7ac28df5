public import HTTPTypes

/// An error a client is meant to see: a stable machine code, an HTTP status and a message.
///
/// Each feature declares one enum conforming to this protocol; `ErrorMiddleware` renders every one of them
/// in the same envelope, so no route formats errors by hand.
public protocol APIError: Error, Sendable {
    /// Stable, documented, SCREAMING_SNAKE_CASE: clients branch on it, so it never changes once released.
    var code: String { get }
    var status: HTTPResponse.Status { get }
    /// For people: may be reworded at any time.
    var message: String { get }
    /// Machine-readable specifics (the field names, the quantities involved).
    var details: [String: JSONValue] { get }
    /// Extra response headers, such as `Retry-After` or `Allow`.
    var headers: HTTPFields { get }
}

extension APIError {
    public var details: [String: JSONValue] { [:] }
    public var headers: HTTPFields { [:] }
}
