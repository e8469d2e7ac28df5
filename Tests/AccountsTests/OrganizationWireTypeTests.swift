import Accounts
import Domain
import Testing
import WireTypes

/// The roles the API document lists are the domain's roles, no more and no fewer: a role added to one and not the
/// other fails here, not at a member's request.
@Suite struct OrganizationWireTypeTests {
    @Test func theDocumentsRolesAreTheDomains() throws {
        let domain = Set(OrganizationRole.allCases.map(\.rawValue))
        #expect(Set(Components.Schemas.ChangeRoleRequest.RolePayload.allCases.map(\.rawValue)) == domain)
        #expect(Set(Components.Schemas.AddMemberRequest.RolePayload.allCases.map(\.rawValue)) == domain)
        #expect(Set(Components.Schemas.Member.RolePayload.allCases.map(\.rawValue)) == domain)
        #expect(Set(Components.Schemas.Organization.RolePayload.allCases.map(\.rawValue)) == domain)
        for role in OrganizationRole.allCases { #expect(try OrganizationRole(named: role.rawValue) == role) }
        #expect(throws: (any Error).self) { try OrganizationRole(named: "emperor") }
    }
}
