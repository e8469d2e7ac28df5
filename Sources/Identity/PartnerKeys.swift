public import Domain
public import FluentKit
import Foundation
import Persistence

/// Partner keys: `pk_` followed by 32 random bytes in URL-safe base64. The prefix lets the authentication middleware
/// tell them from people's and kiosks' tokens; only the SHA-256 is stored.
public enum PartnerKeys {
    public static let prefix = "pk_"

    public static func generate() -> String { prefix + OpaqueToken.generate() }

    public static func isPartnerKey(_ token: String) -> Bool { token.hasPrefix(prefix) }

    /// The partner a key stands for, unless it is unknown or revoked. Read on every request, so a revocation takes
    /// effect on the partner's next request.
    public static func verify(_ key: String, on db: any Database) async throws -> PartnerIdentity? {
        guard
            let record = try await PartnerKeyRecord.query(on: db).filter(\.$keyHash == OpaqueToken.hash(key)).first(),
            record.revokedAt == nil
        else { return nil }
        return PartnerIdentity(keyID: record.id!, organizationID: record.organizationID, name: record.name)
    }
}
