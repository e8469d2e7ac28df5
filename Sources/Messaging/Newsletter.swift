import Audit
public import Domain
import FluentKit
public import Foundation
public import HTTPCore
public import Hummingbird
import Identity
public import Mail
public import Outbox
public import Persistence
public import RateLimiting
import SQLKit
import WireTypes

public struct SubscriberDTO: Codable, Sendable, Equatable {
    public var subscriberId: UUID
    public var email: String
    public var name: String?
    /// `pending` (the confirmation link not followed yet), `subscribed`, `unsubscribed`.
    public var status: String
    public var createdAt: Date
    public var confirmedAt: Date?
    public var unsubscribedAt: Date?
}

public struct SubscriberPageDTO: Codable, Sendable, ResponseEncodable {
    public var subscribers: [SubscriberDTO]
    public var total: Int
    public var page: Int
    public var perPage: Int
}

public struct CampaignDTO: Codable, Sendable, Equatable, ResponseEncodable {
    public var campaignId: UUID
    public var subject: String
    public var body: String
    public var recipients: Int
    /// `queued` while its recipients are being written down, `sent` once each has their own message queued.
    public var state: String
    public var createdAt: Date
}

public struct CampaignListDTO: Codable, Sendable, ResponseEncodable {
    public var campaigns: [CampaignDTO]
}

public struct NewsletterAnswerDTO: Codable, Sendable, Equatable, ResponseEncodable {
    public var message: String
}

/// The newsletter, per organization, with double opt-in: subscribing answers the same for any address and mails
/// a confirmation link (made at sending, a week, only its hash kept); only a confirmed subscriber receives campaigns;
/// every campaign carries an unsubscribe link and RFC 8058's one-click header. The consent's time and address are kept
/// as its proof; organizers list and export subscribers and send campaigns (broadcasts, each address once).
public struct Newsletter: Sendable {
    let store: DatabaseStore
    let limiter: RateLimiter
    let rule: RateLimitRule
    let authorizer = Authorizer()
    let audit = AuditTrail()

    static let confirmationSeconds: TimeInterval = 7 * 24 * 3600

    public init(store: DatabaseStore, limiter: RateLimiter, rule: RateLimitRule) {
        self.store = store
        self.limiter = limiter
        self.rule = rule
    }

    // MARK: The public's side

    func subscribe(_ body: Components.Schemas.SubscribeRequest, now: Date, request: RequestMetadata) async throws {
        var problems = FieldProblems()
        // The document requires the address and states the name's length and form; the address is read as the
        // domain reads one. The organization may be left out when the installation has one.
        let email = EmailAddress(body.email)
        problems.require(email != nil, "email", "is not a valid email address")
        let name = body.name?.trimmingCharacters(in: .whitespacesAndNewlines)
        guard problems.isEmpty else { throw HTTPFailure.unprocessable(problems) }
        guard let email else { throw problems }
        let organizationID = try await organization(
            try body.organizationId.map { try WireValue.uuid($0, field: "organizationId") })
        try await limiter.consume(
            rule.named("newsletter"), keys: ["ip:\(request.limitKey)", "email:\(email.value)"], now: now)
        try await store.transaction { db in
            let sql = db.sql
            let existing = try await sql.raw(
                """
                SELECT id, status FROM newsletter_subscribers
                WHERE organization_id = \(bind: organizationID) AND email = \(bind: email.value)
                """
            ).first(row: SubscriptionRow.self)
            let id: UUID
            if let existing {
                id = existing.id
                // Subscribed already: nothing to do, and the answer does not say so.
                guard existing.status != "subscribed" else { return }
                try await sql.raw(
                    """
                    UPDATE newsletter_subscribers SET status = 'pending', name = \(bind: name),
                      consent_ip = \(bind: request.ip), unsubscribed_at = NULL, updated_at = \(bind: now)
                    WHERE id = \(bind: id)
                    """
                ).run()
            } else {
                id = UUID.random()
                // Two subscriptions of one new address at once: the second finds the first's row and sends nothing.
                guard
                    try await sql.raw(
                        """
                        INSERT INTO newsletter_subscribers (id, organization_id, email, name, status, unsubscribe_token,
                          consent_ip, created_at, updated_at)
                        VALUES (\(bind: id), \(bind: organizationID), \(bind: email.value), \(bind: name), 'pending',
                          \(bind: OpaqueToken.generate()), \(bind: request.ip), \(bind: now), \(bind: now))
                        ON CONFLICT (organization_id, email) DO NOTHING RETURNING id
                        """
                    ).first() != nil
                else { return }
            }
            try await Outbox.enqueue(NewsletterSubscribed(subscriberId: id), now: now, on: db)
        }
    }

