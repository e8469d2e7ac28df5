public import Domain
public import FluentKit
import HTTPCore
import Persistence

/// Asks `AccessPolicy` on behalf of a route, after loading the actor's standing in the resource's
/// organization. Throws 401 or 403; returns the signed-in user when allowed.
public struct Authorizer: Sendable {
    public init() {}

    @discardableResult
    public func require(
        _ action: Action, on resource: Resource, by principal: Principal, database: any Database
    ) async throws -> UserIdentity? {
        var standing = Standing.none
        if case .user(let user) = principal, user.role != .admin, let organizationID = resource.organizationID {
            standing = try await StandingQuery.load(userID: user.id, organizationID: organizationID, on: database)
        }
        switch AccessPolicy.decide(principal, action, on: resource, standing: standing) {
        case .allow:
            if case .user(let user) = principal { return user }
            return nil
        case .unauthenticated:
            throw HTTPFailure.unauthorized("Sign in first: send an access token as `Authorization: Bearer <token>`.")
        case .deny:
            throw HTTPFailure.forbidden("You are not allowed to \(action.rawValue) here.")
        }
    }
}
