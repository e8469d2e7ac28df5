public import Domain
import Foundation
public import HTTPCore
public import Hummingbird
public import Persistence
import SQLKit

/// Turns a bearer token into the request's principal, for the surface it is added to. No token means anonymous; a
/// bad one is a 401, even on public routes, so a client never mistakes a broken session for a signed-out one.
///
/// Each surface says whose tokens it takes (`SurfaceGate`, which words every refusal): people's access tokens (the
/// public and bearer API), kiosk tokens (`kiosk_…`, checked in the database; the kiosk surface), both (the door routes,
/// where staff and kiosks scan), or partner keys (`pk_…`, checked in the database; the partner surface). A token of
/// another kind is refused with 403, so a lost kiosk cannot browse, buy or administer, and a partner key works nowhere
/// but on its own surface.
public struct AuthenticationMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext

    /// Whose tokens a surface takes.
    public typealias Accepts = SurfaceGate

    let tokens: AccessTokens
    let clock: AppClock
    let store: DatabaseStore?
    let accepts: Accepts

    public init(tokens: AccessTokens, clock: AppClock, store: DatabaseStore? = nil, accepts: Accepts = .people) {
        self.tokens = tokens
        self.clock = clock
        self.store = store
        self.accepts = accepts
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
        var context = context
        if PartnerKeys.isPartnerKey(token), let store {
            guard let partner = try await PartnerKeys.verify(token, on: store.database()) else {
                throw HTTPFailure.unauthorized("The partner key is unknown or revoked.")
            }
            guard accepts.serves(.partner) else { throw accepts.refusal(of: .partner) }
            context.identity = .partner(partner)
            context.logger[metadataKey: "partner.key"] = .string(partner.keyID.uuidString)
            return try await next(request, context)
        }
        // A surface that takes neither people's nor kiosks' tokens refuses them unread.
        guard accepts.serves(.person) || accepts.serves(.kiosk) else {
            throw accepts.refusal(of: KioskTokens.isKioskToken(token) ? .kiosk : .person)
        }
        if KioskTokens.isKioskToken(token), let store {
            guard let kiosk = try await KioskTokens.verify(token, now: clock.now(), on: store.database()) else {
                throw HTTPFailure.unauthorized(
                    "The kiosk token is invalid, expired or revoked; ask the organizer for a new one.")
            }
            guard accepts.serves(.kiosk) else { throw accepts.refusal(of: .kiosk) }
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
        guard accepts.serves(.person) else { throw accepts.refusal(of: .person) }
        // Tokens are verified without the database, so one can outlive its account for its few minutes. A write is
        // about to touch the database anyway: it checks that the account is still there, so a gone account's token is a
        // stale sign-in (401) rather than a conflict with the data.
        if request.method != .get, request.method != .head, let store,
            try await (store.sql()).raw("SELECT 1 AS present FROM users WHERE id = \(bind: user.id)").first() == nil
        {
            throw HTTPFailure.unauthorized("This account no longer exists.")
        }
        context.identity = .user(user)
        context.logger[metadataKey: "user.id"] = .string(user.id.uuidString)
        return try await next(request, context)
    }
}
