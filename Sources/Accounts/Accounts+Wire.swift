import Domain
import Foundation
import Persistence
import WireTypes

extension Components.Schemas.User {
    /// A user as the API shows them. `username` repeats the email for the clients that call it so.
    init(_ record: UserRecord) {
        self.init(
            displayName: record.displayName, createdAt: record.createdAt, email: record.email,
            id: record.id!.uuidString, role: RolePayload(rawValue: record.role) ?? .member,
            emailVerified: record.emailVerifiedAt != nil, username: record.email)
    }
}

extension Components.Schemas.Organization {
    /// `role` is the caller's (absent for admins who are not members); `logoUrl` is where anyone can fetch the logo,
    /// when there is one.
    init(_ record: OrganizationRecord, role: OrganizationRole?) {
        let id = record.id!.uuidString
        self.init(
            organizationId: id, slug: record.slug, name: record.name, createdAt: record.createdAt,
            logoUrl: record.logoKey == nil ? nil : "/api/organizations/\(id)/logo", id: id, role: role.map(\.wire))
    }
}

extension Components.Schemas.PartnerKey {
    init(_ record: PartnerKeyRecord) {
        self.init(
            revokedAt: record.revokedAt, keyPrefix: record.keyPrefix, name: record.name, id: record.id!.uuidString,
            createdAt: record.createdAt)
    }
}

extension OrganizationRole {
    /// The role as the answers' enumeration names it: the same names (`OrganizationWireTypeTests`).
    var wire: Components.Schemas.Organization.RolePayload {
        Components.Schemas.Organization.RolePayload(rawValue: rawValue)!
    }

    var memberWire: Components.Schemas.Member.RolePayload {
        Components.Schemas.Member.RolePayload(rawValue: rawValue)!
    }
}
