import ArgumentParser
import Foundation
import Logging

/// What every command does first: read the configuration or exit listing what is wrong, then set up logging.
enum CommandStartup {
    /// Exit status for a configuration error (EX_CONFIG in sysexits.h).
    static let configurationExitCode: Int32 = 78

    static func configuration(
        adjust: (inout [String: String]) -> Void = { _ in }
    ) throws -> AppConfig {
        var environment = EnvironmentFile.merged()
        adjust(&environment)
        let config: AppConfig
        do {
            config = try AppConfig.load(from: environment)
        } catch {
            FileHandle.standardError.write(Data("boxoffice: \(error.description)\n".utf8))
            throw ExitCode(configurationExitCode)
        }
        bootstrapLogging(level: config.logLevel)
        return config
    }

    private static func bootstrapLogging(level: Logger.Level) {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
