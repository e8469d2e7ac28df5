import Domain
import Foundation
public import HTTPTypes
public import Hummingbird
import Logging

/// Gives every request one correlation ID: the caller's `X-Request-ID` when it is sane, a new UUID
/// otherwise. It is echoed on the response and attached to every log line of the request.
public struct RequestIDMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext

    public init() {}

    public func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let id = request.headers[.requestID].flatMap(Self.acceptable) ?? UUID.random().uuidString.lowercased()
        var context = context
        context.requestID = id
        // Replacing Hummingbird's own key means its internal log lines carry our ID too.
        context.logger[metadataKey: "hb.request.id"] = .string(id)
        var response = try await next(request, context)
        response.headers[.requestID] = id
        return response
    }

    /// A client-chosen ID goes into logs and headers, so only short, printable tokens are kept.
    static func acceptable(_ candidate: String) -> String? {
        guard (1...128).contains(candidate.utf8.count) else { return nil }
        let allowed = candidate.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
                UInt8(ascii: "."), UInt8(ascii: ":"):
                true
            default:
                false
            }
        }
        return allowed ? candidate : nil
    }
}

extension HTTPField.Name {
    public static var requestID: Self { .init("X-Request-ID")! }
}
