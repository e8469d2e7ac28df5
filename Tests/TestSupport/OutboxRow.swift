import Foundation
import SQLKit
import Testing

/// An outbox message's delivery state as the table holds it, read by tests of the workers and of the mail they deliver.
public struct OutboxRowState: Decodable, Sendable {
    public var state: String
    public var attempts: Int
    public var availableAt: Date
    public var lastError: String?
}

public func outboxRow(_ id: UUID, on app: TestApp) async throws -> OutboxRowState {
    try #require(
        try await app.store.sql().raw(
            "SELECT state, attempts, available_at, last_error FROM outbox WHERE id = \(bind: id)"
        ).first(decoding: OutboxRowState.self, keyDecodingStrategy: .convertFromSnakeCase))
}
