public import Domain
public import FluentKit
import Foundation

/// An organization that runs events (the partner authentication contract calls it an account).
public final class OrganizationRecord: Model, @unchecked Sendable {
    public static let schema = "organizations"

    @ID(key: .id) public var id: UUID?
    @Field(key: "name") public var name: String
    /// URL-safe, unique.
    @Field(key: "slug") public var slug: String
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date
    /// Origins allowed to frame the organization's embeds, space-separated (`https://partner.example.org`).
    @OptionalField(key: "embed_origins") public var embedOrigins: String?
    /// The logo's key in the blob store.
    @OptionalField(key: "logo_key") public var logoKey: String?
    /// The language of its mail (`en`, `de`); null is the installation's.
    @OptionalField(key: "email_language") public var emailLanguage: String?
    /// Where replies to its mail go (the sender stays the installation's `MAIL_FROM`).
    @OptionalField(key: "email_reply_to") public var emailReplyTo: String?
    @OptionalField(key: "email_primary_color") public var emailPrimaryColor: String?
    @OptionalField(key: "email_background_color") public var emailBackgroundColor: String?
    /// The postal address in its mail's footer.
    @OptionalField(key: "email_footer_address") public var emailFooterAddress: String?
    /// The IANA time zone its mail shows times in (`Europe/Berlin`); null is UTC.
    @OptionalField(key: "email_time_zone") public var emailTimeZone: String?

    public init() {}

    public init(id: UUID = UUID.random(), name: String, slug: String, now: Date) {
        self.id = id
        self.name = name
        self.slug = slug
        self.createdAt = now
        self.updatedAt = now
    }
}

/// A user's role in an organization; one row per (organization, user).
public final class MembershipRecord: Model, @unchecked Sendable {
    public static let schema = "memberships"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organization_id") public var organizationID: UUID
    @Field(key: "user_id") public var userID: UUID
    /// `OrganizationRole` raw value.
    @Field(key: "role") public var role: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(organizationID: UUID, userID: UUID, role: String, now: Date) {
        self.id = UUID.random()
        self.organizationID = organizationID
        self.userID = userID
        self.role = role
        self.createdAt = now
    }
}

/// An event a staff member works at; staff see and check in only these.
public final class StaffAssignmentRecord: Model, @unchecked Sendable {
    public static let schema = "staff_assignments"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organization_id") public var organizationID: UUID
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "event_id") public var eventID: UUID
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(organizationID: UUID, userID: UUID, eventID: UUID, now: Date) {
        self.id = UUID.random()
        self.organizationID = organizationID
        self.userID = userID
        self.eventID = eventID
        self.createdAt = now
    }
}
