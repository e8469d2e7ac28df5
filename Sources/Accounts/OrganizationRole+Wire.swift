public import Domain
import HTTPCore

extension OrganizationRole {
    /// The role a wire type names. The API document's enumeration of roles is the domain's
    /// (`OrganizationWireTypeTests` holds them equal), so this refuses nothing the document lets through.
    public init(named name: String) throws {
        guard let role = Self(rawValue: name) else {
            throw HTTPFailure.validationFailed(
                FieldProblems("role", "must be one of \(Self.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        self = role
    }
}
