/// The paths the general rate limit leaves out: the payment processor's webhooks (a burst of retries must not be
/// refused) and the operations' own (health probes and the API document, which monitors and tools read). Shared by the
/// limiter and the API document, which declares 429 everywhere else.
public enum RateLimitExemptions {
    /// `normalised`: the path with single slashes and a trailing one (`/api/events/`).
    public static func isExempt(_ normalised: String) -> Bool {
        ["/api/webhook/", "/api/webhooks/", "/health/", "/openapi.json/", "/docs/"].contains {
            normalised.hasPrefix($0)
        }
    }
}
