import Domain
public import FluentKit
import Foundation
import SQLKit

/// The addresses mail goes to (`mail_addresses`), as far as the features that vouch for one need them: an account
/// verified, a password reset followed, a guest's order confirmed. Confirming is a fact each of them writes in its own
/// transaction, so it sits here, below every feature; the rule of who may be mailed what reads it in Messaging
/// (`MailConsent`).
public enum MailAddresses {
    /// `email`'s owner followed a link mailed to it: confirmed from now on (and no longer refusing mail).
    public static func confirm(_ email: String, now: Date, on db: any Database) async throws {
        // A new row gets its "not me" token now, an opaque token like every other (`OpaqueToken.generate`).
        let refusalToken = Base64URL.encode(Data(Randomness.bytes(32)))
        try await db.sql.raw(
            """
            INSERT INTO mail_addresses (email, confirmed_at, links_in_window, refusal_token, created_at)
            VALUES (\(bind: normalized(email)), \(bind: now), 0, \(bind: refusalToken), \(bind: now))
            ON CONFLICT (email) DO UPDATE SET confirmed_at = COALESCE(mail_addresses.confirmed_at, EXCLUDED.confirmed_at),
              refused_at = NULL
            """
        ).run()
    }

    /// Addresses are compared as accounts spell them: trimmed, NFC, lowercased.
    public static func normalized(_ email: String) -> String { EmailAddress(email)?.value ?? email.lowercased() }
}
