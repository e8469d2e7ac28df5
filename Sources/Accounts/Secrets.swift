import Crypto
public import FluentKit
import Foundation
import HummingbirdBcrypt
import Identity
import NIOCore
import NIOPosix
public import Persistence
import Synchronization

/// The server-side key passwords are run through before bcrypt: `HMAC-SHA-256(key, password)` in base64 is 44 bytes,
/// so every byte of a password counts (bcrypt reads only the first 72), and a leaked table of hashes cannot be tried
/// without the key. The installation keeps it in the database (made on first need), so restarts and every instance
/// agree; tests may fix one.
public final class PasswordKey: Sendable {
    private let store: DatabaseStore?
    private let cached: Mutex<SymmetricKey?>

    /// The installation's key, kept in the database.
    public init(store: DatabaseStore) {
        self.store = store
        self.cached = Mutex(nil)
    }

    /// A fixed key (tests).
    public init(fixed: Data) {
        self.store = nil
        self.cached = Mutex(SymmetricKey(data: fixed))
    }

    /// A key for another purpose, derived from this one (HKDF-SHA-256), so no key serves two purposes.
    func derived(for purpose: String) async throws -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: try await key(), info: Data(purpose.utf8), outputByteCount: 32)
    }

    func key() async throws -> SymmetricKey {
        if let key = cached.withLock({ $0 }) { return key }
        guard let store else { preconditionFailure("a fixed password key is always cached") }
        let encoded = try await InstallationSecrets.value(
            named: "password_key",
            makeNew: { SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.base64EncodedString() },
            on: store.database())
        guard let data = Data(base64Encoded: encoded), data.count == 32 else {
            throw PasswordKeyUnreadable()
        }
        let key = SymmetricKey(data: data)
        cached.withLock { $0 = key }
        return key
    }
}

struct PasswordKeyUnreadable: Error, CustomStringConvertible {
    var description: String { "the installation's password key in the database is malformed" }
}

/// bcrypt, run off the event loops: at cost 12 one hash takes a few hundred milliseconds of CPU.
///
/// A hash is `$bx1$` followed by bcrypt of the keyed pre-hash (`PasswordKey`); a hash made before the pre-hash
/// (plain bcrypt, `$2…`) still verifies, and the sign-in that verifies it stores the new form.
public struct PasswordHasher: Sendable {
    public let cost: UInt8
    let key: PasswordKey
    /// A real hash of a random password, verified against when the account does not exist, so that a
    /// login for an unknown email costs the same time as one for a known email.
    private let decoy: String

    static let prefix = "$bx1$"

    public init(cost: UInt8, key: PasswordKey) {
        self.cost = cost
        self.key = key
        self.decoy = Bcrypt.hash(OpaqueToken.generate(), cost: cost)
    }

    /// What a verification found.
    public enum Check: Sendable, Equatable {
        case mismatch
        case match
        /// Right, but stored in the old form: store `hash(password)` instead.
        case matchInOldForm

        public var matches: Bool { self != .mismatch }
    }

    public func hash(_ password: String) async throws -> String {
        let cost = self.cost
        let prehashed = try await prehash(password)
        return Self.prefix + (try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(prehashed, cost: cost) })
    }

    /// Constant-time comparison (OpenBSD's bcrypt_checkpass); `hash` nil checks against the decoy and fails.
    public func check(_ password: String, against hash: String?) async throws -> Check {
        let prehashed = try await prehash(password)
        let (candidate, target, oldForm): (String, String, Bool) =
            if let hash, hash.hasPrefix(Self.prefix) {
                (prehashed, String(hash.dropFirst(Self.prefix.count)), false)
            } else if let hash {
                (password, hash, true)
            } else {
                (prehashed, decoy, false)
            }
        let matches = try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(candidate, hash: target) }
        guard matches, hash != nil else { return .mismatch }
        return oldForm ? .matchInOldForm : .match
    }

    /// Whether `password` is the one `hash` stands for.
    public func verify(_ password: String, against hash: String?) async throws -> Bool {
        try await check(password, against: hash).matches
    }

    /// A hash as made before the pre-hash (plain bcrypt), for tests of the upgrade.
    package static func legacyHash(_ password: String, cost: UInt8) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    private func prehash(_ password: String) async throws -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Data(password.utf8), using: try await key.key()))
            .base64EncodedString()
    }
}
