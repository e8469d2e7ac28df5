public import Domain
public import HTTPCore
public import Hummingbird

/// The payment webhooks' own limit per client address (`RateLimitRule.webhooks`), which the general limit leaves them
/// out of. Decided on the normalised path before routing and before the signature is checked, so forged calls count:
/// past the limit they are refused 429 and reach neither the handler nor its log.
public struct WebhookRateLimitMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext

    let limiter: RateLimiter
    let rule: RateLimitRule
    let clientAddress: ClientAddress
    let clock: AppClock

    public init(limiter: RateLimiter, rule: RateLimitRule = .webhooks, clientAddress: ClientAddress, clock: AppClock) {
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
        if rule.isEnabled, Self.isWebhook(request.uri.path) {
            // Keyed as every per-address limit is: an IPv6 client by its network (`AddressKeying`).
            let key = clientAddress.limitKey(request, peer: context.peerAddress)
            try await limiter.consume(rule, keys: ["ip:\(key)"], now: clock.now())
        }
        return try await next(request, context)
    }

    /// Whether a path, spelled however it is (`//api/webhooks/stripe`), is a payment webhook's.
    static func isWebhook(_ path: String) -> Bool {
        let normalised = "/" + path.split(separator: "/", omittingEmptySubsequences: true).joined(separator: "/") + "/"
        return RateLimitExemptions.isWebhook(normalised)
    }
}