    /// The confirmation link's token: the subscription starts (within the week, once).
    public func confirm(token: String?, now: Date, request: RequestMetadata) async throws -> NewsletterAnswerDTO {
        guard let token, !token.isEmpty else {
            throw HTTPFailure.validationFailed(FieldProblems("token", "is required"))
        }
        try await limiter.consume(rule.named("newsletter-token"), keys: ["ip:\(request.limitKey)"], now: now)
        return try await store.transaction { db in
            guard
                let row = try await db.sql.raw(
                    """
                    UPDATE newsletter_subscribers SET status = 'subscribed', confirmed_at = \(bind: now),
                      confirm_token_hash = NULL, consent_ip = \(bind: request.ip), updated_at = \(bind: now)
                    WHERE confirm_token_hash = \(bind: OpaqueToken.hash(token)) AND status = 'pending'
                      AND confirm_expires_at > \(bind: now)
                    RETURNING organization_id, email
                    """
                ).first(row: ConfirmedRow.self),
                let organization = try await OrganizationRecord.find(row.organizationId, on: db)
            else { throw MessagingError.invalidNewsletterToken }
            try await MailConsent.confirm(row.email, now: now, on: db)
            return NewsletterAnswerDTO(message: "You are subscribed to the newsletter of \(organization.name).")
        }
    }

    /// The unsubscribe token of a campaign's links (the page's button, or a mail client's one-click POST).
    public func unsubscribe(token: String?, now: Date, request: RequestMetadata) async throws -> NewsletterAnswerDTO {
        // The token may come in the query or the body, so neither schema can require it: its absence is a 422.
        guard let token, !token.isEmpty else {
            throw HTTPFailure.unprocessable(FieldProblems("token", "is required"))
        }
        try await limiter.consume(rule.named("newsletter-token"), keys: ["ip:\(request.limitKey)"], now: now)
        return try await store.transaction { db in
            let sql = db.sql
            guard
                let row = try await sql.raw(
                    "SELECT id, organization_id, status FROM newsletter_subscribers WHERE unsubscribe_token = \(bind: token)"
                ).first(row: UnsubscribingRow.self),
                let organization = try await OrganizationRecord.find(row.organizationId, on: db)
            else { throw MessagingError.invalidNewsletterToken }
            if row.status != "unsubscribed" {
                try await sql.raw(
                    """
                    UPDATE newsletter_subscribers SET status = 'unsubscribed', unsubscribed_at = \(bind: now),
                      confirm_token_hash = NULL, updated_at = \(bind: now)
                    WHERE id = \(bind: row.id)
                    """
                ).run()
            }
            return NewsletterAnswerDTO(message: "You will receive no more newsletters of \(organization.name).")
        }
    }

    // MARK: The organizers' side

    func subscribers(_ organizationID: UUID, query: QueryReader, by principal: Principal) async throws
        -> SubscriberPageDTO
    {
        var query = query
        let status = query.choice("status", as: SubscriberStatus.self)
        let page = query.integerOrDefault("page")
        let perPage = query.integerOrDefault("perPage")
        try query.throwIfAny()
        try await manage(organizationID, by: principal)
        let filter: SQLQueryString =
            "organization_id = \(bind: organizationID)" + (status.map { " AND status = \(bind: $0.rawValue)" } ?? "")
        let sql = store.sql()
        let total =
            try await sql.raw("SELECT COUNT(*) AS n FROM newsletter_subscribers WHERE " + filter)
            .first(row: CountRow.self)?.n ?? 0
        let rows = try await sql.raw(
            "SELECT * FROM newsletter_subscribers WHERE " + filter
                + " ORDER BY created_at, id LIMIT \(literal: perPage) OFFSET \(literal: (page - 1) * perPage)"
        ).all(rows: SubscriberRow.self)
        return SubscriberPageDTO(
            subscribers: rows.map(\.dto), total: total, page: page, perPage: perPage)
    }

