import Domain
public import FluentKit
import Foundation

/// One audited event: who did what to which target, from where, when. Append-only.
public final class AuditLogRecord: Model, @unchecked Sendable {
    public static let schema = "audit_logs"

    @ID(key: .id) public var id: UUID?
    @Field(key: "occurred_at") public var occurredAt: Date
    /// `user`, `anonymous` or `system`.
    @Field(key: "actor_kind") public var actorKind: String
    @OptionalField(key: "actor_id") public var actorID: UUID?
    /// Dotted verb, such as `auth.login.failed` or `organization.member.added`.
    @Field(key: "action") public var action: String
    @Field(key: "target_type") public var targetType: String
    @OptionalField(key: "target_id") public var targetID: String?
    /// The organization the target belongs to, so owners can read their own trail.
    @OptionalField(key: "organization_id") public var organizationID: UUID?
    @OptionalField(key: "ip") public var ip: String?
    @OptionalField(key: "user_agent") public var userAgent: String?
    @OptionalField(key: "request_id") public var requestID: String?
    /// A JSON object with the specifics.
    @Field(key: "details") public var details: String

    public init() {}

    public init(
        occurredAt: Date, actorKind: String, actorID: UUID?, action: String, targetType: String, targetID: String?,
        organizationID: UUID?, ip: String?, userAgent: String?, requestID: String?, details: String
    ) {
        self.id = UUID.random()
        self.occurredAt = occurredAt
        self.actorKind = actorKind
        self.actorID = actorID
        self.action = action
        self.targetType = targetType
        self.targetID = targetID
        self.organizationID = organizationID
        self.ip = ip
        self.userAgent = userAgent
        self.requestID = requestID
        self.details = details
    }
}
