import Crypto
import Foundation
import NIOCore
import NIOPosix
import HummingbirdBcrypt

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

/// Opaque secrets (refresh tokens): 32 random bytes, URL-safe base64; only their SHA-256 is stored.
public enum OpaqueToken {
    public static func generate() -> String {
        let key = SymmetricKey(size: .bits256)
        return key.withUnsafeBytes { Data($0) }.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    public static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
