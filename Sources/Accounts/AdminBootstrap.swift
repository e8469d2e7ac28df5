import Audit
import Domain
public import FluentKit
import Foundation
import HTTPCore
public import Persistence

/// Makes platform admins outside the API: the first one at start-up, or any from the shell.
public struct AdminBootstrap: Sendable {
    public enum Outcome: Sendable, Equatable {
        case created(UUID)
        case promoted(UUID)
        /// An admin already exists; nothing was changed.
        case adminExists
    }

    let store: DatabaseStore
    let hasher: PasswordHasher
    let audit = AuditTrail()

    public init(store: DatabaseStore, hasher: PasswordHasher) {
        self.store = store
        self.hasher = hasher
    }

    /// Creates the first admin from `DEFAULT_ADMIN_EMAIL`/`DEFAULT_ADMIN_PASSWORD` unless one exists.
    /// An existing account with that email is promoted and keeps its password.
    public func ensureFirstAdmin(email: String, password: String, now: Date) async throws -> Outcome {
        let db = store.database()
        if try await UserRecord.query(on: db).filter(\.$role == PlatformRole.admin.rawValue).first() != nil {
            return .adminExists
        }
        return try await makeAdmin(email: email, password: password, resetPassword: false, now: now)
    }

    /// Creates an admin, or promotes the account with that email and sets its password.
    public func makeAdmin(email rawEmail: String, password: String, resetPassword: Bool = true, now: Date) async throws
        -> Outcome
    {
        var problems = FieldProblems()
        let email = EmailAddress(rawEmail)
        problems.require(email != nil, "email", "is not a valid email address")
        if let problem = PasswordRules.problem(with: password) { problems.add("password", problem) }
        try problems.throwIfAny()
        guard let email else { throw problems }
        let hash = try await hasher.hash(password)
        return try await store.transaction { db in
            let outcome: Outcome
            if let user = try await UserRecord.query(on: db).filter(\.$email == email.value).first() {
                user.role = PlatformRole.admin.rawValue
                // Named by the operator: the address needs no mailed proof. An account never verified may have been
                // registered by anybody, with a password of their choosing: the operator's password replaces it.
                if resetPassword || user.emailVerifiedAt == nil { user.passwordHash = hash }
                if user.emailVerifiedAt == nil { user.emailVerifiedAt = now }
                user.updatedAt = now
                try await user.update(on: db)
                try await MailAddresses.confirm(user.email, now: now, on: db)
                outcome = .promoted(try user.requireID())
            } else {
                let name = String(email.value.prefix { $0 != "@" })
                let user = UserRecord(
                    email: email.value, displayName: name, passwordHash: hash, role: PlatformRole.admin.rawValue,
                    now: now)
                user.emailVerifiedAt = now
                try await user.create(on: db)
                try await MailAddresses.confirm(user.email, now: now, on: db)
                outcome = .created(try user.requireID())
            }
            let id: UUID =
                switch outcome {
                case .created(let id), .promoted(let id): id
                case .adminExists: UUID.random()
                }
            try await audit.record(
                AuditEntry(
                    actor: .system, action: "user.admin_granted", targetType: "user", targetID: id.uuidString,
                    details: ["email": .string(email.value)]),
                from: .system, at: now, on: db)
            return outcome
        }
    }
}
