import Domain
import FluentKit
public import Foundation
public import Mail
public import Persistence

/// Makes every message BoxOffice sends: reads the organization's brand (language, layout, reply-to), renders the
/// message's words through the catalog and layout, and addresses it from the installation's sender (`MAIL_FROM`).
/// Built once in the composition root; every mail worker composes through it, so all mail looks and reads alike.
/// Features outside Messaging see it as `MailComposing` (the Mail seam's), which the composition root hands them.
public struct MailComposer: MailComposing {
    let store: DatabaseStore
    public let sender: MailAddress
    /// Where the installation's pages are reached from outside (`PUBLIC_URL`), without a trailing slash.
    public let publicURL: String
    /// The language of mail that belongs to no organization (accounts), and of organizations that chose none.
    public let language: MailLanguage
    /// Who may be mailed what (`MailConsent`): every message is sent through `send`, which asks it.
    public let consent: MailConsent
    let renderer = MailRenderer()

    public init(
        store: DatabaseStore, sender: MailAddress, publicURL: String, language: MailLanguage = .en,
        linksPerHour: Int = 5
    ) {
        self.store = store
        self.sender = sender
        self.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        self.language = language
        self.consent = MailConsent(linksPerHour: linksPerHour, publicURL: publicURL)
    }

    /// The installation's own brand: mail about accounts.
    public var installationBrand: MailBrand { MailBrand(language: language, layout: .installation) }

    public func brand(organizationID: UUID?) async throws -> MailBrand {
        guard let organizationID,
            let organization = try await OrganizationRecord.find(organizationID, on: store.database())
        else { return installationBrand }
        return brand(of: organization)
    }

    public func brand(eventID: UUID) async throws -> MailBrand {
        guard let event = try await EventRecord.find(eventID, on: store.database()) else { return installationBrand }
        return try await brand(organizationID: event.organizationID)
    }

    public func brand(of organization: OrganizationRecord) -> MailBrand {
        MailBrand(
            language: organization.emailLanguage.flatMap(MailLanguage.init(rawValue:)) ?? language,
            layout: MailLayout(
                name: organization.name,
                logoURL: organization.logoKey == nil
                    ? nil : "\(publicURL)/api/organizations/\(organization.id!.uuidString.lowercased())/logo",
                primaryColor: organization.emailPrimaryColor, backgroundColor: organization.emailBackgroundColor,
                footerAddress: organization.emailFooterAddress),
            replyTo: organization.emailReplyTo.flatMap(EmailAddress.init).map {
                MailAddress($0.value, name: organization.name)
            },
            timeZone: organization.emailTimeZone.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "UTC")!)
    }

    public func render(_ content: MailContent, brand: MailBrand) -> RenderedMail {
        renderer.render(content, language: brand.language, layout: brand.layout)
    }

    public func message(
        _ content: MailContent, to recipients: [MailAddress], brand: MailBrand,
        inline: [MailMessage.InlinePart] = [], headers: [(name: String, value: String)] = []
    ) -> MailMessage {
        MailMessage(
            from: sender, to: recipients, replyTo: brand.replyTo, rendered: render(content, brand: brand),
            inline: inline,
            headers: headers)
    }

    /// Sends `content` to each of `recipients` that `MailConsent` admits for a message of `kind` (each copy with its
    /// address's "not me" link); returns how many were sent. The one way any mail leaves BoxOffice.
    @discardableResult
    public func send(
        _ content: MailContent, to recipients: [MailAddress], as kind: MailConsent.Kind, brand: MailBrand,
        via mailer: any Mailer, inline: [MailMessage.InlinePart] = [], headers: [(name: String, value: String)] = [],
        now: Date
    ) async throws -> Int {
        var sent = 0
        for recipient in recipients {
            var copy = content
            guard try await consent.admit(recipient.email, kind, content: &copy, now: now, on: store.database())
            else { continue }
            do {
                try await mailer.send(message(copy, to: [recipient], brand: brand, inline: inline, headers: headers))
            } catch {
                try? await consent.giveBack(recipient.email, on: store.database())
                throw error
            }
            sent += 1
        }
        return sent
    }

    /// An address of the installation's pages: `link("/account")`.
    public func link(_ path: String) -> String { publicURL + path }
}