    /// Every subscriber as CSV, with the consent's proof (when and from which address it was given).
    func export(_ organizationID: UUID, by principal: Principal) async throws -> String {
        try await manage(organizationID, by: principal)
        let rows = try await store.sql().raw(
            """
            SELECT * FROM newsletter_subscribers WHERE organization_id = \(bind: organizationID)
            ORDER BY created_at, id
            """
        ).all(rows: SubscriberRow.self)
        var lines = ["email,name,status,subscribed_at,confirmed_at,consent_ip,unsubscribed_at"]
        for row in rows {
            let fields: [String?] = [
                row.email,
                row.name,
                row.status,
                ISO8601Instant.string(row.createdAt),
                row.confirmedAt.map(ISO8601Instant.string),
                row.consentIp,
                row.unsubscribedAt.map(ISO8601Instant.string),
            ]
            lines.append(fields.map { CSV.field($0 ?? "") }.joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// Removes a subscriber and their consent record (erasure on request).
    func remove(
        _ subscriberID: UUID, from organizationID: UUID, by principal: Principal, now: Date, request: RequestMetadata
    ) async throws {
        try await manage(organizationID, by: principal)
        try await store.transaction { db in
            guard
                try await db.sql.raw(
                    """
                    DELETE FROM newsletter_subscribers WHERE id = \(bind: subscriberID)
                      AND organization_id = \(bind: organizationID) RETURNING id
                    """
                ).first() != nil
            else { throw MessagingError.subscriberNotFound }
            try await audit.record(
                AuditEntry(
                    actor: AuditActor(principal), action: "newsletter.subscriber.removed", targetType: "subscriber",
                    targetID: subscriberID.uuidString, organizationID: organizationID),
                from: request, at: now, on: db)
        }
    }

    func sendCampaign(
        _ organizationID: UUID, _ body: Components.Schemas.CampaignRequest, by principal: Principal, now: Date,
        request: RequestMetadata
    ) async throws -> CampaignDTO {
        try await manage(organizationID, by: principal)
        var problems = FieldProblems()
        // As an organizer's message: the document states lengths and form; left are blank text and a one-line subject.
        let subject = body.subject.trimmingCharacters(in: .whitespacesAndNewlines)
        let text = body.body.trimmingCharacters(in: .whitespacesAndNewlines)
        problems.require(!subject.isEmpty, "subject", "must not be blank")
        problems.require(!subject.contains(where: \.isNewline), "subject", "must be one line")
        problems.require(!text.isEmpty, "body", "must not be blank")
        guard problems.isEmpty else { throw HTTPFailure.unprocessable(problems) }
        let id = UUID.random()
        let sender: UUID? = if case .user(let user) = principal { user.id } else { nil }
        let audience = Broadcasts.audience(
            kind: .campaign, organizationID: organizationID, eventID: nil, sessionIDs: [])
        let count = try await store.transaction { db in
            try await Broadcasts.create(
                id: id, organizationID: organizationID, eventID: nil, kind: .campaign, subject: subject, body: text,
                sessionIDs: [], createdBy: sender, now: now, on: db)
            let sql = db.sql
            let count = try await Broadcasts.count(audience, on: sql)
            try await sql.raw(
                "UPDATE mail_broadcasts SET recipients = \(bind: count) WHERE id = \(bind: id)"
            ).run()
            try await audit.record(
                AuditEntry(
                    actor: AuditActor(principal), action: "newsletter.campaign.sent", targetType: "campaign",
                    targetID: id.uuidString, organizationID: organizationID, details: ["recipients": .int(count)]),
                from: request, at: now, on: db)
            return count
        }
        return CampaignDTO(
            campaignId: id, subject: subject, body: text, recipients: count, state: "queued", createdAt: now)
    }

    func campaigns(_ organizationID: UUID, by principal: Principal) async throws -> CampaignListDTO {
        try await manage(organizationID, by: principal)
        let rows = try await store.sql().raw(
            """
            SELECT * FROM mail_broadcasts WHERE organization_id = \(bind: organizationID) AND kind = 'campaign'
            ORDER BY created_at DESC, id LIMIT 200
            """
        ).all(rows: Broadcasts.Columns.self).map(Broadcasts.Row.init)
        return CampaignListDTO(
            campaigns: rows.map {
                CampaignDTO(
                    campaignId: $0.id, subject: $0.subject, body: $0.body, recipients: $0.recipients,
                    state: $0.fannedOutAt == nil ? "queued" : "sent", createdAt: $0.createdAt)
            })
    }

    enum SubscriberStatus: String {
        case pending, subscribed, unsubscribed
    }

    private func manage(_ organizationID: UUID, by principal: Principal) async throws {
        let db = store.database()
        guard try await OrganizationRecord.find(organizationID, on: db) != nil else {
            throw MessagingError.organizationNotFound
        }
        try await authorizer.require(.eventManage, on: .organization(organizationID), by: principal, database: db)
    }

    /// The organization subscribed to: the one named, or the installation's only one.
    private func organization(_ id: UUID?) async throws -> UUID {
        let db = store.database()
        if let id {
            guard try await OrganizationRecord.find(id, on: db) != nil else {
                throw HTTPFailure.unprocessable(FieldProblems("organizationId", "is not an organization"))
            }
            return id
        }
        let all = try await OrganizationRecord.query(on: db).limit(2).all()
        guard all.count == 1, let only = all.first?.id else {
            throw HTTPFailure.unprocessable(
                FieldProblems("organizationId", "is required: this installation has several organizations"))
        }
        return only
    }

}

/// A subscriber as `SELECT *` reads it, for the list and the export.
private struct SubscriberRow: Decodable {
    var id: UUID
    var email: String
    var name: String?
    var status: String
    var createdAt: Date
    var confirmedAt: Date?
    var consentIp: String?
    var unsubscribedAt: Date?

    var dto: SubscriberDTO {
        SubscriberDTO(
            subscriberId: id, email: email, name: name, status: status, createdAt: createdAt,
            confirmedAt: confirmedAt, unsubscribedAt: unsubscribedAt)
    }
}

/// An address's subscription to an organization's newsletter, when it has one.
private struct SubscriptionRow: Decodable {
    var id: UUID
    var status: String
}

/// A subscription its confirmation link just started.
private struct ConfirmedRow: Decodable {
    var organizationId: UUID
    var email: String
}

/// The subscription behind an unsubscribe token.
private struct UnsubscribingRow: Decodable {
    var id: UUID
    var organizationId: UUID
    var status: String
}

/// A pending subscriber just given a new confirmation link.
private struct PendingSubscriberRow: Decodable {
    var email: String
    var name: String?
    var organizationId: UUID
}

/// CSV fields (RFC 4180), with spreadsheet formula injection defused: a field starting with `=`, `+`, `-` or `@` is
/// prefixed with an apostrophe, so opening the export never runs what a subscriber typed as their name.
enum CSV {
    static func field(_ value: String) -> String {
        var value = value
        if let first = value.first, "=+-@\t\r".contains(first) { value = "'" + value }
        guard value.contains(where: { ",\"\r\n".contains($0) }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Delivers `email.newsletter_confirmation`: makes the confirmation link's token (a week; only its hash kept) and
/// mails it, in the organization's language and layout. A subscriber confirmed or gone since is sent nothing.
public struct NewsletterConfirmationMail: MessageHandler {
    public var name: String { "newsletter-confirmation-mail" }
    public var retry: RetryPolicy { .mail }

    let store: DatabaseStore
    let mailer: any Mailer
    let composer: MailComposer
    let clock: AppClock

    public init(store: DatabaseStore, mailer: any Mailer, composer: MailComposer, clock: AppClock) {
        self.store = store
        self.mailer = mailer
        self.composer = composer
        self.clock = clock
    }

    public func handle(_ subscribed: NewsletterSubscribed, delivery _: OutboxDelivery) async throws {
        let now = clock.now()
        let token = OpaqueToken.generate()
        guard
            let row = try await store.sql().raw(
                """
                UPDATE newsletter_subscribers SET confirm_token_hash = \(bind: OpaqueToken.hash(token)),
                  confirm_expires_at = \(bind: now.addingTimeInterval(Newsletter.confirmationSeconds))
                WHERE id = \(bind: subscribed.subscriberId) AND status = 'pending'
                RETURNING email, name, organization_id
                """
            ).first(row: PendingSubscriberRow.self)
        else { return }
        let name = row.name
        let brand = try await composer.brand(organizationID: row.organizationId)
        var values: [String: String] = [:]
        if let name, !name.isEmpty { values["name"] = name }
        let email = row.email
        try await composer.send(
            MailContent(
                .newsletterConfirmation, values: values, link: composer.link("/newsletter/confirm?token=\(token)")),
            to: [MailAddress(email, name: name)], as: .link, brand: brand, via: mailer, now: now)
    }
}
