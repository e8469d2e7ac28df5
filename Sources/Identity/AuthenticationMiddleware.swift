public import Domain
import Foundation
public import HTTPCore
public import Hummingbird
public import Persistence

/// Turns a bearer token into the request's principal. No token means anonymous; a bad one is a 401,
/// even on public routes, so a client never mistakes a broken session for a signed-out one.
///
/// Kiosk tokens (`kiosk_…`) are checked in the database and accepted only on the check-in paths the kiosk feature
/// names; anywhere else they get 403, so a lost kiosk cannot browse, buy or administer.
public struct AuthenticationMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext

    let tokens: AccessTokens
    let clock: AppClock
    let store: DatabaseStore?
    let kioskPaths: [PathPattern]

    public init(tokens: AccessTokens, clock: AppClock, store: DatabaseStore? = nil, kioskPaths: [String] = []) {
        self.tokens = tokens
        self.clock = clock
        self.store = store
        self.kioskPaths = kioskPaths.map(PathPattern.init)
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
        if KioskTokens.isKioskToken(token), let store {
            guard let kiosk = try await KioskTokens.verify(token, now: clock.now(), on: store.database()) else {
                throw HTTPFailure.unauthorized(
                    "The kiosk token is invalid, expired or revoked; ask the organizer for a new one.")
            }
            guard kioskPaths.contains(where: { $0.matches(request.uri.path) }) else {
                throw HTTPFailure.forbidden("A kiosk token can only do check-in work on its own event.")
            }
            var context = context
            context.identity = .kiosk(kiosk)
            context.logger[metadataKey: "kiosk.id"] = .string(kiosk.id.uuidString)
            return try await next(request, context)
        }
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

/// A route path such as `/api/tickets/:ticketId/checkin`: `:name` matches any one segment.
public struct PathPattern: Sendable {
    let segments: [Substring]

    public init(_ pattern: String) { segments = pattern.split(separator: "/") }

    public func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        guard parts.count == segments.count else { return false }
        return zip(segments, parts).allSatisfy { pattern, part in pattern.hasPrefix(":") || pattern == part }
    }
}
