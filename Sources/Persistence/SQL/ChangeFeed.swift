public import Domain
public import Foundation
import Synchronization

/// One change a committed transaction announces: the topic of an outbox message it wrote and the IDs it is about.
/// A change with no topic means "anything may have changed" (the feed reconnected and may have missed some).
public struct Change: Sendable, Equatable, Codable {
    public var topic: OutboxTopic?
    public var subjects: [UUID]

    public init(topic: OutboxTopic?, subjects: [UUID]) {
        self.topic = topic
        self.subjects = subjects
    }

    public static let anything = Change(topic: nil, subjects: [])
}

/// The changes committed on this database, fanned out to every subscriber in this process. On SQLite the store
/// publishes a transaction's changes right after it commits; on PostgreSQL the change-feed listener publishes what
/// `LISTEN` hears, from this instance and every other.
public final class ChangeBroadcaster: Sendable {
    private let subscribers = Mutex<[UUID: AsyncStream<Change>.Continuation]>([:])

    public init() {}

    /// A stream of the changes published from now on; it ends when the subscriber stops iterating it. A slow
    /// subscriber keeps only the newest thousand.
    public func subscribe() -> AsyncStream<Change> {
        let (stream, continuation) = AsyncStream.makeStream(of: Change.self, bufferingPolicy: .bufferingNewest(1000))
        let id = UUID.random()
        subscribers.withLock { $0[id] = continuation }
        continuation.onTermination = { [weak self] _ in _ = self?.subscribers.withLock { $0.removeValue(forKey: id) } }
        return stream
    }

    public func publish(_ changes: [Change]) {
        guard !changes.isEmpty else { return }
        for subscriber in subscribers.withLock({ Array($0.values) }) {
            for change in changes { subscriber.yield(change) }
        }
    }
}

/// SQLite: the changes a transaction run by `DatabaseStore.transaction` has noted, published once it commits (and
/// dropped if it rolls back). Outside such a transaction nothing is noted: the workers' slow poll finds the rows.
public enum CommittedChanges {
    public static func note(_ changes: [Change]) {
        PendingChanges.current?.note(changes)
    }
}

final class PendingChanges: Sendable {
    @TaskLocal static var current: PendingChanges?
    private let changes = Mutex<[Change]>([])

    func note(_ new: [Change]) { changes.withLock { $0.append(contentsOf: new) } }
    func drain() -> [Change] {
        changes.withLock {
            let all = $0
            $0.removeAll()
            return all
        }
    }
}
