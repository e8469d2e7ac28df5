public import Domain
public import FluentKit
import Foundation

/// Loads what a user is to one organization: their role and, for staff, their events.
public enum StandingQuery {
    public static func load(userID: UUID, organizationID: UUID, on database: any Database) async throws -> Standing {
        guard
            let membership = try await MembershipRecord.query(on: database)
                .filter(\.$organizationID == organizationID).filter(\.$userID == userID).first(),
            let role = OrganizationRole(rawValue: membership.role)
        else { return .none }
        guard role == .staff else { return Standing(membership: role) }
        let events = try await StaffAssignmentRecord.query(on: database)
            .filter(\.$organizationID == organizationID).filter(\.$userID == userID).all(\.$eventID)
        return Standing(membership: role, assignedEventIDs: Set(events))
    }
}
