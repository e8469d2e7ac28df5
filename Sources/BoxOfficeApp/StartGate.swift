import ServiceLifecycle
import Synchronization

/// Opened once the database is ready (storage prepared, migrations applied, the first admin made): the services that
/// read and write it wait for it, so that on a fresh database no worker runs before its tables exist.
final class StartGate: Sendable {
    private enum State {
        case closed([Int: CheckedContinuation<Void, any Error>], next: Int)
        case open
    }

    private let state = Mutex(State.closed([:], next: 0))

    init() {}

    func open() {
        let waiting = state.withLock { state -> [CheckedContinuation<Void, any Error>] in
            guard case .closed(let waiting, _) = state else { return [] }
            state = .open
            return Array(waiting.values)
        }
        for waiter in waiting { waiter.resume() }
    }

    /// Returns once the gate is open; throws `CancellationError` if the task is cancelled first.
    func wait() async throws {
        let ticket = Mutex<Int?>(nil)
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let ready = state.withLock { state -> Bool in
                    guard case .closed(var waiting, let next) = state else { return true }
                    if Task.isCancelled { return false }
                    waiting[next] = continuation
                    state = .closed(waiting, next: next + 1)
                    ticket.withLock { $0 = next }
                    return false
                }
                if ready {
                    continuation.resume()
                } else if ticket.withLock({ $0 }) == nil {
                    continuation.resume(throwing: CancellationError())
                }
            }
        } onCancel: {
            let cancelled = state.withLock { state -> CheckedContinuation<Void, any Error>? in
                guard case .closed(var waiting, let next) = state, let number = ticket.withLock({ $0 }),
                    let continuation = waiting.removeValue(forKey: number)
                else { return nil }
                state = .closed(waiting, next: next)
                return continuation
            }
            cancelled?.resume(throwing: CancellationError())
        }
    }
}

/// A service that starts once `gate` opens. Asked to shut down (or cancelled) before that, it ends without starting.
struct AfterStartGate: Service {
    let gate: StartGate
    let service: any Service

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown { try await gate.wait() }
        } catch is CancellationError {
            return
        }
        try await service.run()
    }
}
