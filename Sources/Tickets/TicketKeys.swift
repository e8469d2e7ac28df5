import Crypto
public import FluentKit
import Foundation
import Identity
public import Persistence
import Synchronization

/// The installation's ticket key, and what it protects: each ticket's secret (so the holder can be shown the QR code
/// again while the database keeps only a hash to find it by) and each event's Ed25519 signing key.
///
/// The key comes from `TICKET_SECRET_KEY`; in development, when it is not set, the installation makes one and keeps it
/// in the database, so restarts and a second instance agree.
public final class TicketKeys: Sendable {
    /// A new ticket secret: what goes into the QR code, the hash to find it by, and the sealed copy.
    public struct Issued: Sendable {
        public let secret: String
        public let hash: String
        public let sealed: String
    }

    private let configured: SymmetricKey?
    private let store: DatabaseStore
    private let cached = Mutex<SymmetricKey?>(nil)

    public init(configured: Data?, store: DatabaseStore) {
        self.configured = configured.map { SymmetricKey(data: $0) }
        self.store = store
    }

    /// - Parameter db: the caller's transaction, if it is in one: on SQLite it holds the only connection.
    private func key(on db: (any Database)?) async throws -> SymmetricKey {
        if let configured { return configured }
        if let key = cached.withLock({ $0 }) { return key }
        let encoded = try await InstallationSecrets.value(
            named: "ticket_key",
            makeNew: { SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.base64EncodedString() },
            on: db ?? store.database())
        guard let data = Data(base64Encoded: encoded), data.count == 32 else { throw DatabaseUnavailableKey() }
        let key = SymmetricKey(data: data)
        cached.withLock { $0 = key }
        return key
    }

    public func issue(on db: (any Database)? = nil) async throws -> Issued {
        let secret = OpaqueToken.generate()
        return Issued(secret: secret, hash: OpaqueToken.hash(secret), sealed: try await seal(Data(secret.utf8), on: db))
    }

    /// One new secret per ticket of an order.
    public func issue(count: Int, on db: (any Database)? = nil) async throws -> [Issued] {
        var issued: [Issued] = []
        for _ in 0..<count { issued.append(try await issue(on: db)) }
        return issued
    }

    public func seal(_ plain: Data, on db: (any Database)? = nil) async throws -> String {
        try AES.GCM.seal(plain, using: try await key(on: db)).combined!.base64EncodedString()
    }

    public func open(_ sealed: String, on db: (any Database)? = nil) async throws -> Data {
        guard let combined = Data(base64Encoded: sealed) else { throw SealedValueUnreadable() }
        do {
            return try AES.GCM.open(try AES.GCM.SealedBox(combined: combined), using: try await key(on: db))
        } catch {
            throw SealedValueUnreadable()
        }
    }
}

/// A sealed value that the configured ticket key cannot open: the key was changed without re-sealing.
public struct SealedValueUnreadable: Error, CustomStringConvertible {
    public var description: String { "a sealed ticket value cannot be opened with the configured TICKET_SECRET_KEY" }
}

struct DatabaseUnavailableKey: Error, CustomStringConvertible {
    var description: String { "the installation's ticket key in the database is malformed" }
}
