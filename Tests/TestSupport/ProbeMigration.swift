import FluentKit

/// A migration that creates and drops one table, to exercise the migration machinery itself.
public struct ProbeMigration: AsyncMigration {
    public init() {}

    public var name: String { "M9999_CreateProbeTable" }

    public func prepare(on database: any Database) async throws {
        try await database.schema("probe").id().field("label", .string, .required).create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema("probe").delete()
    }
}
