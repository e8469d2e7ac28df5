import Audit
import Domain
import FluentKit
import Foundation
import HTTPCore
public import Hummingbird
import Identity
import Mail
import Persistence
import WireTypes

/// An organization's mail: its language, reply-to address, colours, footer address and time zone (its name and logo are the
/// organization's own).
public struct EmailSettingsDTO: Codable, Sendable, Equatable, ResponseEncodable {
    public var language: String
    public var replyTo: String?
    public var primaryColor: String
    public var backgroundColor: String
    public var footerAddress: String?
    /// The IANA time zone its mail shows times in (`Europe/Berlin`); `UTC` unless set.
    public var timeZone: String
    /// The logo shown at the top of its mail: the organization's (`PUT /api/organizations/{id}/logo`).
    public var logoUrl: String?
}

/// `PUT /api/organizations/{id}/email-settings`: the whole setting; an absent or null field takes its default.
/// Reads and sets an organization's mail settings (owners set them, members read them).
struct EmailSettingsService: Sendable {
    let store: DatabaseStore
    let composer: MailComposer
    let authorizer = Authorizer()
    let audit = AuditTrail()

    func get(_ organizationID: UUID, by principal: Principal) async throws -> EmailSettingsDTO {
        let db = store.database()
        guard let organization = try await OrganizationRecord.find(organizationID, on: db) else {
            throw MessagingError.organizationNotFound
        }
        try await authorizer.require(.organizationRead, on: .organization(organizationID), by: principal, database: db)
        return dto(organization)
    }

    func set(
        _ organizationID: UUID, _ body: Components.Schemas.EmailSettingsRequest, by principal: Principal, now: Date,
        request: RequestMetadata
    ) async throws -> EmailSettingsDTO {
        let db = store.database()
        guard try await OrganizationRecord.find(organizationID, on: db) != nil else {
            throw MessagingError.organizationNotFound
        }
        try await authorizer.require(
            .organizationUpdate, on: .organization(organizationID), by: principal, database: db)
        // The document states each field's form (a language it lists, colours, lengths, text without markup); left are
        // an address as the domain reads one and a time zone this server's database of zones knows.
        var problems = FieldProblems()
        let replyTo = body.replyTo.flatMap(EmailAddress.init)
        problems.require(body.replyTo == nil || replyTo != nil, "replyTo", "is not a valid email address")
        if let zone = body.timeZone {
            problems.require(
                zone.contains("/") || zone == "UTC", "timeZone",
                "must be an IANA time zone such as Europe/Berlin, or UTC")
            problems.require(TimeZone(identifier: zone) != nil, "timeZone", "is not a time zone this server knows")
        }
        let footer = body.footerAddress?.trimmingCharacters(in: .whitespacesAndNewlines)
        guard problems.isEmpty else { throw HTTPFailure.unprocessable(problems) }
        return try await store.transaction { db in
            guard let organization = try await OrganizationRecord.find(organizationID, on: db) else {
                throw MessagingError.organizationNotFound
            }
            organization.emailLanguage = body.language?.rawValue
            organization.emailReplyTo = replyTo?.value
            organization.emailPrimaryColor = body.primaryColor?.lowercased()
            organization.emailBackgroundColor = body.backgroundColor?.lowercased()
            organization.emailFooterAddress = footer?.isEmpty == true ? nil : footer
            organization.emailTimeZone = body.timeZone
            organization.updatedAt = now
            try await organization.update(on: db)
            try await audit.record(
                AuditEntry(
                    actor: AuditActor(principal), action: "organization.email_settings.updated",
                    targetType: "organization", targetID: organizationID.uuidString, organizationID: organizationID),
                from: request, at: now, on: db)
            return dto(organization)
        }
    }

    private func dto(_ organization: OrganizationRecord) -> EmailSettingsDTO {
        let brand = composer.brand(of: organization)
        return EmailSettingsDTO(
            language: brand.language.rawValue, replyTo: brand.replyTo?.email, primaryColor: brand.layout.primaryColor,
            backgroundColor: brand.layout.backgroundColor, footerAddress: brand.layout.footerAddress,
            timeZone: brand.timeZone.identifier, logoUrl: brand.layout.logoURL)
    }
}
