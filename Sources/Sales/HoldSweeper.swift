public import Domain
import Foundation
public import Logging
public import Persistence
public import ServiceLifecycle

/// Gives expired holds' places back in the background. Correctness never waits for it: availability ignores
/// expired holds and a sale reclaims those in its way. It keeps the counters tidy and expires unpaid orders (as the
/// system). Several instances can run it at once: each sweep locks the seats it touches first, so two sweeps of the
/// same seats take turns, and the second finds those holds already ended.
public struct HoldSweeper: Service {
    let store: DatabaseStore
    let clock: AppClock
    let interval: Duration
    let logger: Logger

    public init(store: DatabaseStore, clock: AppClock, interval: Duration = .seconds(30), logger: Logger) {
        self.store = store
        self.clock = clock
        self.interval = interval
        self.logger = logger
    }

    /// Sweeps once per interval, the first after one interval: nothing is owed at start, since reads and sales already
    /// ignore expired holds.
    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            if Task.isShuttingDownGracefully || Task.isCancelled { break }
            do {
                try await sweep()
            } catch {
                logger.warning("hold sweep failed", metadata: ["error": "\(error)"])
            }
        }
    }

    /// Reclaims every expired hold, a batch per transaction; returns how many.
    @discardableResult
    public func sweep() async throws -> Int {
        var total = 0
        while true {
            let now = clock.now()
            let reclaimed = try await store.transaction { db in try await PlaceLedger.reclaimExpired(now: now, on: db) }
            total += reclaimed
            if reclaimed < 100 { break }
        }
        if total > 0 { logger.debug("reclaimed expired holds", metadata: ["count": "\(total)"]) }
        return total
    }
}
