public import AsyncHTTPClient
import Crypto
public import Foundation
import NIOCore
import NIOHTTP1

/// Blobs in an S3-compatible bucket (AWS, MinIO, moto…), path-style (`<endpoint>/<bucket>/<key>`), every request
/// signed with AWS Signature Version 4 through AsyncHTTPClient; signed URLs are SigV4 presigned GETs, so a browser
/// fetches the blob from the bucket and no instance serves its bytes.
public struct S3BlobStore: BlobStore {
    public struct Settings: Sendable {
        public var endpoint: URL
        public var bucket: String
        public var region: String
        public var accessKeyID: String
        public var secretAccessKey: String

        public init(endpoint: URL, bucket: String, region: String, accessKeyID: String, secretAccessKey: String) {
            self.endpoint = endpoint
            self.bucket = bucket
            self.region = region
            self.accessKeyID = accessKeyID
            self.secretAccessKey = secretAccessKey
        }
    }

    public var kind: String { "s3" }
    let settings: Settings
    let client: HTTPClient
    let now: @Sendable () -> Date

    public init(settings: Settings, client: HTTPClient = .shared, now: @escaping @Sendable () -> Date = { Date() }) {
        self.settings = settings
        self.client = client
        self.now = now
    }

    public func put(_ data: [UInt8], key: BlobKey, contentType: String) async throws {
        let response = try await send(
            .PUT, path: objectPath(key), body: data, headers: [("content-type", contentType)])
        guard (200..<300).contains(response.status) else { throw failure("PUT \(key)", response) }
    }

    public func get(_ key: BlobKey) async throws -> StoredBlob? {
        let response = try await send(.GET, path: objectPath(key))
        if response.status == 404 { return nil }
        guard (200..<300).contains(response.status) else { throw failure("GET \(key)", response) }
        return StoredBlob(data: response.body, contentType: response.contentType ?? "application/octet-stream")
    }

    public func delete(_ key: BlobKey) async throws {
        let response = try await send(.DELETE, path: objectPath(key))
        guard (200..<300).contains(response.status) || response.status == 404 else {
            throw failure("DELETE \(key)", response)
        }
    }

    /// Creates the bucket when it does not exist yet: for a first setup and for tests against a fresh server.
    public func createBucketIfMissing() async throws {
        // Outside us-east-1 the bucket's region is stated in the body.
        let body =
            settings.region == "us-east-1"
            ? []
            : Array(
                """
                <CreateBucketConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">\
                <LocationConstraint>\(settings.region)</LocationConstraint></CreateBucketConfiguration>
                """.utf8)
        let response = try await send(.PUT, path: "\(endpointPath)/\(settings.bucket)", body: body)
        guard (200..<300).contains(response.status) || response.status == 409 else {
            throw failure("create bucket", response)
        }
    }

    public func signedURL(_ key: BlobKey, expiresAt: Date) throws -> String {
        let date = now()
        let seconds = max(1, min(604_800, Int(expiresAt.timeIntervalSince(date).rounded())))
        let signer = SigV4(settings: settings, date: date)
        var query = [
            ("X-Amz-Algorithm", "AWS4-HMAC-SHA256"), ("X-Amz-Credential", signer.credential),
            ("X-Amz-Date", signer.amzDate), ("X-Amz-Expires", String(seconds)), ("X-Amz-SignedHeaders", "host"),
        ]
        let path = objectPath(key)
        let signature = signer.signature(
            method: "GET", path: path, query: query, headers: [("host", hostHeader)], payloadHash: "UNSIGNED-PAYLOAD")
        query.append(("X-Amz-Signature", signature))
        return origin + path + "?" + SigV4.canonicalQuery(query)
    }

    // MARK: - The wire

    var hostHeader: String {
        let host = settings.endpoint.host ?? ""
        return settings.endpoint.port.map { "\(host):\($0)" } ?? host
    }

    /// The object's path as requested and as signed: the endpoint's own path (a gateway may serve S3 under a prefix),
    /// then the bucket and the key.
    func objectPath(_ key: BlobKey) -> String { "\(endpointPath)/\(settings.bucket)/\(key.value)" }

