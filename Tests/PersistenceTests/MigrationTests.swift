import BoxOfficeApp
import FluentKit
import Persistence
import SQLKit
import TestSupport
import Testing

@Suite struct MigrationTests {
    @Test(arguments: TestDatabase.all)
    func migrateAppliesAndRevertUndoesTheLastBatch(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let runner = MigrationRunner(store: app.store, migrations: SchemaMigrations.all + [ProbeMigration()])
            #expect(try await runner.migrate() == [ProbeMigration().name])
            try await app.store.sql().raw(
                "INSERT INTO probe (id, label) VALUES ('6b0c9c5e-0d0e-4f4e-9a53-6c1f1f3d8b11', 'x')"
            ).run()
            #expect(try await runner.migrate().isEmpty, "a second run applies nothing")

            #expect(try await runner.revertLastBatch() == [ProbeMigration().name])
            await #expect(throws: (any Error).self) {
                try await app.store.sql().raw("SELECT label FROM probe").run()
            }
        }
    }
}
