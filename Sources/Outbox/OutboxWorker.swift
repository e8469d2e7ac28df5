public import Domain
import FluentKit
import Foundation
public import Logging
public import Persistence
import SQLKit
public import ServiceLifecycle

/// Delivers the outbox messages of one handler's topics, as a lifecycle service: it claims due messages in batches
/// (`FOR UPDATE SKIP LOCKED` on PostgreSQL, so instances racing for the same rows each take different ones), leases
/// them, calls the handler outside any transaction, and records the outcome: delivered; or, on failure, tried again
/// after a backoff with jitter; or, past the topic's limit, failed with its last error. A worker that dies mid-way
/// leaves its messages leased; they are claimed again once the lease has passed. It wakes when the change feed
/// announces one of its topics (from any instance), and polls slowly as a backstop for notifications missed while
/// reconnecting.
public struct OutboxWorker: Service {
    public struct Settings: Sendable {
        public var batchSize: Int
        /// How long a claimed message is the claimer's alone; longer than any handler should take.
        public var lease: Duration
        /// The backstop: how often to look without being woken.
        public var pollInterval: Duration

        public init(batchSize: Int = 50, lease: Duration = .seconds(120), pollInterval: Duration = .seconds(30)) {
            self.batchSize = batchSize
            self.lease = lease
            self.pollInterval = pollInterval
        }
    }

    let store: DatabaseStore
    let bus: any EventBus
    let handler: any OutboxHandler
    let clock: AppClock
    let settings: Settings
    let unitRandom: @Sendable () -> Double
    let logger: Logger

