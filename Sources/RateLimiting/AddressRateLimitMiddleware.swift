public import Domain
public import HTTPCore
public import Hummingbird

/// A limit per client address on some paths, keyed by client IP (an IPv6 client by its network, `AddressKeying`). It
/// decides on the normalised path (`//api/events` is `/api/events`), before routing and authentication, so a route
/// counts however its path is spelled, and paths that match nothing, requests refused 401 or 403, and forged webhook
/// calls count too: past the limit they are refused 429 and reach neither a handler nor its log.
///
/// Two are mounted: `.api`, the general limit on every surface but the payment webhooks and the operations' own
/// (health probes, the API document), and `.webhooks`, the payment webhooks' own (`RateLimitRule.webhooks`).
public struct AddressRateLimitMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext

    let limiter: RateLimiter
    let rule: RateLimitRule
    let clientAddress: ClientAddress
    let clock: AppClock
    /// Whether a normalised path (`/api/events/`, with a trailing slash) falls under this limit.
    let counts: @Sendable (String) -> Bool

    public static func api(limiter: RateLimiter, rule: RateLimitRule, clientAddress: ClientAddress, clock: AppClock)
        -> Self
    {
        Self(limiter: limiter, rule: rule, clientAddress: clientAddress, clock: clock) {
            !RateLimitExemptions.isExempt($0)
        }
    }

    public static func webhooks(
        limiter: RateLimiter, rule: RateLimitRule = .webhooks, clientAddress: ClientAddress, clock: AppClock
    ) -> Self {
        Self(limiter: limiter, rule: rule, clientAddress: clientAddress, clock: clock) {
            RateLimitExemptions.isWebhook($0)
        }
    }

    public func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        if rule.isEnabled, counts(Self.normalised(request.uri.path)) {
            let key = clientAddress.limitKey(request, peer: context.peerAddress)
            try await limiter.consume(rule, keys: ["ip:\(key)"], now: clock.now())
        }
        return try await next(request, context)
    }

    /// `/api/events/` for `//api/events`, `/api/events/` and `/api/events`.
    static func normalised(_ path: String) -> String {
        "/" + path.split(separator: "/", omittingEmptySubsequences: true).joined(separator: "/") + "/"
    }
}
