import Outbox
import Persistence

/// An `EventBus` a test drives: it announces exactly what the test tells it to, and nothing else, so a test can show
/// that a worker or subscriber reacts to the feed (and to nothing but the feed).
public final class DrivenEventBus: EventBus {
    private let broadcaster = ChangeBroadcaster()

    public init() {}

    public func subscribe() -> AsyncStream<Change> { broadcaster.subscribe() }

    public func announce(_ changes: Change...) { broadcaster.publish(changes) }
}
