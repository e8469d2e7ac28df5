import Domain
import FluentKit
import Foundation
import HTTPCore
import HTTPTypes
import HummingbirdTesting
import Outbox
import Persistence
import SQLKit
import Synchronization
import TestSupport
import Testing

/// A handler of test pings that records each delivery and fails while told to.
final class ProbeHandler: OutboxHandler {
    let name = "probe"
    let topics: Set<OutboxTopic> = [.ping]
    let retry: RetryPolicy
    private let state = Mutex<(failuresLeft: Int, delivered: [UUID])>((0, []))

    init(
        retry: RetryPolicy = RetryPolicy(maxAttempts: 3, baseDelay: .seconds(10), maxDelay: .seconds(60)),
        failing: Int = 0
    ) {
        self.retry = retry
        state.withLock { $0.failuresLeft = failing }
    }

    func fail(next count: Int) { state.withLock { $0.failuresLeft = count } }
    var delivered: [UUID] { state.withLock { $0.delivered } }

    func handle(_ message: OutboxDelivery) async throws {
        _ = try message.decode(Ping.self)
        let fails = state.withLock { state -> Bool in
            if state.failuresLeft > 0 {
                state.failuresLeft -= 1
                return true
            }
            state.delivered.append(message.id)
            return false
        }
        if fails { throw ProbeFailure() }
    }
}

/// A handler whose worker is being shut down while it delivers.
struct ShutdownHandler: OutboxHandler {
    let name = "shutdown"
    let topics: Set<OutboxTopic> = [.ping]
    let retry = RetryPolicy.standard

    func handle(_ message: OutboxDelivery) async throws { throw CancellationError() }
}

struct ProbeFailure: Error, CustomStringConvertible {
    var description: String { "the probe's peer is down" }
}

func enqueuePings(_ count: Int, on app: TestApp) async throws -> [UUID] {
    let now = app.clock.now
    let rows = try (0..<count).map { try Outbox.row(Ping(note: "ping \($0)")) }
    try await app.store.transaction { db in try await Outbox.enqueue(rows, now: now, on: db) }
    return rows.map(\.id)
}

@Suite struct OutboxDeliveryTests {
    /// Delivery, retries with backoff on the injected clock, the failed state, and an admin's retry through the API.
    @Test(arguments: TestDatabase.all)
    func retriesBackOffThenFailThenAnAdminRequeues(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let probe = ProbeHandler(failing: 3)
            // Jitter fixed at the middle: each delay is three quarters of the full backoff.
            let worker = OutboxWorker(
                store: app.store, handler: probe, clock: app.clock.appClock, unitRandom: { 0.5 },
                logger: app.boxOffice.logger)
            let id = try #require(try await enqueuePings(1, on: app).first)

            #expect(try await worker.deliverDue() == 1)
            var row = try await outboxRow(id, on: app)
            #expect(row.state == "pending" && row.attempts == 1 && row.lastError == "the probe's peer is down")
            #expect(
                row.availableAt == app.clock.now.addingTimeInterval(7.5), "10 s backoff, half fixed and half jitter")
            #expect(try await worker.deliverDue() == 0, "not due before its backoff")

