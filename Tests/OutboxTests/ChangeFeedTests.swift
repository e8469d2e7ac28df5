import Domain
import FluentKit
import Foundation
import Outbox
import Persistence
import SQLKit
import Synchronization
import TestSupport
import Testing

/// Waits for the first change that satisfies `matching`, at most `timeout`; returns when it came, or nil.
func firstChange(
    _ changes: AsyncStream<Change>, within timeout: Duration, matching: @escaping @Sendable (Change) -> Bool
) async -> ContinuousClock.Instant? {
    await withTaskGroup(of: ContinuousClock.Instant?.self) { group in
        group.addTask {
            for await change in changes where matching(change) { return ContinuousClock.now }
            return nil
        }
        group.addTask {
            try? await Task.sleep(for: timeout)
            return nil
        }
        let first = await group.next() ?? nil
        group.cancelAll()
        return first
    }
}

/// On PostgreSQL the listener connects when the app starts: pings written through `writer` until `listener` hears one.
func waitUntilListening(_ listener: TestApp, through writer: TestApp) async throws {
    guard listener.database == .postgres else { return }
    for _ in 0..<50 {
        let changes = listener.store.changes.subscribe()
        let row = try Outbox.row(Ping(note: "is anyone listening?"))
        async let heard = firstChange(changes, within: .milliseconds(200), matching: { $0.topic == .ping })
        try await writer.store.transaction { db in try await Outbox.enqueue([row], now: writer.clock.now, on: db) }
        if await heard != nil { return }
    }
    Issue.record("the change-feed listener never connected")
}

@Suite struct ChangeFeedTests {
    /// A message written through instance A wakes a subscriber on instance B, pushed by the feed (no poll is running).
    /// How fast is a benchmark's question (docs/benchmarks.md), not a test's: the deadline here only bounds the wait.
    @Test func aChangeCommittedThroughOneInstanceReachesTheOtherAtOnce() async throws {
        guard TestDatabase.all.contains(.postgres) else { return }
        try await withTwoApps(.postgres) { one, two in
            try await waitUntilListening(two, through: one)
            for round in 1...3 {
                let changes = two.store.changes.subscribe()
                let note = "round \(round)"
                let row = try Outbox.row(Ping(note: note))
                async let arrival = firstChange(changes, within: .seconds(30), matching: { $0.topic == .ping })
                try await one.store.transaction { db in try await Outbox.enqueue([row], now: one.clock.now, on: db) }
                _ = try #require(await arrival, "B heard of A's commit (\(note))")
            }
        }
    }

    /// A rolled-back transaction announces nothing; a committed one announces its topics and subjects, on both databases.
    @Test(arguments: TestDatabase.all)
    func onlyCommittedChangesAreAnnounced(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            try await waitUntilListening(app, through: app)
            let changes = app.store.changes.subscribe()
            let eventID = UUID()
            struct Abandon: Error {}
            await #expect(throws: Abandon.self) {
                try await app.store.transaction { db in
                    try await Outbox.enqueue(AvailabilityChanged(eventId: eventID), now: app.clock.now, on: db)
                    throw Abandon()
                }
            }
            try await app.store.transaction { db in
                try await Outbox.enqueue(Ping(note: "after the rollback"), now: app.clock.now, on: db)
            }
            // The stream is ordered: the ping arrives, and the rolled-back change never came before it.
            let seen = Mutex<[Change]>([])
            _ = await firstChange(
                changes, within: .seconds(5),
                matching: { change in
                    seen.withLock { $0.append(change) }
                    return change.topic == .ping
                })
            let all = seen.withLock { $0 }
            #expect(all.contains { $0.topic == .ping })
            #expect(!all.contains { $0.subjects.contains(eventID) }, "nothing of the rolled-back transaction")
        }
    }

    /// Workers wake on the feed instead of polling: with an hour between polls, a new message is delivered at once.
    @Test(arguments: TestDatabase.all)
    func aWorkerWakesOnTheFeed(_ database: TestDatabase) async throws {
        try await withApp(database, configure: { $0.workers.outboxPollSeconds = 3600 }) { app in
            let probe = ProbeHandler()
            let worker = OutboxWorker(
                store: app.store, handler: probe, clock: app.clock.appClock,
                settings: .init(pollInterval: .seconds(3600)), logger: app.boxOffice.logger)
            try await waitUntilListening(app, through: app)
            let running = Task { try await worker.run() }
            defer { running.cancel() }
            try await Task.sleep(for: .milliseconds(200))  // the worker's first look finds nothing and it waits
            let ids = try await enqueuePings(2, on: app)
            var waited = Duration.zero
            // (On PostgreSQL the warm-up pings are delivered too.)
            while !Set(ids).isSubset(of: probe.delivered), waited < .seconds(5) {
                try await Task.sleep(for: .milliseconds(20))
                waited += .milliseconds(20)
            }
            #expect(Set(ids).isSubset(of: probe.delivered), "delivered after \(waited), not after the hour's poll")
        }
    }
}

/// The bus is a seam: a worker wakes on whatever bus it is given, and on nothing else.
@Suite struct EventBusSeamTests {
    @Test func aWorkerWakesOnTheBusItIsGiven() async throws {
        try await withApp(.sqlite) { app in
            let bus = DrivenEventBus()
            let probe = ProbeHandler()
            let worker = OutboxWorker(
                store: app.store, bus: bus, handler: probe, clock: app.clock.appClock,
                settings: .init(pollInterval: .seconds(3600)),
                logger: app.boxOffice.logger)
            // A message waiting at the start: its delivery shows the worker's first pass is over (however late a busy
            // machine starts the worker), and it then sleeps until woken.
            let first = try Outbox.row(Ping(note: "before the worker starts"))
            try await Outbox.enqueue([first], now: app.clock.now, on: app.store.database())
            let running = Task { try await worker.run() }
            defer { running.cancel() }
            #expect(await eventually { probe.delivered == [first.id] })
            // Written outside a store transaction: the database's own feed says nothing, so only the bus can wake it.
            let row = try Outbox.row(Ping(note: "through the driven bus"))
            try await Outbox.enqueue([row], now: app.clock.now, on: app.store.database())
            try await Task.sleep(for: .milliseconds(300))
            #expect(probe.delivered == [first.id], "nothing woke the worker yet")
            bus.announce(Change(topic: .ping, subjects: []))
            var waited = Duration.zero
            while probe.delivered.count < 2, waited < .seconds(5) {
                try await Task.sleep(for: .milliseconds(20))
                waited += .milliseconds(20)
            }
            #expect(probe.delivered == [first.id, row.id], "woken by the bus after \(waited)")
        }
    }
}
