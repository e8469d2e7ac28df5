import Domain
import Foundation
import Logging
import Persistence

/// Gathers the purchases that arrive while a batch is being written into the next batch (`GroupCommit`), one batch at a
/// time per instance. Several instances each run their own, and the row locks order them. On SQLite the batch's
/// transaction holds the single connection while it writes, and the purchases that queue meanwhile form the next batch
/// in the same way. A batch that fails decides each of its purchases again, in a batch of its own.
struct PurchaseBatcher: Sendable {
    private let store: DatabaseStore
    private let methods: PaymentMethods
    private let settings: SaleSettings
    /// The statement binds one array per column, so its size does not limit a batch; this bound keeps one batch's
    /// statement to a few tens of milliseconds, so the purchases queued behind it are not kept waiting long.
    private let batches: GroupCommit<PurchaseBatch.Purchase, PurchaseBatch.Outcome>

    init(store: DatabaseStore, methods: PaymentMethods, settings: SaleSettings, logger: Logger) {
        self.settings = settings
        self.store = store
        self.methods = methods
        self.batches = GroupCommit(limit: 200, logger: logger)
    }

    func submit(_ purchase: PurchaseBatch.Purchase) async throws -> PurchaseBatch.Outcome {
        try await batches.submit(purchase) { [methods, settings, store] purchases in
            try await PurchaseBatch.run(purchases, methods: methods, settings: settings, store: store)
        }
    }
}
