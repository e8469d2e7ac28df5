public import ArgumentParser

/// `boxoffice`: the one binary that serves, migrates and inspects.
public struct BoxOfficeCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "boxoffice",
        abstract: "BoxOffice: self-hosted event ticketing.",
        version: BoxOffice.version,
        subcommands: [
            ServeCommand.self, WorkCommand.self, MigrateCommand.self, RoutesCommand.self, CreateAdminCommand.self,
            SeedDemoCommand.self,
        ],
        defaultSubcommand: ServeCommand.self
    )

    public init() {}
}
