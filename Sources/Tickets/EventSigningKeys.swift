package import Crypto
import Domain
package import FluentKit
import Foundation
import Identity
import SQLKit

/// Each event's Ed25519 key pair for signed tickets: the public half in the clear (kiosks get it), the private half
/// sealed with the installation's ticket key.
package struct EventSigningKeys: Sendable {
    let keys: TicketKeys

    package init(keys: TicketKeys) {
        self.keys = keys
    }

    /// Makes the event's key pair unless it has one. Safe when two requests race: the first write wins.
    package func ensure(_ eventID: UUID, on db: any Database) async throws {
        let key = Curve25519.Signing.PrivateKey()
        let sealed = try await keys.seal(key.rawRepresentation, on: db)
        try await db.sql.raw(
            """
            UPDATE events SET signing_public_key = \(bind: Base64URL.encode(key.publicKey.rawRepresentation)),
              signing_key_sealed = \(bind: sealed) WHERE id = \(bind: eventID) AND signing_key_sealed IS NULL
            """
        ).run()
    }

    package func privateKey(sealed: String, on db: any Database) async throws -> Curve25519.Signing.PrivateKey {
        try Curve25519.Signing.PrivateKey(rawRepresentation: try await keys.open(sealed, on: db))
    }
}
