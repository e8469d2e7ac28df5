import ArgumentParser
import Persistence

/// `boxoffice migrate`: applies pending migrations, or reverts the last batch with `--revert`.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply pending database migrations."
    )

    @Flag(name: .long, help: "Revert the most recently applied batch instead.")
    var revert = false

    func run() async throws {
        let config = try CommandStartup.configuration()
        let boxOffice = try await BoxOffice(config: config)
        do {
            try await boxOffice.store.prepareStorage()
            let runner = boxOffice.migrationRunner
            if revert {
                let reverted = try await runner.revertLastBatch()
                print(reverted.isEmpty ? "Nothing to revert." : "Reverted: \(reverted.joined(separator: ", "))")
            } else {
                let applied = try await runner.migrate()
                print(applied.isEmpty ? "Database is up to date." : "Applied: \(applied.joined(separator: ", "))")
            }
        } catch {
            await boxOffice.store.shutdown()
            throw error
        }
        await boxOffice.store.shutdown()
    }
}
