public import Domain
public import FluentKit
import Foundation

/// A person with an account.
public final class UserRecord: Model, @unchecked Sendable {
    public static let schema = "users"

    @ID(key: .id) public var id: UUID?
    /// Stored normalised (trimmed, lower-cased); unique.
    @Field(key: "email") public var email: String
    @Field(key: "display_name") public var displayName: String
    @Field(key: "password_hash") public var passwordHash: String
    /// `PlatformRole` raw value.
    @Field(key: "role") public var role: String
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date
    /// When the owner followed the link mailed at sign-up; null until then.
    @OptionalField(key: "email_verified_at") public var emailVerifiedAt: Date?

    public init() {}

    public init(
        id: UUID = UUID.random(), email: String, displayName: String, passwordHash: String, role: String, now: Date
    ) {
        self.id = id
        self.email = email
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.role = role
        self.createdAt = now
        self.updatedAt = now
    }
}
