public import Hummingbird

/// Where a request came from, for audit records and rate limits.
public struct RequestMetadata: Sendable, Equatable {
    public var ip: String
    public var userAgent: String?
    public var requestID: String

    public init(ip: String, userAgent: String?, requestID: String) {
        self.ip = ip
        self.userAgent = userAgent
        self.requestID = requestID
    }

    /// A placeholder for work not caused by a request (start-up, commands).
    public static let system = RequestMetadata(ip: "local", userAgent: nil, requestID: "")
}

extension ClientAddress {
    public func metadata(_ request: Request, _ context: some APIRequestContext) -> RequestMetadata {
        RequestMetadata(
            ip: resolve(request, peer: context.peerAddress),
            userAgent: request.headers[.userAgent].map { String($0.prefix(512)) },
            requestID: context.requestID
        )
    }
}
