public import Foundation

/// The one source of "now" for business logic.
///
/// Logic takes `now` as a parameter; only the edges (routes, workers, commands) ask a clock for it,
/// so expiry and deadlines are tested by moving a test clock instead of sleeping.
public struct AppClock: Sendable {
    private let read: @Sendable () -> Date

    public init(_ read: @escaping @Sendable () -> Date) {
        self.read = read
    }

    public func now() -> Date { read() }

    /// The wall clock, for production.
    public static let system = AppClock { Date() }

    /// A clock stopped at one instant.
    public static func fixed(_ instant: Date) -> AppClock { AppClock { instant } }
}
