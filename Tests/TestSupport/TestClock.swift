import Domain
import Foundation
import Synchronization

/// A clock that only moves when a test moves it.
public final class TestClock: Sendable {
    /// The fixed instant every test starts at: 2026-06-01T12:00:00Z.
    public static let t0 = Date(timeIntervalSince1970: 1_780_315_200)

    private let current: Mutex<Date>

    public init(_ start: Date = TestClock.t0) {
        current = Mutex(start)
    }

    public var now: Date { current.withLock { $0 } }

    public func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    public func set(_ instant: Date) {
        current.withLock { $0 = instant }
    }

    public var appClock: AppClock {
        AppClock { [self] in self.now }
    }
}
