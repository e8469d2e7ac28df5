public import Foundation

/// Who is making a request, as far as authorization is concerned.
///
/// Partner apps join as a further case when their feature lands; the access policy is the one place that decides
/// what each may do.
public enum Principal: Sendable, Equatable {
    case anonymous
    case user(UserIdentity)
    /// A door kiosk, by its token: check-in work on one event and nothing else.
    case kiosk(KioskIdentity)
    /// BoxOffice itself: a worker (the hold sweeper, a payment confirmation), named by what it is. It never arrives with a
    /// request; the access policy grants it nothing, and its changes are recorded as the system's.
    case system(SystemActor)
    /// A partner app, by its organization's partner key: reads what its organization publishes, on the partner surface.
    case partner(PartnerIdentity)
}

/// A partner app, as proven by a partner key that has not been revoked.
public struct PartnerIdentity: Sendable, Equatable {
    public let keyID: UUID
    public let organizationID: UUID
    /// The key's name, as its organization gave it ("Festival app").
    public let name: String

    public init(keyID: UUID, organizationID: UUID, name: String) {
        self.keyID = keyID
        self.organizationID = organizationID
        self.name = name
    }
}

/// A door kiosk, as proven by a kiosk token that is neither expired nor revoked.
public struct KioskIdentity: Sendable, Equatable {
    public let id: UUID
    public let eventID: UUID
    public let organizationID: UUID
    public let stationName: String
    /// Attendee search and manual check-in, and with them attendees' personal data; scan-only kiosks see none.
    public let canSearch: Bool
    public let expiresAt: Date

    public init(id: UUID, eventID: UUID, organizationID: UUID, stationName: String, canSearch: Bool, expiresAt: Date) {
        self.id = id
        self.eventID = eventID
        self.organizationID = organizationID
        self.stationName = stationName
        self.canSearch = canSearch
        self.expiresAt = expiresAt
    }
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
