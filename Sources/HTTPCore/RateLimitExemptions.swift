/// The paths the general rate limit leaves out: the payment processor's webhooks (a burst of retries must not be
/// refused; they have a generous limit of their own) and the operations' own (health probes and the API document, which
/// monitors and tools read). Shared by the limiter and the API document, which declares 429 everywhere else.
public enum RateLimitExemptions {
    /// `normalised`: the path with single slashes and a trailing one (`/api/events/`).
    public static func isExempt(_ normalised: String) -> Bool {
        isWebhook(normalised)
            || ["/health/", "/openapi.json/", "/docs/"].contains { normalised.hasPrefix($0) }
    }

    /// Whether `normalised` is a payment webhook's path: counted by a limit of their own (`RateLimitRule.webhooks`).
    public static func isWebhook(_ normalised: String) -> Bool {
        ["/api/webhook/", "/api/webhooks/"].contains { normalised.hasPrefix($0) }
    }
}
