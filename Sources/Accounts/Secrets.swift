import Foundation
import HummingbirdBcrypt
import Identity
import NIOCore
import NIOPosix

/// bcrypt, run off the event loops: at cost 12 one hash takes a few hundred milliseconds of CPU.
public struct PasswordHasher: Sendable {
    public let cost: UInt8
    /// A real hash of a random password, verified against when the account does not exist, so that a
    /// login for an unknown email costs the same time as one for a known email.
    private let decoy: String

    public init(cost: UInt8) {
        self.cost = cost
        self.decoy = Bcrypt.hash(OpaqueToken.generate(), cost: cost)
    }

    public func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    /// Constant-time comparison (OpenBSD's bcrypt_checkpass); `hash` nil checks against the decoy and fails.
    public func verify(_ password: String, against hash: String?) async throws -> Bool {
        let target = hash ?? decoy
        let matches = try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: target) }
        return matches && hash != nil
    }
}
