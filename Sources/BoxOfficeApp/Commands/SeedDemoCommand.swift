import Accounts
import ArgumentParser
import Catalog
import Domain
import FluentKit
import Foundation
import HTTPCore
import Identity
import Messaging
import Persistence

/// `boxoffice seed-demo`: an organization, its owner, a venue and a published three-session workshop.
struct SeedDemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed-demo",
        abstract: "Create a demo organization with a published three-session workshop to try the API."
    )

    @Option(name: .long, help: "Email of the demo organization's owner.")
    var ownerEmail = "demo-owner@example.org"

    @Option(name: .long, help: "Password of the demo owner (default: a random one, printed).")
    var ownerPassword: String?

    func run() async throws {
        let config = try CommandStartup.configuration()
        let boxOffice = try await BoxOffice(config: config)
        do {
            try await boxOffice.store.prepareStorage()
            if config.autoMigrate { try await boxOffice.migrationRunner.migrate() }
            try await seed(boxOffice)
        } catch {
            await boxOffice.store.shutdown()
            throw error
        }
        await boxOffice.store.shutdown()
    }

    private func seed(_ boxOffice: BoxOffice) async throws {
        let now = boxOffice.clock.now()
        let db = boxOffice.store.database()
        guard EmailAddress(ownerEmail) != nil else {
            throw ValidationError("--owner-email is not a valid email address")
        }
        if try await UserRecord.query(on: db).filter(\.$email == ownerEmail.lowercased()).first() != nil {
            throw ValidationError("\(ownerEmail) already exists; pass another --owner-email to seed a second demo.")
        }
        let password = ownerPassword ?? OpaqueToken.generate().prefix(16).description
        if let problem = PasswordRules.problem(with: password) { throw ValidationError("--owner-password \(problem)") }
        let owner = UserRecord(
            email: ownerEmail.lowercased(), displayName: "Demo Owner",
            passwordHash: try await boxOffice.hasher.hash(password),
            role: PlatformRole.member.rawValue, now: now)
        // Made by the operator on the command line: the address needs no mailed proof.
        owner.emailVerifiedAt = now
        try await owner.create(on: db)
        try await MailConsent.confirm(owner.email, now: now, on: db)
        let principal = Principal.user(UserIdentity(id: owner.id!, role: .member))
        let organization = try await OrganizationService(store: boxOffice.store).create(
            name: "Demo Rope Studio", slug: nil, by: principal, now: now, request: .system)
        let eventID = try await DemoCatalog.createWorkshop(
            organizationID: try WireValue.uuid(organization.organizationId, field: "organizationId"), by: principal,
            now: now, store: boxOffice.store,
            settings: .init(
                defaultCurrency: boxOffice.config.catalog.defaultCurrency,
                maximumSessionCapacity: boxOffice.config.catalog.maximumSessionCapacity))
        print(
            """
            Demo ready.
              owner:        \(ownerEmail) / \(password)
              organization: \(organization.name) (\(organization.slug), \(organization.id))
              event:        \(eventID)
            Try: curl http://\(boxOffice.config.host):\(boxOffice.config.port)/api/events/\(eventID)/availability
            """)
    }
}
