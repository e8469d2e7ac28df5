public import Domain
public import HTTPCore
public import Hummingbird

/// The general per-client limit on `/api`, keyed by client IP.
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
        if rule.isEnabled, request.uri.path.hasPrefix("/api/") {
            let ip = clientAddress.resolve(request, peer: context.peerAddress)
            try await limiter.consume(rule, keys: ["ip:\(ip)"], now: clock.now())
        }
        return try await next(request, context)
    }
}
