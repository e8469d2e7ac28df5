public import Domain
public import HTTPCore
public import Hummingbird

/// The general per-client limit, keyed by client IP, on the API and the embeds. It decides on the normalised path
/// (`//api/events` is `/api/events`), before routing and authentication, so a route counts however its path is
/// spelled, and paths that match nothing and requests refused 401 or 403 count too. The payment processor's webhooks
/// are machines with checks of their own (signatures) and are left out.
public struct APIRateLimitMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext

    let limiter: RateLimiter
    let rule: RateLimitRule
    let clientAddress: ClientAddress
    let clock: AppClock

    public init(limiter: RateLimiter, rule: RateLimitRule, clientAddress: ClientAddress, clock: AppClock) {
        self.limiter = limiter
        self.rule = rule
        self.clientAddress = clientAddress
        self.clock = clock
    }

    public func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        if rule.isEnabled, Self.isCounted(request.uri.path) {
            // Keyed as every per-address limit is: an IPv6 client by its network (`AddressKeying`).
            let key = clientAddress.limitKey(request, peer: context.peerAddress)
            try await limiter.consume(rule, keys: ["ip:\(key)"], now: clock.now())
        }
        return try await next(request, context)
    }

    /// Whether a path falls under the limit, spelled however it is: every surface (the API, embeds, web pages, files)
    /// but the payment processor's webhooks and the operations' own (health probes, the API document).
    static func isCounted(_ path: String) -> Bool {
        let normalised = "/" + path.split(separator: "/", omittingEmptySubsequences: true).joined(separator: "/") + "/"
        return !RateLimitExemptions.isExempt(normalised)
    }
}
