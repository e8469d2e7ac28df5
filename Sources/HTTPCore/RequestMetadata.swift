public import Hummingbird

/// Where a request came from, for audit records and rate limits.
public struct RequestMetadata: Sendable, Equatable {
    /// The client's address as resolved, for records (audit, consent, sign-in sessions).
    public var ip: String
    /// What every per-address limit counts the client under: the IPv4 address, or the IPv6 address's network
    /// (`2001:db8:1:2::/64`, `AddressKeying`). Never shown or stored as the client's address.
    public var limitKey: String
    public var userAgent: String?
    public var requestID: String

    public init(ip: String, limitKey: String? = nil, userAgent: String?, requestID: String) {
        self.ip = ip
        self.limitKey = limitKey ?? ip
        self.userAgent = userAgent
        self.requestID = requestID
    }

    /// A placeholder for work not caused by a request (start-up, commands).
    public static let system = RequestMetadata(ip: "local", userAgent: nil, requestID: "")
}

extension ClientAddress {
    public func metadata(_ request: Request, _ context: some APIRequestContext) -> RequestMetadata {
        let ip = resolve(request, peer: context.peerAddress)
        return RequestMetadata(
            ip: ip, limitKey: keying.key(ip),
            userAgent: request.headers[.userAgent].map { String($0.prefix(512)) },
            requestID: context.requestID
        )
    }
}
