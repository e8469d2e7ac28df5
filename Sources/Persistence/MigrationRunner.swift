public import FluentKit

/// Applies and reverts the ordered migration list, in batches as Fluent records them.
public struct MigrationRunner: Sendable {
    let store: DatabaseStore
    let migrations: [any Migration]

    public init(store: DatabaseStore, migrations: [any Migration] = SchemaMigrations.all) {
        self.store = store
        self.migrations = migrations
    }

    /// Applies every pending migration as one batch; returns their names.
    @discardableResult
    public func migrate() async throws -> [String] {
        let migrator = store.migrator(migrations)
        try await migrator.setupIfNeeded().get()
        let pending = try await migrator.previewPrepareBatch().get().map { $0.0.name }
        if !pending.isEmpty {
            try await migrator.prepareBatch().get()
        }
        return pending
    }

    /// Reverts the most recent batch; returns the names reverted, newest first.
    @discardableResult
    public func revertLastBatch() async throws -> [String] {
        let migrator = store.migrator(migrations)
        try await migrator.setupIfNeeded().get()
        let reverting = try await migrator.previewRevertLastBatch().get().map { $0.0.name }
        if !reverting.isEmpty {
            try await migrator.revertLastBatch().get()
        }
        return reverting
    }

    /// Names of migrations not yet applied.
    public func pending() async throws -> [String] {
        let migrator = store.migrator(migrations)
        try await migrator.setupIfNeeded().get()
        return try await migrator.previewPrepareBatch().get().map { $0.0.name }
    }
}
