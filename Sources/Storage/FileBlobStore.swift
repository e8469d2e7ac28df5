import Crypto
public import Foundation

/// Blobs as files in a folder: `<key>` holds the bytes, `.types/<key>` the content type (no key starts a segment
/// with a dot, so the two never meet). Signed URLs point at this
/// server's `GET /files?key=<key>&expires=…&signature=…`, whose HMAC (SHA-256, with the installation's key) this store
/// also checks, so a URL is good on every instance that shares the folder and the key.
public struct FileBlobStore: BlobStore {
    public let directory: URL
    private let signingKey: SymmetricKey
    public var kind: String { "file" }

    public init(directory: URL, signingKey: [UInt8]) {
        self.directory = directory
        self.signingKey = SymmetricKey(data: signingKey)
    }

    private func path(_ key: BlobKey) -> URL { directory.appendingPathComponent(key.value) }
    private func typePath(_ key: BlobKey) -> URL { directory.appendingPathComponent(".types/\(key.value)") }

    public func put(_ data: [UInt8], key: BlobKey, contentType: String) async throws {
        let file = path(key)
        do {
            for folder in [file, typePath(key)].map({ $0.deletingLastPathComponent() }) {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            }
            try Data(contentType.utf8).write(to: typePath(key), options: .atomic)
            try Data(data).write(to: file, options: .atomic)
        } catch {
            throw BlobStoreError.failed("cannot write \(key): \(error.localizedDescription)")
        }
    }

    public func get(_ key: BlobKey) async throws -> StoredBlob? {
        let file = path(key)
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        let type = FileManager.default.contents(atPath: typePath(key).path)
            .map { String(decoding: $0, as: UTF8.self) }
        return StoredBlob(data: Array(data), contentType: type ?? "application/octet-stream")
    }

    public func delete(_ key: BlobKey) async throws {
        let file = path(key)
        for url in [file, typePath(key)] where FileManager.default.fileExists(atPath: url.path) {
            do { try FileManager.default.removeItem(at: url) } catch {
                throw BlobStoreError.failed("cannot delete \(key): \(error.localizedDescription)")
            }
        }
    }

    public func signedURL(_ key: BlobKey, expiresAt: Date) throws -> String {
        let expires = Int(expiresAt.timeIntervalSince1970)
        return "/files?key=\(key.value)&expires=\(expires)&signature=\(signature(key, expires: expires))"
    }

    /// True when `signature` is this store's for the key and `expires` has not passed.
    public func verify(_ key: BlobKey, expires: Int, signature given: String, now: Date) -> Bool {
        guard Double(expires) >= now.timeIntervalSince1970 else { return false }
        let expected = Array(signature(key, expires: expires).utf8)
        let actual = Array(given.utf8)
        guard expected.count == actual.count else { return false }
        return zip(expected, actual).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    private func signature(_ key: BlobKey, expires: Int) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Array("\(key.value)\n\(expires)".utf8), using: signingKey)
        return Data(code).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
