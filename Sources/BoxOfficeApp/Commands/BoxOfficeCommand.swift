public import ArgumentParser
import Foundation

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

    /// A first word that names no command. `serve` is the default command, so the parser alone would take
    /// `boxoffice bogus` for `boxoffice serve bogus` and blame `serve` for an argument it never asked for.
    public struct UnknownCommand: Error, CustomStringConvertible {
        public var word: String
        public var description: String {
            let names = BoxOfficeCommand.commandNames.filter { $0 != "help" }.joined(separator: ", ")
            return "unknown command '\(word)' (the commands: \(names); see 'boxoffice --help')"
        }
    }

    /// The names a first argument may take: every subcommand's, and `help`.
    static var commandNames: [String] {
        configuration.subcommands.flatMap { command in
            [command._commandName] + command.configuration.aliases
        } + ["help"]
    }

    /// Parses the arguments (without the program's name) as `main` does, refusing an unknown first word as such.
    public static func command(_ arguments: [String]) throws -> any ParsableCommand {
        if let unknown = unknownCommand(in: arguments) { throw unknown }
        return try parseAsRoot(arguments)
    }

    /// The unknown command that `arguments` (without the program's name) start with, if they do.
    static func unknownCommand(in arguments: [String]) -> UnknownCommand? {
        guard let first = arguments.first, !first.hasPrefix("-"), !commandNames.contains(first) else { return nil }
        return UnknownCommand(word: first)
    }

    /// The entry point: an unknown command is said as such, with the usage exit status (64, EX_USAGE); everything else
    /// goes to the parser.
    public static func main() async {
        if let unknown = unknownCommand(in: Array(CommandLine.arguments.dropFirst())) {
            FileHandle.standardError.write(Data("boxoffice: \(unknown)\n".utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        await main(nil)
    }
}