            app.clock.advance(by: 7.5)
            #expect(try await worker.deliverDue() == 1)
            row = try await outboxRow(id, on: app)
            #expect(
                row.state == "pending" && row.attempts == 2 && row.availableAt == app.clock.now.addingTimeInterval(15),
                "doubled")

            app.clock.advance(by: 15)
            #expect(try await worker.deliverDue() == 1)
            row = try await outboxRow(id, on: app)
            #expect(row.state == "failed" && row.attempts == 3, "the topic's limit of three attempts")
            #expect(probe.delivered.isEmpty)

            let admin = try await app.signInAdmin()
            let member = try await app.signUp("someone@example.org")
            #expect(try await app.client.send(.get, "/api/admin/outbox").status == .unauthorized)
            #expect(try await app.client.send(.get, "/api/admin/outbox", headers: member.bearer).status == .forbidden)
            let failed = try await app.client.send(
                .get, "/api/admin/outbox?state=failed&topic=system.ping", headers: admin.bearer)
            #expect(failed.status == .ok)
            let list = try JSONDecoder().decode(JSONValue.self, from: Data(failed.text.utf8))
            let item = list["items"]?.arrayValue?.first
            #expect(item?["id"]?.stringValue == id.uuidString && item?["attempts"] == .int(3))
            #expect(
                item?["lastError"]?.stringValue == "the probe's peer is down"
                    && item?["payload"]?["note"]?.stringValue == "ping 0")
            #expect(
                try await app.client.send(.get, "/api/admin/outbox?state=lost", headers: admin.bearer).status
                    == .badRequest)

            let retried = try await app.client.send(.post, "/api/admin/outbox/\(id)/retry", headers: admin.bearer)
            #expect(retried.status == .ok)
            #expect(try await outboxRow(id, on: app).state == "pending")
            #expect(
                try await app.client.send(.post, "/api/admin/outbox/\(id)/retry", headers: admin.bearer).status
                    == .conflict)
            #expect(
                try await app.client.send(.post, "/api/admin/outbox/\(UUID())/retry", headers: admin.bearer).status
                    == .notFound)
            #expect(
                try await app.client.send(.post, "/api/admin/outbox/\(id)/retry", headers: member.bearer).status
                    == .forbidden)

            #expect(try await worker.deliverDue() == 1)
            row = try await outboxRow(id, on: app)
            #expect(row.state == "delivered" && row.attempts == 1 && row.lastError == nil)
            #expect(probe.delivered == [id])
            let audit = try await app.client.send(
                .get, "/api/admin/audit-logs?action=outbox.retried", headers: admin.bearer)
            #expect(
                try audit.json()["items"]?.arrayValue?.first?["targetId"]?.stringValue == id.uuidString,
                "the retry is audited")
        }
    }

    /// A worker that dies after claiming leaves its messages leased; once the lease has passed another worker delivers them.
    @Test(arguments: TestDatabase.all)
    func aDeliveryCutShortIsMadeAgainAfterItsLease(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let ids = try await enqueuePings(3, on: app)
            let lease = app.clock.now.addingTimeInterval(120)
            // What a worker's claim leaves behind when its process dies before recording an outcome.
            try await app.store.sql().raw(
                """
                UPDATE outbox SET claim_token = \(bind: UUID()), lease_until = \(bind: lease), attempts = attempts + 1
                WHERE id IN (\(binds: ids))
                """
            ).run()
            let probe = ProbeHandler()
            let worker = OutboxWorker(
                store: app.store, handler: probe, clock: app.clock.appClock, logger: app.boxOffice.logger)
            #expect(try await worker.deliverDue() == 0, "leased to the worker that died")
            app.clock.advance(by: 121)
            #expect(try await worker.deliverDue() == 3)
            #expect(Set(probe.delivered) == Set(ids))
            for id in ids { #expect(try await outboxRow(id, on: app).attempts == 2) }
        }
    }

    /// A worker stopped mid-delivery (a deploy) hands the message back untried: no attempt is spent.
    @Test(arguments: TestDatabase.all)
    func aDeliveryInterruptedByShutdownSpendsNoAttempt(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let id = try #require(try await enqueuePings(1, on: app).first)
            let worker = OutboxWorker(
                store: app.store, handler: ShutdownHandler(), clock: app.clock.appClock, logger: app.boxOffice.logger)
            #expect(try await worker.deliverDue() == 1)
            let row = try await outboxRow(id, on: app)
            #expect(row.state == "pending" && row.attempts == 0 && row.lastError == nil)
            let probe = ProbeHandler()
            let next = OutboxWorker(
                store: app.store, handler: probe, clock: app.clock.appClock, logger: app.boxOffice.logger)
            #expect(try await next.deliverDue() == 1 && probe.delivered == [id], "due at once for the next worker")
        }
    }

    /// Two instances racing for the same messages: each message is delivered exactly once.
    @Test func twoInstancesDeliverEachMessageOnce() async throws {
        guard TestDatabase.all.contains(.postgres) else { return }
        try await withTwoApps(.postgres) { one, two in
            let ids = try await enqueuePings(300, on: one)
            let probe = ProbeHandler()
            let settings = OutboxWorker.Settings(batchSize: 20)
            let workers = [one, two, one, two].map {
                OutboxWorker(
                    store: $0.store, handler: probe, clock: $0.clock.appClock, settings: settings,
                    logger: $0.boxOffice.logger)
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in workers {
                    group.addTask { while try await worker.deliverDue() > 0 {} }
                }
                try await group.waitForAll()
            }
            #expect(probe.delivered.count == ids.count, "no message delivered twice")
            #expect(Set(probe.delivered) == Set(ids), "every message delivered")
            let pending = try await one.store.sql().raw(
                "SELECT COUNT(*) AS n FROM outbox WHERE topic = 'system.ping' AND state <> 'delivered'"
            )
            .first()?.decode(column: "n", as: Int.self)
            #expect(pending == 0)
        }
    }
}
