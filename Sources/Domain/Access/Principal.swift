public import Foundation

/// Who is making a request, as far as authorization is concerned.
///
/// Kiosks and partner apps join as further cases when their features land; the access policy is the
/// one place that decides what each may do.
public enum Principal: Sendable, Equatable {
    case anonymous
    case user(UserIdentity)
}

/// A signed-in person, as proven by an access token.
public struct UserIdentity: Sendable, Equatable {
    public let id: UUID
    public let role: PlatformRole
    /// The refresh-token family (sign-in session) the access token was issued under.
    public let sessionID: UUID?

    public init(id: UUID, role: PlatformRole, sessionID: UUID? = nil) {
        self.id = id
        self.role = role
        self.sessionID = sessionID
    }
}

/// What the actor is to the resource at hand: their membership in its organization, if any, and the
/// events they are assigned to as staff. Loaded from the database just before a decision, so that a
/// role change takes effect on the next request.
public struct Standing: Sendable, Equatable {
    public var membership: OrganizationRole?
    public var assignedEventIDs: Set<UUID>

    public init(membership: OrganizationRole? = nil, assignedEventIDs: Set<UUID> = []) {
        self.membership = membership
        self.assignedEventIDs = assignedEventIDs
    }

    public static let none = Standing()
}
