import Audit
public import Domain
import FluentKit
public import Foundation
public import HTTPCore
import Identity
public import Mail
public import Outbox
public import Persistence
import SQLKit

/// Forgotten passwords: a link mailed to the account's address, good for an hour and once; using it sets a new password
/// and ends every sign-in. Asking answers the same whether or not the address has an account.
extension AuthService {
    /// How long a reset link works.
    public static let resetLinkSeconds: TimeInterval = 3600

    /// Queues the link's mail when the address has an account; nothing else is told apart.
    public func forgotPassword(email raw: String?, now: Date, request: RequestMetadata) async throws {
        var problems = FieldProblems()
        let email = raw.flatMap(EmailAddress.init)
        problems.require(raw != nil, "email", "is required")
        problems.require(raw == nil || email != nil, "email", "is not a valid email address")
        try problems.throwIfAny()
        guard let email else { throw problems }
        try await limiter.consume(
            settings.attemptLimit.named("reset-request"), keys: ["ip:\(request.limitKey)", "email:\(email.value)"],
            now: now)
        // The same work whether or not the address has an account: the worker looks it up (and audits the link it sends).
        try await store.transaction { db in
            try await Outbox.enqueue(PasswordResetRequested(email: email.value), now: now, on: db)
        }
    }

    /// Spends the link's token (once, within the hour), sets the new password, spends the account's other links and
    /// revokes every sign-in.
    public func resetPassword(token: String?, newPassword: String?, now: Date, request: RequestMetadata) async throws {
        var problems = FieldProblems()
        problems.require(token?.isEmpty == false, "token", "is required")
        problems.require(newPassword != nil, "newPassword", "is required")
        if let newPassword, let problem = PasswordRules.problem(with: newPassword) {
            problems.add("newPassword", problem)
        }
        try problems.throwIfAny()
        try await limiter.consume(settings.attemptLimit.named("reset-use"), keys: ["ip:\(request.limitKey)"], now: now)
        let hash = try await hasher.hash(newPassword ?? "")
        try await store.transaction { db in
            let sql = db.sql
            guard
                let row = try await sql.raw(
                    """
                    UPDATE password_resets SET used_at = \(bind: now)
                    WHERE token_hash = \(bind: OpaqueToken.hash(token ?? "")) AND used_at IS NULL AND expires_at > \(bind: now)
                    RETURNING user_id
                    """
                ).first(row: UsedResetRow.self),
                let user = try await UserRecord.find(row.userId, on: db)
            else { throw AccountsError.invalidResetToken }
            let userID = try user.requireID()
            user.passwordHash = hash
            // The link came to the address: it is the owner's, verified or not before.
            if user.emailVerifiedAt == nil { user.emailVerifiedAt = now }
            user.updatedAt = now
            try await user.update(on: db)
            try await MailAddresses.confirm(user.email, now: now, on: db)
            try await sql.raw(
                "UPDATE password_resets SET used_at = \(bind: now) WHERE user_id = \(bind: userID) AND used_at IS NULL"
            ).run()
            try await RefreshTokenRecord.query(on: db).filter(\.$userID == userID).filter(\.$revokedAt == nil)
                .set(\.$revokedAt, to: now).update()
            try await audit.record(
                AuditEntry(
                    actor: .user(userID), action: "auth.password.reset", targetType: "user",
                    targetID: userID.uuidString),
                from: request, at: now, on: db)
        }
    }
}

/// Delivers `email.password_reset`: makes the link's token (only its hash is kept, valid for an hour) and mails the
/// link to the account's address. A retried delivery makes a new link; an unsent one is never usable by anybody.
public struct PasswordResetMail: MessageHandler {
    public var name: String { "password-reset-mail" }
    public var retry: RetryPolicy { .mail }

    let store: DatabaseStore
    let mailer: any Mailer
    let composer: any MailComposing
    let clock: AppClock

    public init(store: DatabaseStore, mailer: any Mailer, composer: any MailComposing, clock: AppClock) {
        self.store = store
        self.mailer = mailer
        self.composer = composer
        self.clock = clock
    }

    public func handle(_ request: PasswordResetRequested, delivery _: OutboxDelivery) async throws {
        // No account has this address: nothing is sent, and the one who asked cannot tell.
        guard let user = try await UserRecord.query(on: store.database()).filter(\.$email == request.email).first()
        else { return }
        let link = try await AccountLink.passwordReset.make(
            for: try user.requireID(), store: store, composer: composer, now: clock.now())
        try await composer.send(
            MailContent(.passwordReset, values: ["name": user.displayName], link: link),
            to: [MailAddress(user.email, name: user.displayName)], as: .link, brand: composer.installationBrand,
            via: mailer, now: clock.now())
    }

}

/// The links mailed to an account's address: a password reset (an hour) and an address's verification (a week). Each
/// token is made at sending and only its SHA-256 kept, in the link's own table; the link is spent by its endpoint.
enum AccountLink {
    case passwordReset
    case emailVerification

    private var table: String {
        switch self {
        case .passwordReset: "password_resets"
        case .emailVerification: "email_verifications"
        }
    }

    private var path: String {
        switch self {
        case .passwordReset: "/account/reset-password"
        case .emailVerification: "/account/verify-email"
        }
    }

    var lifetime: TimeInterval {
        switch self {
        case .passwordReset: AuthService.resetLinkSeconds
        case .emailVerification: AuthService.verificationLinkSeconds
        }
    }

    /// A new link for the account, its token made now.
    func make(for userID: UUID, store: DatabaseStore, composer: any MailComposing, now: Date) async throws -> String {
        let token = OpaqueToken.generate()
        try await store.sql().raw(
            """
            INSERT INTO \(ident: table) (id, user_id, token_hash, created_at, expires_at)
            VALUES (\(bind: UUID.random()), \(bind: userID), \(bind: OpaqueToken.hash(token)), \(bind: now),
              \(bind: now.addingTimeInterval(lifetime)))
            """
        ).run()
        return composer.link("\(path)?token=\(token)")
    }
}

/// The account whose reset link was just used.
private struct UsedResetRow: Decodable {
    var userId: UUID
}
