public import Domain
public import FluentKit
import Foundation
import Persistence

/// The web pages' sign-in sessions: the cookie holds the opaque token of a sign-in session of kind `web` (never
/// exchanged; the refresh endpoint refuses it, and an API refresh token is no cookie here). Checked in the database on
/// every page request, so signing out (or any revocation) ends it at once.
public enum WebSessions {
    public static func verify(_ token: String, now: Date, on db: any Database) async throws -> UserIdentity? {
        guard !token.isEmpty,
            let session = try await RefreshTokenRecord.query(on: db).filter(\.$tokenHash == OpaqueToken.hash(token))
                .first(),
            session.kind == "web", session.revokedAt == nil, session.rotatedAt == nil, session.expiresAt > now,
            let user = try await UserRecord.find(session.userID, on: db)
        else { return nil }
        return UserIdentity(
            id: user.id!, role: PlatformRole(rawValue: user.role) ?? .member, sessionID: session.familyID)
    }
}
