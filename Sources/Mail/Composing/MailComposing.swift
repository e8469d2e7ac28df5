public import Foundation

/// What a feature needs to write its mail: the brand of the organization it writes for, links to the installation's
/// pages, and the one way a message leaves (past the consent rule, `MailKind`). Messaging's `MailComposer` is the
/// live one, handed in by the composition root, so that features sending mail (orders, payments, accounts) import
/// this seam and not the Messaging feature.
public protocol MailComposing: Sendable {
    /// The installation's own brand: mail about accounts.
    var installationBrand: MailBrand { get }

    /// The organization's brand; the installation's for none (or one that is gone).
    func brand(organizationID: UUID?) async throws -> MailBrand

    /// An address of the installation's pages: `link("/account")`.
    func link(_ path: String) -> String

    /// Sends `content` to each of `recipients` that the consent rule admits for a message of `kind`; returns how
    /// many were sent.
    @discardableResult
    func send(
        _ content: MailContent, to recipients: [MailAddress], as kind: MailKind, brand: MailBrand,
        via mailer: any Mailer, inline: [MailMessage.InlinePart], headers: [(name: String, value: String)],
        now: Date
    ) async throws -> Int
}

extension MailComposing {
    /// `send` with no extra headers (and no inline parts unless given): what features' mail is.
    @discardableResult
    public func send(
        _ content: MailContent, to recipients: [MailAddress], as kind: MailKind, brand: MailBrand,
        via mailer: any Mailer, inline: [MailMessage.InlinePart] = [], now: Date
    ) async throws -> Int {
        try await send(
            content, to: recipients, as: kind, brand: brand, via: mailer, inline: inline, headers: [], now: now)
    }
}
