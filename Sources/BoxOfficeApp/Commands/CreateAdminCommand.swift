import Accounts
import ArgumentParser
import Foundation

/// `boxoffice create-admin --email … --password-stdin`: makes a platform admin from the shell.
///
/// The password is read from standard input so it never appears in the process list or shell history.
struct CreateAdminCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create-admin",
        abstract: "Create a platform admin, or promote an existing account (its password is replaced)."
    )

    @Option(name: .long, help: "Email address of the admin.")
    var email: String

    @Flag(name: .long, help: "Read the password from standard input (first line).")
    var passwordStdin = false

    func validate() throws {
        guard passwordStdin else {
            throw ValidationError("Pass --password-stdin and write the password to standard input.")
        }
    }

    func run() async throws {
        let config = try CommandStartup.configuration()
        guard let password = readLine(strippingNewline: true), !password.isEmpty else {
            throw ValidationError("No password on standard input.")
        }
        let boxOffice = try await BoxOffice(config: config)
        do {
            try await boxOffice.store.prepareStorage()
            if config.autoMigrate { try await boxOffice.migrationRunner.migrate() }
            let outcome = try await boxOffice.adminBootstrap.makeAdmin(
                email: email, password: password, now: boxOffice.clock.now())
            switch outcome {
            case .created: print("Created admin \(email).")
            case .promoted: print("\(email) is now an admin; its password was replaced.")
            case .adminExists: break
            }
        } catch {
            await boxOffice.store.shutdown()
            throw error
        }
        await boxOffice.store.shutdown()
    }
}
