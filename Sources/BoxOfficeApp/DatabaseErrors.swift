import AsyncKit
import FluentKit
import HTTPCore

/// What database errors mean to a client. Neither should happen in normal operation: the conditional updates
/// decide every sale before a CHECK constraint could refuse it, and the pool is sized for the load. When they do
/// happen they are a conflict to retry and an overload to wait out, not a server fault.
enum DatabaseErrors {
    static let translate: ErrorTranslator = { error in
        if error is ConnectionPoolTimeoutError { return HTTPFailure.busy(retryAfterSeconds: 1) }
        if let error = error as? any DatabaseError, error.isConstraintFailure {
            return HTTPFailure.conflict("The request met data that changed at the same moment; retry it.")
        }
        return nil
    }
}
