public import Domain
public import FluentKit
import Foundation
import Persistence

/// Kiosk tokens: `kiosk_` followed by 32 random bytes in URL-safe base64. The prefix lets the authentication
/// middleware tell them from access tokens without trying both; only the SHA-256 is stored.
public enum KioskTokens {
    public static let prefix = "kiosk_"

    public static func generate() -> String { prefix + OpaqueToken.generate() }

    public static func isKioskToken(_ token: String) -> Bool { token.hasPrefix(prefix) }

    /// The kiosk a token stands for, if it exists, has not expired at `now` and has not been revoked. Read on every
    /// request, so a revocation takes effect on the kiosk's next request.
    public static func verify(_ token: String, now: Date, on db: any Database) async throws -> KioskIdentity? {
        guard
            let record = try await KioskTokenRecord.query(on: db).filter(\.$tokenHash == OpaqueToken.hash(token))
                .first(),
            record.revokedAt == nil, record.expiresAt > now
        else { return nil }
        return KioskIdentity(
            id: record.id!, eventID: record.eventID, organizationID: record.organizationID,
            stationName: record.stationName,
            canSearch: record.capabilities == "scan_search", expiresAt: record.expiresAt)
    }
}
