public import Foundation

/// Files that outlive a request: uploaded images now, ticket PDFs and exports later. The live store is chosen in the
/// composition root from configuration: a folder (`STORAGE_DIR`) for a laptop or a single server, an S3-compatible
/// bucket (`S3_*`) for several instances. Tests use the same two against a temporary folder and moto's S3 server.
public protocol BlobStore: Sendable {
    /// `file` or `s3`, for `/health` and logs.
    var kind: String { get }
    func put(_ data: [UInt8], key: BlobKey, contentType: String) async throws
    /// Nil when nothing is stored under the key.
    func get(_ key: BlobKey) async throws -> StoredBlob?
    /// Removing what is not there is not an error.
    func delete(_ key: BlobKey) async throws
    /// A URL that lets anyone holding it read the blob until `expiresAt`, and nobody after: a presigned S3 URL, or
    /// for a folder this server's own `/files/…` with an HMAC. Relative (a path) when the server serves it itself.
    func signedURL(_ key: BlobKey, expiresAt: Date) throws -> String
}

public struct StoredBlob: Sendable, Equatable {
    public var data: [UInt8]
    public var contentType: String

    public init(data: [UInt8], contentType: String) {
        self.data = data
        self.contentType = contentType
    }
}

/// A blob's name: lowercase letters, digits and `-_.` in segments separated by `/`, no empty segment and none that
/// starts with a dot (so `..` cannot climb, and the folder store's `.types/` never meets a key), at most 200 characters. Keys are made by BoxOffice (`organizations/<id>/logo-<random>.png`), never taken from a
/// client as they are, so the rule only backs that up: no key can climb out of the store's folder.
public struct BlobKey: Sendable, Hashable, CustomStringConvertible {
    public let value: String

    public init?(_ value: String) {
        let segments = value.split(separator: "/", omittingEmptySubsequences: false)
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-_.")
        guard !value.isEmpty, value.utf8.count <= 200,
            segments.allSatisfy({ !$0.isEmpty && $0.allSatisfy(allowed.contains) && $0.first != "." })
        else { return nil }
        self.value = value
    }

    public var description: String { value }
}

public enum BlobStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The store answered with a failure (an S3 error code, a folder that cannot be written).
    case failed(String)

    public var description: String {
        switch self {
        case .failed(let why): "blob store: \(why)"
        }
    }
}
