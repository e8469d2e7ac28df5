import Domain
package import Logging

/// Gathers the items that arrive while a batch is being written into the next batch (group commit): the first item
/// after a quiet moment is written at once, alone; under a rush each batch takes everything that queued behind the one
/// before, up to `limit`, in one transaction and one commit. No timer, so nobody waits for company. One batch at a time:
/// batches touch the same hot rows, so a second one would only wait on the first one's locks. A batch that fails is not
/// the fault of every item in it: each is then written alone, and only its own failure reaches it.
///
/// The purchases of a sale (`PurchaseBatcher`) and the card processor's answers (`CardPayments`) are written this way.
package actor GroupCommit<Item: Sendable, Outcome: Sendable> {
    /// Writes a batch; answers each item's outcome, in the items' order.
    package typealias Batch = @Sendable ([Item]) async throws -> [Outcome]
    /// Writes one item of a batch that failed.
    package typealias Alone = @Sendable (Item) async throws -> Outcome

    private let limit: Int
    private let logger: Logger
    private var waiting: [Entry] = []
    private var draining = false

    private struct Entry {
        var item: Item
        var batch: Batch
        var alone: Alone?
        var reply: CheckedContinuation<Outcome, any Error>
    }

    package init(limit: Int, logger: Logger) {
        self.limit = limit
        self.logger = logger
    }

    /// Writes `item` in the next batch, with the `batch` of the batch's first item; returns its outcome once written.
    /// - Parameter alone: how the item is written when its batch failed; nil: as a batch of its own, so that an item
    ///   that failed alone already is not written again.
    package func submit(_ item: Item, batch: @escaping Batch, alone: Alone? = nil) async throws -> Outcome {
        try await withCheckedThrowingContinuation { reply in
            waiting.append(Entry(item: item, batch: batch, alone: alone, reply: reply))
            if !draining {
                draining = true
                // The batch is written with the source of randomness of the request that started it.
                let source = Randomness.source
                Task { await Randomness.$source.withValue(source) { await drain() } }
            }
        }
    }

    private func drain() async {
        while !waiting.isEmpty {
            let entries = Array(waiting.prefix(limit))
            waiting.removeFirst(entries.count)
            do {
                let outcomes = try await entries[0].batch(entries.map(\.item))
                for (entry, outcome) in zip(entries, outcomes) { entry.reply.resume(returning: outcome) }
            } catch {
                if entries.count == 1, entries[0].alone == nil {
                    entries[0].reply.resume(throwing: error)
                    continue
                }
                if entries.count > 1 {
                    logger.warning(
                        "batch failed; writing its items one by one",
                        metadata: ["items": "\(entries.count)", "error": "\(error)"])
                }
                for entry in entries {
                    do {
                        let outcome =
                            if let alone = entry.alone { try await alone(entry.item) } else {
                                try await entry.batch([entry.item])[0]
                            }
                        entry.reply.resume(returning: outcome)
                    } catch {
                        entry.reply.resume(throwing: error)
                    }
                }
            }
        }
        draining = false
    }
}
