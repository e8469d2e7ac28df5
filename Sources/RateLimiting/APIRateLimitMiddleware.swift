public import Domain
public import HTTPCore
public import Hummingbird

/// The general per-client limit, keyed by client IP, on every route of the surfaces it is added to. It runs after the
/// router has matched the route, so the same route counts however its path is spelled (`//api/events` included);
/// surfaces that answer machines with their own checks (webhooks) leave it out.
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
        if rule.isEnabled {
            let ip = clientAddress.resolve(request, peer: context.peerAddress)
            try await limiter.consume(rule, keys: ["ip:\(ip)"], now: clock.now())
        }
        return try await next(request, context)
    }
}
