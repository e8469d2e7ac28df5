import Domain
import Foundation
import Logging

/// Gathers the items that arrive while a batch is being written into the next batch, as `PurchaseBatcher` does for
/// purchases: the first item after a quiet moment goes at once, alone; under a rush each batch takes what queued behind
/// the one before, up to `limit`, in one transaction and one commit. No timer, so nobody waits for company. A batch
/// that fails is not the fault of every item in it: each is then tried alone, and only its own failure reaches it.
actor GroupCommit<Item: Sendable> {
    typealias Batch = @Sendable ([Item]) async throws -> Void
    typealias Alone = @Sendable (Item) async throws -> Void

    private let limit: Int
    private let logger: Logger
    private var waiting: [(item: Item, batch: Batch, alone: Alone, reply: CheckedContinuation<Void, any Error>)] = []
    private var draining = false

    init(limit: Int, logger: Logger) {
        self.limit = limit
        self.logger = logger
    }

    /// Runs `item` in the next batch (with `batch`, or with `alone` when the batch fails); returns when it is written.
    func submit(_ item: Item, batch: @escaping Batch, alone: @escaping Alone) async throws {
        try await withCheckedThrowingContinuation { reply in
            waiting.append((item, batch, alone, reply))
            if !draining {
                draining = true
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
                try await entries[0].batch(entries.map(\.item))
                for entry in entries { entry.reply.resume() }
            } catch {
                if entries.count > 1 {
                    logger.notice(
                        "batch failed; writing its items one by one",
                        metadata: ["items": "\(entries.count)", "error": "\(error)"])
                }
                for entry in entries {
                    do {
                        try await entry.alone(entry.item)
                        entry.reply.resume()
                    } catch {
                        entry.reply.resume(throwing: error)
                    }
                }
            }
        }
        draining = false
    }
}
