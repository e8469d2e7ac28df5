public import Foundation
public import Hummingbird
import Persistence

/// A user as the API shows them. `username` repeats the email for the clients that call it so.
public struct UserDTO: Codable, Sendable, Equatable, ResponseEncodable {
    public var id: UUID
    public var email: String
    public var username: String
    public var displayName: String
    public var role: String
    /// Whether the owner followed the link mailed at sign-up.
    public var emailVerified: Bool
    public var createdAt: Date

    init(_ record: UserRecord) {
        self.id = record.id!
        self.email = record.email
        self.username = record.email
        self.displayName = record.displayName
        self.role = record.role
        self.emailVerified = record.emailVerifiedAt != nil
        self.createdAt = record.createdAt
    }
}

/// The sign-in answer. Snake case on purpose: it is the OAuth-style shape that clients read.
public struct TokenResponse: Codable, Sendable, Equatable, ResponseEncodable {
    enum CodingKeys: String, CodingKey {
        case accessToken = "access_token"
        case refreshToken = "refresh_token"
        case tokenType = "token_type"
        case expiresIn = "expires_in"
        case user
    }

    public var accessToken: String
    public var refreshToken: String
    public var tokenType = "Bearer"
    /// Seconds until the access token expires.
    public var expiresIn: Int
    public var user: UserDTO
}

struct RegisterRequest: Decodable {
    var email: String?
    /// Some clients send the email as `username`.
    var username: String?
    var password: String?
    var displayName: String?
}

struct LoginRequest: Decodable {
    var email: String?
    var username: String?
    var password: String?
}

struct RefreshRequest: Decodable {
    enum CodingKeys: String, CodingKey {
        case snake = "refresh_token"
        case camel = "refreshToken"
    }
    var snake: String?
    var camel: String?
    var token: String? { snake ?? camel }
}

public struct AcceptedDTO: Codable, Sendable, ResponseEncodable {
    public var message: String
}

/// Where an organization's embeds (its event widgets) may be framed.
public struct EmbeddingDTO: Codable, Sendable, Equatable, ResponseEncodable {
    /// Origins (`https://host[:port]`) allowed as `frame-ancestors`; empty means no site may frame them.
    public var allowedOrigins: [String]
}

public struct OrganizationDTO: Codable, Sendable, Equatable, ResponseEncodable {
    public var id: UUID
    public var name: String
    public var slug: String
    /// The caller's role in it (absent for admins who are not members).
    public var role: String?
    public var createdAt: Date
    /// Where anyone can fetch its logo (`GET /api/organizations/{id}/logo`), when it has one.
    public var logoUrl: String?
}

public struct OrganizationList: Codable, Sendable, ResponseEncodable {
    public var organizations: [OrganizationDTO]
}

public struct MemberDTO: Codable, Sendable, Equatable, ResponseEncodable {
    public var userId: UUID
    public var email: String
    public var displayName: String
    public var role: String
    /// For staff: the events they work at.
    public var assignedEventIds: [UUID]
    public var joinedAt: Date
}

public struct MemberList: Codable, Sendable, ResponseEncodable {
    public var members: [MemberDTO]
}
