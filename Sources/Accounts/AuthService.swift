import Audit
import Crypto
public import Domain
public import FluentKit
import Foundation
public import HTTPCore
public import Identity
import Outbox
public import Persistence
public import RateLimiting
import SQLKit
public import WireTypes

/// Sign-up, sign-in, token refresh with rotation and reuse detection, sign-out and password change.
///
/// Functions take the instant and the request's metadata as values, so they run the same from a
/// route, a command or a test.
public struct AuthService: Sendable {
    public struct Settings: Sendable {
        public var refreshLifetime: Duration
        public var attemptLimit: RateLimitRule

        public init(refreshLifetime: Duration, attemptLimit: RateLimitRule) {
            self.refreshLifetime = refreshLifetime
            self.attemptLimit = attemptLimit
        }
    }

    let store: DatabaseStore
    let hasher: PasswordHasher
    let tokens: AccessTokens
    let limiter: RateLimiter
    let settings: Settings
    let audit = AuditTrail()

    public init(
        store: DatabaseStore, hasher: PasswordHasher, tokens: AccessTokens, limiter: RateLimiter, settings: Settings
    ) {
        self.store = store
        self.hasher = hasher
        self.tokens = tokens
        self.limiter = limiter
        self.settings = settings
    }

    // MARK: Sign-up and sign-in

