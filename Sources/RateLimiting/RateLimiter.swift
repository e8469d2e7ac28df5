public import Foundation
import HTTPCore
public import Persistence

/// A limit: at most `limit` hits per `window`, counted per key.
public struct RateLimitRule: Sendable, Equatable {
    public var name: String
    public var limit: Int
    public var window: Duration

    public init(name: String, limit: Int, window: Duration) {
        self.name = name
        self.limit = limit
        self.window = window
    }

    /// A limit of zero switches the rule off.
    public var isEnabled: Bool { limit > 0 }

    /// The payment webhooks' own limit per client address: generous, as a processor sends from few addresses and may
    /// deliver a burst (retries after an outage), but a flood of forged calls from one address is refused 429 before
    /// any signature is checked or logged.
    public static let webhooks = RateLimitRule(name: "webhook", limit: 300, window: .seconds(60))

    /// The same numbers under another counter name, so each endpoint has its own windows.
    public func named(_ name: String) -> RateLimitRule {
        RateLimitRule(name: name, limit: limit, window: window)
    }
}

/// Applies rate limit rules with counters shared through the database.
public struct RateLimiter: Sendable {
    let store: RateLimitStore

    public init(store: RateLimitStore) {
        self.store = store
    }

    /// Counts one hit for each key under `rule`, without refusing anything (failures, counted to decide later).
    public func record(_ rule: RateLimitRule, keys: [String], now: Date) async throws {
        guard rule.isEnabled else { return }
        for key in keys { _ = try await store.hit(bucket: "\(rule.name):\(key)", window: rule.window, now: now) }
    }

    /// The hits counted for `key` under `rule` in its current window.
    public func hits(_ rule: RateLimitRule, key: String, now: Date) async throws -> Int {
        guard rule.isEnabled else { return 0 }
        return try await store.hits(bucket: "\(rule.name):\(key)", window: rule.window, now: now)
    }

    /// Counts one hit for each key under `rule`; throws `RATE_LIMITED` with the longest wait when any key is over.
    ///
    /// Every key is counted even when an earlier one is over, so that an attacker switching accounts from
    /// one address still fills the address's window.
    public func consume(_ rule: RateLimitRule, keys: [String], now: Date) async throws {
        guard rule.isEnabled else { return }
        var wait = 0
        for key in keys {
            let (hits, start) = try await store.hit(bucket: "\(rule.name):\(key)", window: rule.window, now: now)
            if hits > rule.limit {
                let reopens = start.addingTimeInterval(TimeInterval(rule.window.components.seconds))
                wait = max(wait, max(1, Int(reopens.timeIntervalSince(now).rounded(.up))))
            }
        }
        if wait > 0 { throw HTTPFailure.rateLimited(retryAfterSeconds: wait) }
    }
}
