import Domain
import Foundation
import Logging
import Persistence

/// Gathers the purchases that arrive while a batch is being written into the next batch (group commit): the first
/// purchase after a quiet moment is written at once, alone; under a rush each batch takes everything that queued
/// behind the one before, up to `limit`. No timer, so nobody waits for company. One batch at a time per instance:
/// batches touch the same hot rows, so a second one would only wait on the first one's locks. Several instances each
/// run their own, and the row locks order them. On SQLite the batch's transaction holds the single connection while it
/// writes, and the purchases that queue meanwhile form the next batch in the same way.
actor PurchaseBatcher {
    private let store: DatabaseStore
    private let methods: PaymentMethods
    private let settings: SaleSettings
    private let logger: Logger
    /// The statement binds one array per column, so its size does not limit a batch; this bound keeps one batch's
    /// statement to a few tens of milliseconds, so the purchases queued behind it are not kept waiting long.
    private let limit = 200
    private var waiting:
        [(purchase: PurchaseBatch.Purchase, reply: CheckedContinuation<PurchaseBatch.Outcome, any Error>)] = []
    private var draining = false

    init(store: DatabaseStore, methods: PaymentMethods, settings: SaleSettings, logger: Logger) {
        self.settings = settings
        self.store = store
        self.methods = methods
        self.logger = logger
    }

    func submit(_ purchase: PurchaseBatch.Purchase) async throws -> PurchaseBatch.Outcome {
        try await withCheckedThrowingContinuation { reply in
            waiting.append((purchase, reply))
            if !draining {
                draining = true
                // The batch is decided with the source of randomness of the request that started it.
                let source = Randomness.source
                Task { await Randomness.$source.withValue(source) { await drain() } }
            }
        }
    }

    private func drain() async {
        while !waiting.isEmpty {
            let batch = Array(waiting.prefix(limit))
            waiting.removeFirst(batch.count)
            do {
                let outcomes = try await PurchaseBatch.run(
                    batch.map(\.purchase), methods: methods, settings: settings, store: store)
                for (entry, outcome) in zip(batch, outcomes) { entry.reply.resume(returning: outcome) }
            } catch {
                if batch.count == 1 {
                    batch[0].reply.resume(throwing: error)
                } else {
                    // One purchase's bad row must not fail the others: each is decided again, in a batch of its own.
                    logger.warning(
                        "purchase batch failed; deciding its purchases one by one",
                        metadata: ["purchases": "\(batch.count)", "error": "\(error)"])
                    for entry in batch {
                        do {
                            entry.reply.resume(
                                returning: try await PurchaseBatch.run(
                                    [entry.purchase], methods: methods, settings: settings, store: store)[0])
                        } catch {
                            entry.reply.resume(throwing: error)
                        }
                    }
                }
            }
        }
        draining = false
    }
}
