public import Domain
public import Foundation
import JWTKit

/// How access tokens are signed and checked.
public struct AccessTokenSettings: Sendable {
    /// The current signing secret (HS256) and its key ID, written into each token's header.
    public var secret: String
    public var keyID: String
    /// Earlier keys still accepted for verification while tokens signed with them are alive (rotation).
    public var previousKeys: [String: String]
    public var issuer: String
    public var audience: String
    public var lifetime: Duration

    public init(
        secret: String, keyID: String = "primary", previousKeys: [String: String] = [:],
        issuer: String = "boxoffice", audience: String = "boxoffice-api", lifetime: Duration = .seconds(900)
    ) {
        self.secret = secret
        self.keyID = keyID
        self.previousKeys = previousKeys
        self.issuer = issuer
        self.audience = audience
        self.lifetime = lifetime
    }
}

/// Issues and verifies the short-lived JWTs that prove who a request comes from.
///
/// Verification is stateless: no database read per request. A revoked session's access tokens
/// therefore live until they expire, at most `lifetime` (15 minutes by default); refresh tokens,
/// checked in the database, are what revocation cuts.
public struct AccessTokens: Sendable {
    let settings: AccessTokenSettings
    private let keys: JWTKeyCollection

    public init(settings: AccessTokenSettings) async {
        self.settings = settings
        let keys = JWTKeyCollection()
        await keys.add(
            hmac: HMACKey(from: settings.secret), digestAlgorithm: .sha256, kid: JWKIdentifier(string: settings.keyID))
        for (keyID, secret) in settings.previousKeys {
            await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256, kid: JWKIdentifier(string: keyID))
        }
        self.keys = keys
    }

    public var lifetimeSeconds: Int { Int(settings.lifetime.components.seconds) }

    public func issue(for user: UserIdentity, now: Date) async throws -> String {
        let payload = AccessTokenPayload(
            subject: .init(value: user.id.uuidString),
            issuer: .init(value: settings.issuer),
            audience: .init(value: settings.audience),
            issuedAt: .init(value: now),
            expiration: .init(value: now.addingTimeInterval(TimeInterval(lifetimeSeconds))),
            role: user.role.rawValue,
            session: user.sessionID?.uuidString
        )
        return try await keys.sign(payload, kid: JWKIdentifier(string: settings.keyID))
    }

    /// The identity a token proves at `now`; throws `InvalidAccessToken` for anything else, including a
    /// bad signature, an unknown key, `alg: none`, a wrong issuer or audience, and expiry.
    public func verify(_ token: String, now: Date) async throws(InvalidAccessToken) -> UserIdentity {
        // jwt-kit falls back to its default key when a token's `kid` names none of ours; a token must name one of ours.
        guard let kid = Self.keyID(of: token), kid == settings.keyID || settings.previousKeys[kid] != nil else {
            throw InvalidAccessToken(reason: "unknown key ID")
        }
        let payload: AccessTokenPayload
        do {
            payload = try await keys.verify(token, as: AccessTokenPayload.self)
        } catch {
            throw InvalidAccessToken(reason: "signature or format")
        }
        guard payload.issuer.value == settings.issuer else { throw InvalidAccessToken(reason: "issuer") }
        guard payload.audience.value.contains(settings.audience) else { throw InvalidAccessToken(reason: "audience") }
        guard payload.expiration.value > now else { throw InvalidAccessToken(reason: "expired") }
        guard let id = UUID(uuidString: payload.subject.value), let role = PlatformRole(rawValue: payload.role) else {
            throw InvalidAccessToken(reason: "claims")
        }
        return UserIdentity(id: id, role: role, sessionID: payload.session.flatMap(UUID.init(uuidString:)))
    }
}

extension AccessTokens {
    /// The `kid` of a compact JWS's header, if it has one.
    static func keyID(of token: String) -> String? {
        guard let encoded = token.split(separator: ".", maxSplits: 1).first, encoded.count <= 4096 else { return nil }
        var base64 = encoded.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64),
            let header = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        return header["kid"] as? String
    }
}

public struct InvalidAccessToken: Error, Sendable {
    public let reason: String
}

struct AccessTokenPayload: JWTPayload {
    enum CodingKeys: String, CodingKey {
        case subject = "sub"
        case issuer = "iss"
        case audience = "aud"
        case issuedAt = "iat"
        case expiration = "exp"
        case role
        case session = "sid"
    }

    var subject: SubjectClaim
    var issuer: IssuerClaim
    var audience: AudienceClaim
    var issuedAt: IssuedAtClaim
    var expiration: ExpirationClaim
    /// The platform role when the token was issued.
    var role: String
    /// The refresh-token family this sign-in belongs to.
    var session: String?

    /// Time-based checks happen in `AccessTokens.verify`, against the injected clock.
    func verify(using algorithm: some JWTAlgorithm) throws {}
}