    var endpointPath: String {
        let path = settings.endpoint.path
        return path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    /// The endpoint without its path: requests go to `origin + objectPath`.
    var origin: String {
        let scheme = settings.endpoint.scheme ?? "https"
        return "\(scheme)://\(hostHeader)"
    }

    struct Answer {
        var status: Int
        var body: [UInt8]
        var contentType: String?
    }

    func send(_ method: HTTPMethod, path: String, body: [UInt8] = [], headers extra: [(String, String)] = [])
        async throws -> Answer
    {
        let signer = SigV4(settings: settings, date: now())
        let payloadHash = SHA256.hash(data: body).map { String(format: "%02x", $0) }.joined()
        var headers = [("host", hostHeader), ("x-amz-content-sha256", payloadHash), ("x-amz-date", signer.amzDate)]
        headers += extra.map { ($0.0.lowercased(), $0.1) }
        let signature = signer.signature(
            method: method.rawValue, path: path, query: [], headers: headers, payloadHash: payloadHash)
        let signed = headers.map(\.0).sorted().joined(separator: ";")
        var request = HTTPClientRequest(url: origin + path)
        request.method = method
        for (name, value) in headers where name != "host" { request.headers.add(name: name, value: value) }
        request.headers.add(
            name: "Authorization",
            value: "AWS4-HMAC-SHA256 Credential=\(signer.credential), SignedHeaders=\(signed), Signature=\(signature)")
        if !body.isEmpty || method == .PUT { request.body = .bytes(ByteBuffer(bytes: body)) }
        do {
            let response = try await client.execute(request, timeout: .seconds(30))
            let data = try await response.body.collect(upTo: 64 << 20)
            return Answer(
                status: Int(response.status.code), body: Array(data.readableBytesView),
                contentType: response.headers.first(name: "content-type"))
        } catch {
            throw BlobStoreError.failed("\(method) \(path): \(error)")
        }
    }

    func failure(_ what: String, _ answer: Answer) -> BlobStoreError {
        let text = String(decoding: answer.body.prefix(300), as: UTF8.self)
        return .failed("\(what) answered \(answer.status): \(text)")
    }
}

/// AWS Signature Version 4 for S3: the canonical request, the string to sign, and the derived signing key.
struct SigV4 {
    let settings: S3BlobStore.Settings
    let amzDate: String
    let day: String

    init(settings: S3BlobStore.Settings, date: Date) {
        self.settings = settings
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        self.amzDate = formatter.string(from: date)
        self.day = String(amzDate.prefix(8))
    }

    var scope: String { "\(day)/\(settings.region)/s3/aws4_request" }
    var credential: String { "\(settings.accessKeyID)/\(scope)" }

    func signature(
        method: String, path: String, query: [(String, String)], headers: [(String, String)], payloadHash: String
    )
        -> String
    {
        let sorted = headers.map { ($0.0.lowercased(), $0.1.trimmingCharacters(in: .whitespaces)) }.sorted {
            $0.0 < $1.0
        }
        let headerLines: String = sorted.map { "\($0.0):\($0.1)\n" }.joined()
        let signedNames: String = sorted.map(\.0).joined(separator: ";")
        let parts: [String] = [
            method, Self.encode(path, keepSlash: true), Self.canonicalQuery(query), headerLines, signedNames,
            payloadHash,
        ]
        let canonical = parts.joined(separator: "\n")
        let hashed = SHA256.hash(data: Array(canonical.utf8)).map { String(format: "%02x", $0) }.joined()
        let toSign = "AWS4-HMAC-SHA256\n\(amzDate)\n\(scope)\n\(hashed)"
        var key = SymmetricKey(data: Array("AWS4\(settings.secretAccessKey)".utf8))
        for part in [day, settings.region, "s3", "aws4_request"] {
            key = SymmetricKey(data: Array(HMAC<SHA256>.authenticationCode(for: Array(part.utf8), using: key)))
        }
        return HMAC<SHA256>.authenticationCode(for: Array(toSign.utf8), using: key)
            .map { String(format: "%02x", $0) }.joined()
    }

    static func canonicalQuery(_ pairs: [(String, String)]) -> String {
        let encoded: [(name: String, value: String)] = pairs.map { pair in
            (encode(pair.0, keepSlash: false), encode(pair.1, keepSlash: false))
        }
        let ordered = encoded.sorted { lhs, rhs in lhs.name == rhs.name ? lhs.value < rhs.value : lhs.name < rhs.name }
        return ordered.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
    }

    /// RFC 3986 unreserved characters stay; everything else is percent-encoded (slashes too, except in paths).
    static func encode(_ text: String, keepSlash: Bool) -> String {
        var allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~")
        if keepSlash { allowed.insert("/") }
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
