public import Persistence

/// The change feed as later features see it (live availability, caches, workers): a stream of the changes committed
/// from now on, on every instance. Chosen in the composition root; tests may hand a feature a bus they drive.
public protocol EventBus: Sendable {
    /// The changes announced from now on; the stream ends when its subscriber stops iterating it.
    func subscribe() -> AsyncStream<Change>
}

/// The live bus: the database's change feed (PostgreSQL `LISTEN`/`NOTIFY` through `ChangeFeedListener`, or SQLite's
/// in-process publication after each commit).
public struct DatabaseChangeFeed: EventBus {
    let store: DatabaseStore

    public init(store: DatabaseStore) {
        self.store = store
    }

    public func subscribe() -> AsyncStream<Change> { store.changes.subscribe() }
}