    /// Makes an account and answers the same whether or not the address had one: a stranger learns nothing about who
    /// is registered. The address's owner is told what happened by mail (`RegistrationMail`): a new account's link to
    /// verify the address, or word that somebody tried to register it again. The password is hashed either way, so
    /// both answers take the same time. A new account signs in with `/api/auth/login` once its address is verified.
    public func register(
        email rawEmail: String, password: String, displayName: String?, now: Date, request: RequestMetadata
    ) async throws {
        try await limiter.consume(settings.attemptLimit.named("register"), keys: ["ip:\(request.limitKey)"], now: now)
        var problems = FieldProblems()
        // The document requires the address (as email or username) and the password, and states their forms; the
        // address is read as the domain reads one, and the password held to the rules of a good one.
        let email = EmailAddress(rawEmail)
        problems.require(email != nil, "email", "is not a valid email address")
        if let problem = PasswordRules.problem(with: password) { problems.add("password", problem) }
        // Without a display name, the address's local part stands for one (at most 64 characters, never blank).
        let name =
            displayName.map { problems.requireText($0, "displayName", lengths: 1...100, singleLine: true) }
            ?? email.map { String($0.value.prefix { $0 != "@" }) } ?? ""
        try problems.throwIfAny()
        guard let email else { throw problems }
        // Every registration mails its address: limited per address too, so nobody floods a stranger's inbox from
        // many clients (the limit counts alike whether or not the address has an account).
        try await limiter.consume(
            settings.attemptLimit.named("register-address"), keys: ["email:\(email.value)"], now: now)

        let hash = try await hasher.hash(password)
        do {
            try await store.transaction { db in
                if try await UserRecord.query(on: db).filter(\.$email == email.value).first() != nil {
                    try await Outbox.enqueue(RegistrationMail(email: email.value, created: false), now: now, on: db)
                    return
                }
                // Self-registration always makes a member: no field of the request can choose the role.
                let user = UserRecord(
                    email: email.value, displayName: name, passwordHash: hash, role: PlatformRole.member.rawValue,
                    now: now)
                try await user.create(on: db)
                let userID = try user.requireID()
                try await Outbox.enqueue(RegistrationMail(email: email.value, created: true), now: now, on: db)
                try await audit.record(
                    AuditEntry(
                        actor: .user(userID), action: "user.registered", targetType: "user",
                        targetID: userID.uuidString),
                    from: request, at: now, on: db)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Registered a moment ago by a concurrent request: its owner hears of this attempt like any other.
            try await store.transaction { db in
                try await Outbox.enqueue(RegistrationMail(email: email.value, created: false), now: now, on: db)
            }
        }
    }

    public func login(identifier: String?, password: String?, now: Date, request: RequestMetadata) async throws
        -> Components.Schemas.TokenResponse
    {
        let user = try await verifiedUser(identifier: identifier, password: password, now: now, request: request)
        let userID = try user.requireID()
        let refreshToken = try await store.transaction { db in
            let token = try await startSession(for: userID, now: now, request: request, on: db)
            try await audit.record(
                AuditEntry(
                    actor: .user(userID), action: "auth.login.succeeded", targetType: "user",
                    targetID: userID.uuidString),
                from: request, at: now, on: db)
            return token
        }
        return try await tokenResponse(user: user, refreshToken: refreshToken, now: now)
    }

    /// Signs in on the web pages: the same checks, limits and audit as `login`, and a sign-in session of kind `web`
    /// whose opaque token becomes the session cookie: the refresh endpoint refuses it, and signing out, a password change
    /// or an admin's revocation ends it like any other session.
    public func startWebSession(identifier: String?, password: String?, now: Date, request: RequestMetadata)
        async throws -> String
    {
        let user = try await verifiedUser(identifier: identifier, password: password, now: now, request: request)
        let userID = try user.requireID()
        return try await store.transaction { db in
            let token = try await issueRefreshToken(
                userID: userID, familyID: UUID.random(), kind: "web", now: now, request: request, on: db)
            try await audit.record(
                AuditEntry(
                    actor: .user(userID), action: "auth.web.signed_in", targetType: "user",
                    targetID: userID.uuidString),
                from: request, at: now, on: db)
            return token.token
        }
    }

    /// Ends the web session the request came with (its family), not the user's other sign-ins.
    public func endWebSession(_ user: UserIdentity, now: Date, request: RequestMetadata) async throws {
        guard let family = user.sessionID else { return }
        try await store.transaction { db in
            try await RefreshTokenRecord.query(on: db)
                .filter(\.$familyID == family).filter(\.$revokedAt == nil)
                .set(\.$revokedAt, to: now).update()
            try await audit.record(
                AuditEntry(
                    actor: .user(user.id), action: "auth.web.signed_out", targetType: "user",
                    targetID: user.id.uuidString),
                from: request, at: now, on: db)
        }
    }

    /// The account behind a sign-in attempt, after the rate limits, the password check (timed alike whether or not
    /// the account exists) and the failure accounting; a hash from before the keyed pre-hash is replaced.
    private func verifiedUser(identifier: String?, password: String?, now: Date, request: RequestMetadata)
        async throws -> UserRecord
    {
        var problems = FieldProblems()
        problems.require(identifier?.isEmpty == false, "email", "is required")
        problems.require(password?.isEmpty == false, "password", "is required")
        try problems.throwIfAny()
        let email = EmailAddress(identifier ?? "")?.value ?? (identifier ?? "").lowercased()
        // Attempts are limited per address. Failures are counted per account, and per account and address: once an
        // account has had its share of failures, an address that failed on it waits out the window, while one with no
        // failure there may still try, after a delay that grows with the failures. So strangers cannot lock the owner
        // out, and a brute force spread over many addresses slows down.
        try await limiter.consume(settings.attemptLimit.named("login"), keys: ["ip:\(request.limitKey)"], now: now)
        let failures = settings.attemptLimit.named("login-failed")
        let accountFailures = try await limiter.hits(failures, key: "account:\(email)", now: now)
        if failures.isEnabled, accountFailures >= failures.limit {
            if try await limiter.hits(failures, key: "account-address:\(email)|\(request.limitKey)", now: now) > 0 {
                throw HTTPFailure.rateLimited(retryAfterSeconds: Int(failures.window.components.seconds))
            }
            let excess = accountFailures - failures.limit + 1
            try await Task.sleep(for: .milliseconds(min(5000, 100 * excess)))
        }

        let db = store.database()
        let user = try await UserRecord.query(on: db).filter(\.$email == email).first()
        // Verified even when the account does not exist (against a decoy), so timing reveals nothing.
        let check = try await hasher.check(password ?? "", against: user?.passwordHash)
        // An address not verified yet signs in to nothing, and is refused exactly like a wrong password: otherwise
        // registering an address and signing in with one's own password would tell whether it had an account.
        guard check.matches, let user, user.emailVerifiedAt != nil else {
            try await limiter.record(
                failures, keys: ["account:\(email)", "account-address:\(email)|\(request.limitKey)"], now: now)
            try await audit.record(
                AuditEntry(
                    actor: user.map { .user($0.id!) } ?? .anonymous, action: "auth.login.failed", targetType: "user",
                    targetID: user?.id?.uuidString, details: ["email": .string(email)]),
                from: request, at: now, on: db)
            throw AccountsError.invalidCredentials
        }
        // A hash from before the keyed pre-hash is replaced now that the password is known to be right.
        if check == .matchInOldForm {
            user.passwordHash = try await hasher.hash(password ?? "")
            try await user.update(on: db)
        }
        return user
    }

    // MARK: Refresh

    private enum RefreshOutcome {
        case rotated(UserRecord, IssuedRefreshToken)
        case reused
        case invalid
    }

    /// Exchanges a refresh token for a new pair. The old token dies; presenting it again later revokes
    /// its whole family, since only a thief or a replay would hold an exchanged token.
    public func refresh(token: String?, now: Date, request: RequestMetadata) async throws
        -> Components.Schemas.TokenResponse
    {
        guard let token, !token.isEmpty else {
            throw HTTPFailure.validationFailed(FieldProblems("refresh_token", "is required"))
        }
        try await limiter.consume(settings.attemptLimit.named("refresh"), keys: ["ip:\(request.limitKey)"], now: now)
        let hash = OpaqueToken.hash(token)
        let outcome: RefreshOutcome = try await store.transaction { db in
            // The conditional update is the decision: of two concurrent refreshes, exactly one gets the row.
            let sql = db.sql
            let claimed = try await sql.raw(
                """
                UPDATE refresh_tokens SET rotated_at = \(bind: now)
                WHERE token_hash = \(bind: hash) AND rotated_at IS NULL AND revoked_at IS NULL AND expires_at > \(bind: now)
                  AND kind = 'api'
                RETURNING user_id, family_id
                """
            ).first(row: ClaimedRefreshTokenRow.self)
            if let claimed {
                guard let user = try await UserRecord.find(claimed.userId, on: db) else { return .invalid }
                let next = try await issueRefreshToken(
                    userID: claimed.userId, familyID: claimed.familyId, now: now, request: request, on: db)
                // Kept sealed for the grace window: a second tab refreshing with this token gets the same successor.
                try await sql.raw(
                    """
                    UPDATE refresh_tokens SET successor_sealed = \(bind: try await sealSuccessor(next.token))
                    WHERE token_hash = \(bind: hash)
                    """
                ).run()
                return .rotated(user, next)
            }
            guard let known = try await RefreshTokenRecord.query(on: db).filter(\.$tokenHash == hash).first(),
                known.kind == "api", let rotatedAt = known.rotatedAt
            else { return .invalid }
            if known.revokedAt == nil, now.timeIntervalSince(rotatedAt) <= Self.refreshGraceSeconds,
                let sealed = known.successorSealed, let successor = try? await openSuccessor(sealed),
                let live = try await RefreshTokenRecord.query(on: db).filter(
                    \.$tokenHash == OpaqueToken.hash(successor)
                )
                .filter(\.$revokedAt == nil).filter(\.$rotatedAt == nil).first(),
                live.expiresAt > now, let user = try await UserRecord.find(known.userID, on: db)
            {
                return .rotated(user, IssuedRefreshToken(token: successor, familyID: known.familyID))
            }
            try await RefreshTokenRecord.query(on: db)
                .filter(\.$familyID == known.familyID).filter(\.$revokedAt == nil)
                .set(\.$revokedAt, to: now).update()
            try await audit.record(
                AuditEntry(
                    actor: .user(known.userID), action: "auth.refresh.reused", targetType: "session",
                    targetID: known.familyID.uuidString, details: ["familyRevoked": true]),
                from: request, at: now, on: db)
            return .reused
        }
        switch outcome {
        case .rotated(let user, let next): return try await tokenResponse(user: user, refreshToken: next, now: now)
        case .reused: throw AccountsError.refreshTokenReused
        case .invalid: throw AccountsError.invalidRefreshToken
        }
    }

    // MARK: Sign-out and password

    /// Revokes every refresh token of the user: all devices are signed out once their access tokens expire.
    public func logout(user: UserIdentity, now: Date, request: RequestMetadata) async throws {
        try await store.transaction { db in
            try await RefreshTokenRecord.query(on: db)
                .filter(\.$userID == user.id).filter(\.$revokedAt == nil)
                .set(\.$revokedAt, to: now).update()
            try await audit.record(
                AuditEntry(
                    actor: .user(user.id), action: "auth.logout", targetType: "user", targetID: user.id.uuidString),
                from: request, at: now, on: db)
        }
    }

    /// Changes the password after checking the current one, and revokes every other sign-in.
    public func changePassword(
        user: UserIdentity, current: String?, new: String?, now: Date, request: RequestMetadata
    ) async throws {
        var problems = FieldProblems()
        problems.require(current?.isEmpty == false, "currentPassword", "is required")
        problems.require(new != nil, "newPassword", "is required")
        if let new, let problem = PasswordRules.problem(with: new) { problems.add("newPassword", problem) }
        try problems.throwIfAny()
        try await limiter.consume(
            settings.attemptLimit.named("password"), keys: ["ip:\(request.limitKey)", "user:\(user.id)"], now: now)

        let db = store.database()
        guard let record = try await UserRecord.find(user.id, on: db) else { throw AccountsError.invalidCredentials }
        guard try await hasher.verify(current ?? "", against: record.passwordHash) else {
            throw AccountsError.currentPasswordWrong
        }
        let hash = try await hasher.hash(new ?? "")
        try await store.transaction { db in
            record.passwordHash = hash
            record.updatedAt = now
            try await record.update(on: db)
            var others = RefreshTokenRecord.query(on: db).filter(\.$userID == user.id).filter(\.$revokedAt == nil)
            if let session = user.sessionID { others = others.filter(\.$familyID != session) }
            try await others.set(\.$revokedAt, to: now).update()
            // A reset link mailed before is spent too: the password it would replace is gone.
            try await db.sql.raw(
                "UPDATE password_resets SET used_at = \(bind: now) WHERE user_id = \(bind: user.id) AND used_at IS NULL"
            ).run()
            try await audit.record(
                AuditEntry(
                    actor: .user(user.id), action: "auth.password.changed", targetType: "user",
                    targetID: user.id.uuidString),
                from: request, at: now, on: db)
        }
    }

    public func currentUser(_ user: UserIdentity) async throws -> Components.Schemas.User {
        guard let record = try await UserRecord.find(user.id, on: store.database()) else {
            throw HTTPFailure.unauthorized("This account no longer exists.")
        }
        return Components.Schemas.User(record)
    }

    // MARK: Tokens

    /// A refresh token just issued, with the sign-in (family) it belongs to.
    /// How long after a refresh the same token still yields its successor (two tabs refreshing at once).
    static let refreshGraceSeconds: TimeInterval = 10

    private func sealSuccessor(_ token: String) async throws -> String {
        let key = try await hasher.key.derived(for: "refresh-successor")
        return try AES.GCM.seal(Data(token.utf8), using: key).combined!.base64EncodedString()
    }

    private func openSuccessor(_ sealed: String) async throws -> String {
        guard let data = Data(base64Encoded: sealed) else { throw AccountsError.invalidRefreshToken }
        let key = try await hasher.key.derived(for: "refresh-successor")
        return String(decoding: try AES.GCM.open(try AES.GCM.SealedBox(combined: data), using: key), as: UTF8.self)
    }

    private struct IssuedRefreshToken {
        var token: String
        var familyID: UUID
    }

    private func startSession(for userID: UUID, now: Date, request: RequestMetadata, on db: any Database) async throws
        -> IssuedRefreshToken
    {
        try await issueRefreshToken(userID: userID, familyID: UUID.random(), now: now, request: request, on: db)
    }

    private func issueRefreshToken(
        userID: UUID, familyID: UUID, kind: String = "api", now: Date, request: RequestMetadata, on db: any Database
    ) async throws -> IssuedRefreshToken {
        let token = OpaqueToken.generate()
        let expires = now.addingTimeInterval(TimeInterval(settings.refreshLifetime.components.seconds))
        try await RefreshTokenRecord(
            userID: userID, familyID: familyID, tokenHash: OpaqueToken.hash(token), issuedAt: now, expiresAt: expires,
            ip: request.ip, userAgent: request.userAgent, kind: kind
        ).create(on: db)
        return IssuedRefreshToken(token: token, familyID: familyID)
    }

    private func tokenResponse(user: UserRecord, refreshToken: IssuedRefreshToken, now: Date) async throws
        -> Components.Schemas.TokenResponse
    {
        let identity = UserIdentity(
            id: try user.requireID(), role: PlatformRole(rawValue: user.role) ?? .member,
            sessionID: refreshToken.familyID)
        return Components.Schemas.TokenResponse(
            refresh_token: refreshToken.token, tokenType: .bearer, user: Components.Schemas.User(user),
            accessToken: try await tokens.issue(for: identity, now: now), expiresIn: tokens.lifetimeSeconds)
    }
}

/// The sign-in a refresh token belongs to, once the token is exchanged.
private struct ClaimedRefreshTokenRow: Decodable {
    var userId: UUID
    var familyId: UUID
}
