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

/// The account a verification link is for.
private struct PendingVerification: Decodable {
    var id: UUID
    var email: String
    var passwordHash: String
}

/// A new account's address is verified by the link mailed at sign-up (a week, once; only the token's hash is kept),
/// with the account's password.
/// Until then the account cannot sign in (refused like a wrong password); a password reset verifies too, since its
/// link came to the address.
extension AuthService {
    /// How long a verification link works: a week.
    public static let verificationLinkSeconds: TimeInterval = 7 * 24 * 3600

    /// Verifies the address of the account the link names, given that account's password: the mailbox alone does not
    /// vouch for a password somebody else chose (a stranger could register the owner's address, wait for the owner to
    /// click, then sign in). A wrong password leaves the link usable; its owner may say "not me" instead, which removes
    /// the account (`MailConsent.refuse`).
    public func verifyEmail(token: String?, password: String?, now: Date, request: RequestMetadata) async throws {
        var problems = FieldProblems()
        problems.require(token?.isEmpty == false, "token", "is required")
        problems.require(password?.isEmpty == false, "password", "is required")
        try problems.throwIfAny()
        let token = token ?? ""
        try await limiter.consume(
            settings.attemptLimit.named("verify-email"), keys: ["ip:\(request.limitKey)"], now: now)
        guard
            let pending = try await store.sql().raw(
                """
                SELECT u.id, u.email, u.password_hash FROM email_verifications v JOIN users u ON u.id = v.user_id
                WHERE v.token_hash = \(bind: OpaqueToken.hash(token)) AND v.used_at IS NULL AND v.expires_at > \(bind: now)
                """
            ).first(row: PendingVerification.self)
        else { throw AccountsError.invalidVerificationToken }
        guard try await hasher.verify(password ?? "", against: pending.passwordHash) else {
            throw AccountsError.verificationPasswordWrong
        }
        try await store.transaction { db in
            let sql = db.sql
            guard
                try await sql.raw(
                    """
                    UPDATE email_verifications SET used_at = \(bind: now)
                    WHERE token_hash = \(bind: OpaqueToken.hash(token)) AND used_at IS NULL AND expires_at > \(bind: now)
                    RETURNING user_id
                    """
                ).first() != nil
            else { throw AccountsError.invalidVerificationToken }
            try await sql.raw(
                """
                UPDATE users SET email_verified_at = \(bind: now), updated_at = \(bind: now)
                WHERE id = \(bind: pending.id) AND email_verified_at IS NULL
                """
            ).run()
            try await MailAddresses.confirm(pending.email, now: now, on: db)
            try await audit.record(
                AuditEntry(
                    actor: .user(pending.id), action: "user.email_verified", targetType: "user",
                    targetID: pending.id.uuidString),
                from: request, at: now, on: db)
        }
    }

    /// A new link for an account whose address is not verified yet. Answers the same for any address, with the same
    /// work: the worker looks the account up and sends nothing for an unknown or verified one.
    public func resendVerification(email raw: String?, now: Date, request: RequestMetadata) async throws {
        var problems = FieldProblems()
        let email = raw.flatMap(EmailAddress.init)
        problems.require(raw != nil, "email", "is required")
        problems.require(raw == nil || email != nil, "email", "is not a valid email address")
        try problems.throwIfAny()
        guard let email else { throw problems }
        try await limiter.consume(
            settings.attemptLimit.named("verify-resend"), keys: ["ip:\(request.limitKey)", "email:\(email.value)"],
            now: now)
        try await store.transaction { db in
            try await Outbox.enqueue(RegistrationMail(email: email.value, created: true), now: now, on: db)
        }
    }
}

/// Delivers `email.registration`: to a new account, the link that verifies its address (its token made at sending,
/// only the hash kept); to an address that already had an account, word that somebody tried to register it, with a
/// link to reset the password in case it was the owner who forgot.
public struct RegistrationMailHandler: MessageHandler {
    public var name: String { "registration-mail" }
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

    public func handle(_ notice: RegistrationMail, delivery _: OutboxDelivery) async throws {
        guard let user = try await UserRecord.query(on: store.database()).filter(\.$email == notice.email).first()
        else { return }
        let now = clock.now()
        let content: MailContent
        if notice.created {
            guard user.emailVerifiedAt == nil else { return }
            let link = try await AccountLink.emailVerification.make(
                for: try user.requireID(), store: store, composer: composer, now: now)
            content = MailContent(
                .emailVerification,
                values: ["name": user.displayName, "days": "\(Int(AccountLink.emailVerification.lifetime / 86400))"],
                link: link)
        } else {
            let link = try await AccountLink.passwordReset.make(
                for: try user.requireID(), store: store, composer: composer, now: now)
            content = MailContent(.registrationExisting, values: ["name": user.displayName], link: link)
        }
        try await composer.send(
            content, to: [MailAddress(user.email, name: user.displayName)], as: .link,
            brand: composer.installationBrand, via: mailer, now: now)
    }
}
