import Domain
public import FluentKit
import Foundation
import Identity
public import Mail
import Persistence
import SQLKit

/// Mail goes only to addresses that asked for it. An address is confirmed when its owner followed a link mailed to it
/// (an account's verification or password reset, a guest's order confirmation, a newsletter's double opt-in); until
/// then it gets only the mail that carries such a link, at most `linksPerHour` an hour. An address whose owner said
/// "not me" (a link in every message's footer) gets nothing more from this installation until it confirms itself again
/// on that page. Every message passes `admit` just before it is sent, whoever wrote it.
public struct MailConsent: Sendable {
    /// What a message is, for the rule above (the Mail seam's, so that features say it without importing Messaging).
    public typealias Kind = MailKind

    /// Confirmation links (and unconfirmed order mail) one address may be sent per hour (`MAIL_LINKS_PER_HOUR`).
    public let linksPerHour: Int
    let publicURL: String

    public init(linksPerHour: Int, publicURL: String) {
        self.linksPerHour = linksPerHour
        self.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
    }

    /// Whether `email` may be sent a message of `kind` now; when it may, `content` gets the address's "not me" link.
    /// An unconfirmed address's allowance is taken by one conditional upsert, so two workers cannot both pass the bound.
    public func admit(_ email: String, _ kind: Kind, content: inout MailContent, now: Date, on db: any Database)
        async throws -> Bool
    {
        let sql = db.sql
        let address = Self.normalized(email)
        let token = OpaqueToken.generate()
        // The row, made on first mail with its "not me" token; an older row keeps its token (rows brought over from
        // before had none: they get one now).
        try await sql.raw(
            """
            INSERT INTO mail_addresses (email, links_in_window, refusal_token, created_at)
            VALUES (\(bind: address), 0, \(bind: token), \(bind: now))
            ON CONFLICT (email) DO UPDATE SET refusal_token = COALESCE(mail_addresses.refusal_token, EXCLUDED.refusal_token)
            """
        ).run()
        guard
            let row = try await sql.raw(
                """
                SELECT confirmed_at, refused_at, refusal_token FROM mail_addresses WHERE email = \(bind: address)
                """
            ).first(row: AddressStateRow.self)
        else { return false }
        if row.refusedAt != nil { return false }
        let confirmed = row.confirmedAt != nil
        let admitted: Bool
        switch kind {
        // Links are bounded whoever the address is: a loop of guest orders under a verified user's address mails them
        // no more than a stranger's.
        case .link: admitted = try await takeLink(address, now: now, on: sql)
        case .vouched: admitted = true
        case .confirmedOnly, .order(confirmationAsked: true): admitted = confirmed
        case .order(confirmationAsked: false):
            admitted = try await confirmed ? true : takeLink(address, now: now, on: sql)
        }
        if admitted, let refusal = row.refusalToken {
            content.notMeLink = "\(publicURL)/mail/not-me?token=\(refusal)"
        }
        return admitted
    }

    /// One of the hour's links for `address`, or false when they are spent.
    private func takeLink(_ address: String, now: Date, on sql: any SQLDatabase) async throws -> Bool {
        let hourAgo = now.addingTimeInterval(-3600)
        let taken = try await sql.raw(
            """
            UPDATE mail_addresses SET
              links_in_window = CASE WHEN links_window_start IS NULL OR links_window_start <= \(bind: hourAgo)
                THEN 1 ELSE links_in_window + 1 END,
              links_window_start = CASE WHEN links_window_start IS NULL OR links_window_start <= \(bind: hourAgo)
                THEN \(bind: now) ELSE links_window_start END
            WHERE email = \(bind: address) AND refused_at IS NULL
              AND (links_window_start IS NULL OR links_window_start <= \(bind: hourAgo)
                OR links_in_window < \(bind: linksPerHour))
            RETURNING email
            """
        ).first()
        return taken != nil
    }

    /// A message admitted for `email` could not be sent (the transport refused it for now): its link is given back, so
    /// the outbox's retries do not spend the hour's allowance.
    public func giveBack(_ email: String, on db: any Database) async throws {
        try await db.sql.raw(
            """
            UPDATE mail_addresses SET links_in_window = links_in_window - 1
            WHERE email = \(bind: Self.normalized(email)) AND links_in_window > 0
            """
        ).run()
    }

    /// `email`'s owner followed a link mailed to it: confirmed from now on (and no longer refusing mail). Features
    /// outside Messaging write it with `MailAddresses.confirm` (Persistence's) directly.
    public static func confirm(_ email: String, now: Date, on db: any Database) async throws {
        try await MailAddresses.confirm(email, now: now, on: db)
    }

    /// The address behind a "not me" link, and whether it refuses mail now.
    public static func address(refusalToken token: String, on db: any Database) async throws
        -> (email: String, refused: Bool)?
    {
        guard !token.isEmpty,
            let row = try await db.sql.raw(
                "SELECT email, refused_at FROM mail_addresses WHERE refusal_token = \(bind: token)"
            ).first(row: RefusalRow.self)
        else { return nil }
        return (row.email, row.refusedAt != nil)
    }

    /// "Not me": the address gets no more mail from this installation (until it is taken back), and an
    /// account registered with it that was never verified is removed, since its owner never made it.
    public static func refuse(refusalToken token: String, now: Date, on db: any Database) async throws -> Bool {
        let sql = db.sql
        guard
            let row = try await sql.raw(
                """
                UPDATE mail_addresses SET refused_at = \(bind: now)
                WHERE refusal_token = \(bind: token) RETURNING email
                """
            ).first(row: EmailRow.self)
        else { return false }
        try await sql.raw("DELETE FROM users WHERE email = \(bind: row.email) AND email_verified_at IS NULL").run()
        return true
    }

    /// Undoing "not me" on the same page: mail may come again (the address is not confirmed by it).
    public static func withdrawRefusal(refusalToken token: String, on db: any Database) async throws {
        try await db.sql.raw(
            "UPDATE mail_addresses SET refused_at = NULL WHERE refusal_token = \(bind: token)"
        ).run()
    }

    /// The confirmed ones among `emails`.
    public static func confirmed(_ emails: [String], on db: any Database) async throws -> Set<String> {
        guard !emails.isEmpty else { return [] }
        let rows = try await db.sql.raw(
            """
            SELECT email FROM mail_addresses WHERE email IN (\(binds: emails.map(normalized)))
              AND confirmed_at IS NOT NULL AND refused_at IS NULL
            """
        ).all(rows: EmailRow.self)
        return Set(rows.map(\.email))
    }

    /// Addresses are compared as accounts spell them (`MailAddresses.normalized`).
    static func normalized(_ email: String) -> String { MailAddresses.normalized(email) }
}

/// Where an address stands: confirmed, refusing, and its "not me" token.
private struct AddressStateRow: Decodable {
    var confirmedAt: Date?
    var refusedAt: Date?
    var refusalToken: String?
}

/// The address behind a "not me" token, and whether it refuses mail.
private struct RefusalRow: Decodable {
    var email: String
    var refusedAt: Date?
}

private struct EmailRow: Decodable {
    var email: String
}
