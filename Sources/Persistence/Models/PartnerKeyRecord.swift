public import Domain
public import FluentKit
import Foundation

/// A partner app's key to its organization's partner surface.
public final class PartnerKeyRecord: Model, @unchecked Sendable {
    public static let schema = "partner_keys"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organization_id") public var organizationID: UUID
    @Field(key: "name") public var name: String
    /// SHA-256 of the key; the key itself is shown once, when made.
    @Field(key: "key_hash") public var keyHash: String
    /// The key's first characters, so owners can tell their keys apart.
    @Field(key: "key_prefix") public var keyPrefix: String
    @OptionalField(key: "created_by") public var createdBy: UUID?
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "revoked_at") public var revokedAt: Date?

    public init() {}

    public init(
        id: UUID = UUID.random(), organizationID: UUID, name: String, keyHash: String, keyPrefix: String,
        createdBy: UUID?, now: Date
    ) {
        self.id = id
        self.organizationID = organizationID
        self.name = name
        self.keyHash = keyHash
        self.keyPrefix = keyPrefix
        self.createdBy = createdBy
        self.createdAt = now
    }
}
