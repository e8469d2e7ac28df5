import Foundation
public import Domain
public import HTTPCore
public import Hummingbird

/// Turns a bearer token into the request's principal. No token means anonymous; a bad one is a 401,
/// even on public routes, so a client never mistakes a broken session for a signed-out one.
public struct AuthenticationMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext

    let tokens: AccessTokens
    let clock: AppClock

    public init(tokens: AccessTokens, clock: AppClock) {
        self.tokens = tokens
        self.clock = clock
    }

    public func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let authorization = request.headers[.authorization] else {
            return try await next(request, context)
        }
        let prefix = "bearer "
        guard authorization.lowercased().hasPrefix(prefix) else {
            throw HTTPFailure.unauthorized("Only bearer tokens are accepted: `Authorization: Bearer <token>`.")
        }
        let token = String(authorization.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
        let user: UserIdentity
        do {
            user = try await tokens.verify(token, now: clock.now())
        } catch {
            throw HTTPFailure.unauthorized("The access token is invalid or expired; refresh it or sign in again.")
        }
        var context = context
        context.identity = .user(user)
        context.logger[metadataKey: "user.id"] = .string(user.id.uuidString)
        return try await next(request, context)
    }
}
