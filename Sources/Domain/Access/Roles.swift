/// A person's role on the whole platform.
public enum PlatformRole: String, Sendable, Codable, CaseIterable {
    /// Runs the installation: every organization, every event, the audit log.
    case admin
    /// Anyone with an account: buys tickets, may create organizations.
    case member
}

/// A person's role inside one organization (the "account" that owns events).
public enum OrganizationRole: String, Sendable, Codable, CaseIterable, Comparable {
    /// Full control, including members and roles. Every organization keeps at least one.
    case owner
    /// Runs the organization's events: creates, edits, sells, assigns staff.
    case organizer
    /// Door staff and assistants: read-only on the events they are assigned to, plus check-in.
    case staff
    /// Read-only on the organization's events.
    case viewer

    /// Higher ranks include the powers of lower ones, except that staff powers are per event.
    var rank: Int {
        switch self {
        case .owner: 3
        case .organizer: 2
        case .staff: 1
        case .viewer: 0
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}
