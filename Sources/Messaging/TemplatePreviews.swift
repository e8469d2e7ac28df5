import Domain
import FluentKit
import Foundation
import HTTPCore
public import Hummingbird
import Identity
import Mail
import Persistence

public struct EmailTemplateDTO: Codable, Sendable, Equatable {
    public var name: String
    public var languages: [String]
}

public struct EmailTemplateListDTO: Codable, Sendable, ResponseEncodable {
    public var templates: [EmailTemplateDTO]
}

/// A message rendered with sample data, as it would be sent.
public struct EmailPreviewDTO: Codable, Sendable, Equatable, ResponseEncodable {
    public var name: String
    public var language: String
    public var subject: String
    public var text: String
    public var html: String
}

/// `GET /api/admin/email-templates/{name}/preview`: any message in any language with sample data, in the installation's
/// layout (admins) or an organization's (`organizationId`, for its organizers: their colours, logo and footer).
struct TemplatePreviews: Sendable {
    let store: DatabaseStore
    let composer: MailComposer
    let authorizer = Authorizer()

    func list(by principal: Principal) async throws -> EmailTemplateListDTO {
        guard case .user = principal else {
            throw HTTPFailure.unauthorized("Sign in first: send an access token as `Authorization: Bearer <token>`.")
        }
        return EmailTemplateListDTO(
            templates: MailTemplate.allCases.map {
                EmailTemplateDTO(name: $0.rawValue, languages: MailLanguage.allCases.map(\.rawValue))
            })
    }

    func preview(_ name: String, query: QueryReader, by principal: Principal) async throws -> EmailPreviewDTO {
        var query = query
        let organizationID = query.uuid("organizationId")
        let language = query.choice("language", as: MailLanguage.self)
        try query.throwIfAny()
        guard let template = MailTemplate(rawValue: name) else { throw MessagingError.templateNotFound(name) }
        let db = store.database()
        var brand = composer.installationBrand
        if let organizationID {
            guard let organization = try await OrganizationRecord.find(organizationID, on: db) else {
                throw MessagingError.organizationNotFound
            }
            try await authorizer.require(.eventManage, on: .organization(organizationID), by: principal, database: db)
            brand = composer.brand(of: organization)
        } else {
            try await authorizer.require(.platformOrdersRead, on: .platform, by: principal, database: db)
        }
        if let language { brand.language = language }
        let rendered = composer.render(template.sample(brand.format), brand: brand)
        return EmailPreviewDTO(
            name: template.rawValue, language: brand.language.rawValue, subject: rendered.subject, text: rendered.text,
            html: rendered.html)
    }
}