    /// - Parameter bus: what wakes the worker; the database's change feed unless a test drives its own.
    /// - Parameter unitRandom: the jitter's source (0..<1), a parameter so tests can fix it.
    public init(
        store: DatabaseStore, bus: (any EventBus)? = nil, handler: any OutboxHandler, clock: AppClock,
        settings: Settings = Settings(),
        unitRandom: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }, logger: Logger
    ) {
        self.store = store
        self.bus = bus ?? DatabaseChangeFeed(store: store)
        self.handler = handler
        self.clock = clock
        self.settings = settings
        self.unitRandom = unitRandom
        self.logger = logger
    }

    public func run() async throws {
        let bell = Doorbell()
        let topics = handler.topics
        let changes = bus.subscribe()
        // Rings for every change of one of this worker's topics (or of anything, after the feed reconnected).
        let listener = Task {
            for await change in changes where change.topic.map(topics.contains) ?? true { await bell.ring() }
        }
        defer { listener.cancel() }
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    while try await deliverDue() == settings.batchSize, !Task.isCancelled {}
                } catch {
                    logger.warning(
                        "outbox delivery failed", metadata: ["handler": "\(handler.name)", "error": "\(error)"])
                }
                await bell.wait(atMost: settings.pollInterval)
            }
        }
    }

    /// Claims and delivers one batch of due messages; returns how many were claimed.
    @discardableResult
    public func deliverDue() async throws -> Int {
        let claimed = try await claim(now: clock.now())
        for (message, token) in claimed {
            // Each message's lease starts when its turn comes, so a slow handler earlier in the batch cannot let the
            // lease of a later one pass (and another instance deliver it too); a lease already lost is left alone.
            guard !Task.isCancelled, try await renewLease(message.id, token: token) else {
                if Task.isCancelled { try await giveBack(message.id, token: token) }
                continue
            }
            do {
                try await handler.handle(message)
                try await record(
                    message.id, token: token,
                    "state = 'delivered', delivered_at = \(bind: clock.now()), last_error = NULL")
            } catch  where Task.isCancelled || error is CancellationError {
                // Shutting down is not the message's failure: it goes back as it was, for the next worker.
                try await giveBack(message.id, token: token)
            } catch {
                let now = clock.now()
                let reason = String(String(describing: error).prefix(1000))
                let permanent = (error as? any PermanentDeliveryFailure)?.isPermanent ?? false
                if permanent || message.attempt >= handler.retry.maxAttempts {
                    logger.error(
                        "outbox message failed for good",
                        metadata: [
                            "handler": "\(handler.name)", "topic": "\(message.topic.rawValue)", "id": "\(message.id)",
                            "error": "\(reason)",
                        ])
                    try await record(
                        message.id, token: token,
                        "state = 'failed', failed_at = \(bind: now), last_error = \(bind: reason)")
                } else {
                    let next = now.addingTimeInterval(
                        handler.retry.delay(afterAttempt: message.attempt, unitRandom: unitRandom()))
                    logger.notice(
                        "outbox message will be retried",
                        metadata: [
                            "handler": "\(handler.name)", "topic": "\(message.topic.rawValue)", "id": "\(message.id)",
                            "attempt": "\(message.attempt)", "error": "\(reason)",
                        ])
                    try await record(
                        message.id, token: token, "available_at = \(bind: next), last_error = \(bind: reason)")
                }
            }
        }
        return claimed.count
    }

    /// One statement: the due, unleased, pending messages of this worker's topics, oldest first, leased to this claim.
    private func claim(now: Date) async throws -> [(OutboxDelivery, UUID)] {
        let sql = store.sql()
        let token = UUID.random()
        let leaseEnd = now.addingTimeInterval(TimeInterval(settings.lease.components.seconds))
        let skipLocked = sql.dialect.name == "postgresql" ? " FOR UPDATE SKIP LOCKED" : ""
        let rows = try await sql.raw(
            """
            UPDATE outbox SET claim_token = \(bind: token), lease_until = \(bind: leaseEnd), attempts = attempts + 1
            WHERE id IN (
              SELECT id FROM outbox WHERE state = 'pending' AND topic IN (\(binds: handler.topics.map(\.rawValue).sorted()))
                AND available_at <= \(bind: now) AND (lease_until IS NULL OR lease_until <= \(bind: now))
              ORDER BY available_at, id LIMIT \(literal: settings.batchSize)\(unsafeRaw: skipLocked))
            RETURNING id, topic, payload, attempts, created_at
            """
        ).all(rows: ClaimedRow.self)
        return rows.compactMap { row in
            guard let topic = OutboxTopic(rawValue: row.topic) else { return nil }
            let message = OutboxDelivery(
                id: row.id, topic: topic, payload: row.payload, attempt: row.attempts, createdAt: row.createdAt)
            return (message, token)
        }.sorted { $0.0.createdAt < $1.0.createdAt }
    }

    /// Records an outcome, only while this claim still holds the message (a lease that passed may have let another
    /// worker claim it; then that worker's outcome counts, and this one is only logged).
    private func record(_ id: UUID, token: UUID, _ assignments: SQLQueryString) async throws {
        let held = try await store.sql().raw(
            "UPDATE outbox SET " + assignments + """
                , claim_token = NULL, lease_until = NULL WHERE id = \(bind: id) AND claim_token = \(bind: token) RETURNING id
                """
        ).first()
        if held == nil {
            logger.warning(
                "outbox message's lease passed before its outcome was recorded",
                metadata: ["handler": "\(handler.name)", "id": "\(id)"])
        }
    }

    /// Starts the message's lease now; false when this claim no longer holds it.
    private func renewLease(_ id: UUID, token: UUID) async throws -> Bool {
        let leaseEnd = clock.now().addingTimeInterval(TimeInterval(settings.lease.components.seconds))
        return try await store.sql().raw(
            """
            UPDATE outbox SET lease_until = \(bind: leaseEnd) WHERE id = \(bind: id) AND claim_token = \(bind: token) RETURNING id
            """
        ).first() != nil
    }

    /// Hands a claimed message back untried: due as before, the attempt not counted.
    private func giveBack(_ id: UUID, token: UUID) async throws {
        try await store.sql().raw(
            """
            UPDATE outbox SET claim_token = NULL, lease_until = NULL, attempts = attempts - 1
            WHERE id = \(bind: id) AND claim_token = \(bind: token)
            """
        ).run()
    }
}

/// Wakes a waiting worker: a ring while nobody waits is kept for the next wait.
actor Doorbell {
    private var rung = false
    private var waiter: CheckedContinuation<Void, Never>?

    func ring() {
        if let waiter {
            self.waiter = nil
            waiter.resume()
        } else {
            rung = true
        }
    }

    /// Returns at the next ring, after `timeout`, or when the task is cancelled, whichever comes first.
    func wait(atMost timeout: Duration) async {
        if rung {
            rung = false
            return
        }
        let timer = Task { [weak self] in
            // A timer cancelled because a real ring came first must not ring too.
            guard (try? await Task.sleep(for: timeout)) != nil else { return }
            await self?.ring()
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { waiter = $0 }
        } onCancel: {
            Task { await self.ring() }
        }
        timer.cancel()
        rung = false
    }
}

/// A message just claimed.
private struct ClaimedRow: Decodable {
    var id: UUID
    var topic: String
    var payload: String
    var attempts: Int
    var createdAt: Date
}
