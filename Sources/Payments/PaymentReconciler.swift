public import Domain
import Foundation
public import Logging
import PaymentGateway
public import Persistence
import SQLKit
public import ServiceLifecycle

/// Never loses a paid order. Webhooks can be late, lost or blocked by a firewall, so this worker asks the processor
/// itself: about every card payment not yet final whose order's deadline is within `lead` (before the hold sweeper can
/// expire it), about those of orders that expired or were cancelled in the last day (a late success is then accepted
/// or refunded by `CardPayments.apply`), and about refunds the processor reported pending. Several instances may run
/// it at once: `apply` and the refund record decide on the rows, so a second answer changes nothing.
public struct PaymentReconciler: Service {
    let payments: CardPayments
    let store: DatabaseStore
    let clock: AppClock
    let interval: Duration
    let lead: Duration
    let logger: Logger

    public init(
        payments: CardPayments, store: DatabaseStore, clock: AppClock, interval: Duration = .seconds(30),
        lead: Duration = .seconds(120), logger: Logger
    ) {
        self.payments = payments
        self.store = store
        self.clock = clock
        self.interval = interval
        self.lead = lead
        self.logger = logger
    }

    public func run() async throws {
        guard payments.available else {
            // Nothing to ask without a processor; a service that returns early would stop the whole group.
            try? await gracefulShutdown()
            return
        }
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            if Task.isShuttingDownGracefully || Task.isCancelled { break }
            do {
                try await reconcile()
            } catch {
                logger.warning("payment reconciliation failed", metadata: ["error": "\(error)"])
            }
        }
    }

    /// One round: returns how many payments and refunds the processor was asked about.
    @discardableResult
    public func reconcile() async throws -> Int {
        let now = clock.now()
        let sql = store.sql()
        let soon = now.addingTimeInterval(TimeInterval(lead.components.seconds))
        // First the orders about to expire, soonest first: they are what must not be lost. Then, in turns (each answer
        // moves its payment's `updated_at` to the back of the queue), payments of orders that expired or were
        // cancelled in the last day, which may still succeed and are then accepted or refunded.
        let due = try await sql.raw(
            """
            SELECT p.id, p.provider_ref FROM payments p JOIN orders o ON o.id = p.order_id
            WHERE p.method = 'card' AND p.provider = \(bind: payments.gateway.name) AND p.provider_ref IS NOT NULL
              AND p.status IN ('pending', 'requires_action', 'failed')
              AND o.status = 'pending' AND o.payment_deadline <= \(bind: soon)
            ORDER BY o.payment_deadline LIMIT 200
            """
        ).all(rows: ReferenceRow.self)
        let late = try await sql.raw(
            """
            SELECT p.id, p.provider_ref FROM payments p JOIN orders o ON o.id = p.order_id
            WHERE p.method = 'card' AND p.provider = \(bind: payments.gateway.name) AND p.provider_ref IS NOT NULL
              AND p.status IN ('pending', 'requires_action', 'failed')
              AND o.status IN ('expired', 'cancelled') AND o.updated_at > \(bind: now.addingTimeInterval(-86_400))
            ORDER BY p.updated_at LIMIT 50
            """
        ).all(rows: ReferenceRow.self)
        let rows = due + late
        var asked = 0
        for row in rows {
            let id = row.id
            let reference = row.providerRef
            do {
                let reported = try await payments.gateway.payment(reference)
                asked += 1
                try await payments.apply(id, CardPayments.ProcessorWord(reported), now: clock.now())
            } catch {
                logger.notice(
                    "could not ask the processor about a payment", metadata: ["payment": "\(id)", "error": "\(error)"])
            }
        }
        let refunds = try await sql.raw(
            """
            SELECT id, provider_ref FROM refunds WHERE status = 'pending' AND provider_ref IS NOT NULL
            ORDER BY created_at LIMIT 100
            """
        ).all(rows: ReferenceRow.self)
        for row in refunds {
            let id = row.id
            do {
                let reported = try await payments.gateway.refundStatus(row.providerRef)
                asked += 1
                try await Refunds.record(id, reported, now: clock.now(), store: store)
            } catch {
                logger.notice(
                    "could not ask the processor about a refund", metadata: ["refund": "\(id)", "error": "\(error)"])
            }
        }
        return asked
    }
}

/// A payment or a refund the processor knows by its reference.
private struct ReferenceRow: Decodable {
    var id: UUID
    var providerRef: String
}
