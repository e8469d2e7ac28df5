import Foundation

/// Real outside services the tests talk to, started by `scripts/test` on loopback: nobody here wrote them.
public enum TestPeers {
    /// localstripe, a server speaking Stripe's API (`BOXOFFICE_TEST_STRIPE_URL`).
    public static var stripeURL: URL? { url("BOXOFFICE_TEST_STRIPE_URL") }

    /// moto's S3 server (`BOXOFFICE_TEST_S3_URL`).
    public static var s3URL: URL? { url("BOXOFFICE_TEST_S3_URL") }

    /// Under scripts/test (and CI) a missing peer fails the test instead of skipping it.
    public static var required: Bool { ProcessInfo.processInfo.environment["BOXOFFICE_TEST_REQUIRE_PEERS"] == "1" }

    /// The peer's URL, or nil when it is not running and not required (a developer's quick `swift test`).
    public static func url(_ variable: String) -> URL? {
        ProcessInfo.processInfo.environment[variable].flatMap { $0.isEmpty ? nil : URL(string: $0) }
    }
}
