public import Foundation

/// Everything a principal can ask to do. The raw value is the name used in docs/permissions.md.
public enum Action: String, Sendable, CaseIterable {
    // Own account
    case accountRead = "account.read"
    case accountUpdate = "account.update"
    // Organizations
    case organizationCreate = "organization.create"
    case organizationRead = "organization.read"
    case organizationUpdate = "organization.update"
    case membersRead = "organization.members.read"
    case membersManage = "organization.members.manage"
    case staffAssign = "organization.staff.assign"
    // Events of an organization (routes arrive with the catalog)
    case eventRead = "event.read"
    case eventManage = "event.manage"
    case eventCheckIn = "event.checkin"
    // Audit log
    case auditRead = "audit.read"
    case platformAuditRead = "audit.read.all"
    // Every order and ticket of the installation, and other people's tickets
    case platformOrdersRead = "orders.read.all"
    // The outbox: messages owed after commits, their delivery and failures
    case outboxManage = "outbox.manage"
}

/// What an action is about.
public enum Resource: Sendable, Equatable {
    /// The installation itself: creating organizations, reading the whole audit log.
    case platform
    /// The signed-in user's own account.
    case ownAccount
    case organization(UUID)
    case event(organizationID: UUID, eventID: UUID)

    public var organizationID: UUID? {
        switch self {
        case .organization(let id), .event(let id, _): id
        case .platform, .ownAccount: nil
        }
    }
}

/// The one function that decides what each principal may do. Every protected route calls it (through
/// the `Authorizer` of the HTTP layer); docs/permissions.md is its table, and a test keeps the two equal.
public enum AccessPolicy {
    public enum Decision: Sendable, Equatable {
        case allow
        /// Not signed in where a sign-in is needed: 401.
        case unauthenticated
        /// Signed in, but not allowed: 403.
        case deny
    }

    public static func decide(
        _ principal: Principal, _ action: Action, on resource: Resource, standing: Standing = .none
    )
        -> Decision
    {
        if case .kiosk(let kiosk) = principal { return decideForKiosk(kiosk, action, on: resource) }
        // The system acts on its own records directly; it is never granted a request's action.
        if case .system = principal { return .deny }
        // A partner reads its organization's public catalog on its own surface; it is granted no action here.
        if case .partner = principal { return .deny }
        guard case .user(let user) = principal else { return .unauthenticated }
        if user.role == .admin { return .allow }
        let role = standing.membership
        switch action {
        case .accountRead, .accountUpdate, .organizationCreate:
            return .allow
        case .platformAuditRead, .platformOrdersRead, .outboxManage:
            return .deny
        case .organizationRead:
            return role != nil ? .allow : .deny
        case .organizationUpdate, .membersManage, .auditRead:
            return role == .owner ? .allow : .deny
        case .membersRead, .staffAssign, .eventManage:
            return role.map { $0 >= .organizer } == true ? .allow : .deny
        case .eventRead, .eventCheckIn:
            if let role, role >= .organizer { return .allow }
            if action == .eventRead, role == .viewer { return .allow }
            if role == .staff, case .event(_, let eventID) = resource, standing.assignedEventIDs.contains(eventID) {
                return .allow
            }
            return .deny
        }
    }

    /// A kiosk checks in at its own event and does nothing else: not even read another event.
    private static func decideForKiosk(_ kiosk: KioskIdentity, _ action: Action, on resource: Resource) -> Decision {
        guard action == .eventCheckIn, case .event(_, let eventID) = resource, eventID == kiosk.eventID else {
            return .deny
        }
        return .allow
    }
}
