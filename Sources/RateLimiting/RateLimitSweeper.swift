public import Domain
import Foundation
public import Logging
public import Persistence
public import ServiceLifecycle

/// Deletes rate-limit windows long past, so the table stays small. Correctness never depends on it:
/// an expired window restarts on its next hit whether or not it was swept. Safe on several instances.
public struct RateLimitSweeper: Service {
    let store: RateLimitStore
    let clock: AppClock
    let retention: Duration
    let interval: Duration
    let logger: Logger

    public init(
        store: RateLimitStore, clock: AppClock, retention: Duration, interval: Duration = .seconds(600), logger: Logger
    ) {
        self.store = store
        self.clock = clock
        self.retention = retention
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                let cutoff = clock.now().addingTimeInterval(-TimeInterval(retention.components.seconds))
                let purged = try await store.purge(startedBefore: cutoff)
                if purged > 0 { logger.debug("purged rate limit windows", metadata: ["count": "\(purged)"]) }
            } catch {
                logger.warning("rate limit sweep failed", metadata: ["error": "\(error)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}
