/// Settings of sign-in, tokens, passwords and rate limits.
public struct AuthConfig: Sendable, Equatable {
    public var jwtKeyID = "primary"
    /// Retired signing keys still accepted for verification, by key ID (`JWT_PREVIOUS_KEYS=kid:secret,…`).
    public var jwtPreviousKeys: [String: String] = [:]
    public var jwtIssuer = "boxoffice"
    public var jwtAudience = "boxoffice-api"
    public var accessTokenSeconds = 900
    public var refreshTokenSeconds = 7 * 24 * 3600
    public var bcryptCost = 12
    /// Attempts per window on login, register, refresh and password change, per IP and per account.
    public var authAttempts = 10
    public var authWindowSeconds = 900
    /// Requests per window on /api per client IP; 0 switches the general limit off.
    public var apiRequests = 600
    public var apiWindowSeconds = 60
    /// Proxies whose `X-Forwarded-For` is believed, as addresses or CIDR networks.
    public var trustedProxies: [String] = []
    /// The network prefix every per-address limit keys an IPv6 client by (`IPV6_PREFIX_LENGTH`, 32 to 128): a host is
    /// handed a whole /64, so keying the exact address would let it take the limit again from each address.
    public var ipv6PrefixLength = 64
    public var defaultAdminEmail: String?
    public var defaultAdminPassword: String?

    public init() {}
}
