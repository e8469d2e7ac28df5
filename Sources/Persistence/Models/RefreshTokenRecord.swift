import Domain
public import FluentKit
import Foundation

/// One refresh token. Only its SHA-256 is stored; tokens issued by rotation share a family, so that the
/// reuse of a rotated token can revoke everything descended from the same sign-in.
public final class RefreshTokenRecord: Model, @unchecked Sendable {
    public static let schema = "refresh_tokens"

    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "family_id") public var familyID: UUID
    /// Hex SHA-256 of the token; unique.
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "issued_at") public var issuedAt: Date
    @Field(key: "expires_at") public var expiresAt: Date
    /// Set when the token was exchanged for its successor.
    @OptionalField(key: "rotated_at") public var rotatedAt: Date?
    /// Set when the token was revoked (logout, password change, reuse detected).
    @OptionalField(key: "revoked_at") public var revokedAt: Date?
    /// The successor's token, sealed, kept for the grace window of a concurrent refresh.
    @OptionalField(key: "successor_sealed") public var successorSealed: String?
    @OptionalField(key: "ip") public var ip: String?
    @OptionalField(key: "user_agent") public var userAgent: String?
    /// `api` (exchanged for access tokens at the refresh endpoint) or `web` (a pages' session cookie, never exchanged).
    @Field(key: "kind") public var kind: String

    public init() {}

    public init(
        userID: UUID, familyID: UUID, tokenHash: String, issuedAt: Date, expiresAt: Date, ip: String?,
        userAgent: String?, kind: String = "api"
    ) {
        self.id = UUID.random()
        self.userID = userID
        self.familyID = familyID
        self.tokenHash = tokenHash
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
        self.ip = ip
        self.userAgent = userAgent
        self.kind = kind
    }
}
