import Logging
import Persistence
import TestSupport
import Testing

@testable import BoxOfficeApp

/// What a start says and in which order it does things: on a fresh database the workers start after the migrations
/// (none of them reads a table not made yet), the migrations are summed up in one line, and the settings a start runs on
/// are said without secrets.
@Suite struct StartupTests {
    @Test func onAFreshDatabaseNoWorkerRunsBeforeTheMigrations() async throws {
        try await withApp(.sqlite, configure: { $0.workers.runWorkers = true }) { app in
            // Every worker's first look at the database comes at once when it starts; give them time to make it.
            try await Task.sleep(for: .seconds(1))
            let logs = app.logs.all
            let tableMissing = logs.filter { entry in
                ([entry.message] + entry.metadata.values).contains { $0.contains("no such table") }
            }
            #expect(tableMissing.isEmpty, "\(tableMissing.prefix(3).map(\.message))")
            let summaries = logs.filter { $0.level == .info && $0.message.hasPrefix("applied ") }
            #expect(summaries.count == 1, "\(summaries.map(\.message))")
            #expect(summaries.first?.message.hasSuffix(" migrations") == true)
            let migratorLines = logs.filter { $0.level >= .info && $0.message.contains("[Migrator]") }
            #expect(migratorLines.isEmpty, "each migration at debug")
        }
    }

    @Test func theSettingsAreSaidWithoutSecrets() async throws {
        try await withApp(.sqlite) { app in
            app.boxOffice.logSetting(listening: "http://127.0.0.1:8080")
            let lines = app.logs.all.filter { $0.level == .info }.map(\.message)
            #expect(lines.contains("listening on http://127.0.0.1:8080"))
            #expect(lines.contains { $0.hasPrefix("database: SQLite file ") })
            #expect(lines.contains { $0.hasPrefix("mail: ") })
            #expect(lines.contains { $0.hasPrefix("payments: ") })
        }
        #expect(
            BoxOffice.withoutSecrets("postgres://boxoffice:hunter2@db.example.org:5432/tickets?sslmode=require")
                == "postgres://db.example.org:5432/tickets")
        #expect(BoxOffice.withoutSecrets("smtp://mailer:p%40ss@mail.example.org") == "smtp://mail.example.org")
    }
}

/// `serve` is the default command, but a first word that names no command is not taken for its argument.
@Suite struct CommandLineTests {
    @Test func anUnknownCommandIsSaidAsSuch() throws {
        #expect {
            _ = try BoxOfficeCommand.command(["bogus"])
        } throws: { error in
            "\(error)".hasPrefix("unknown command 'bogus'") && !"\(error)".contains("serve bogus")
        }
        #expect(BoxOfficeCommand.unknownCommand(in: ["bogus", "--port", "1"])?.word == "bogus")
    }

    @Test func knownCommandsAndTheDefaultStillParse() throws {
        #expect(try BoxOfficeCommand.command([]) is ServeCommand)
        #expect(try BoxOfficeCommand.command(["--port", "9090"]) is ServeCommand)
        #expect(try BoxOfficeCommand.command(["serve", "--port", "9090"]) is ServeCommand)
        #expect(try BoxOfficeCommand.command(["migrate", "--revert"]) is MigrateCommand)
        #expect(try BoxOfficeCommand.command(["work"]) is WorkCommand)
        #expect(BoxOfficeCommand.unknownCommand(in: ["help"]) == nil)
        // A misspelt option is still the parser's to name (it belongs to `serve`).
        #expect(throws: (any Error).self) { _ = try BoxOfficeCommand.command(["--prot", "1"]) }
    }
}
