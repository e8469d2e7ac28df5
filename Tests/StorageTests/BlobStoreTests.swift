import Accounts
import AsyncHTTPClient
import Domain
import Foundation
import HTTPCore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import TestSupport
import Testing
import WireTypes

@testable import Storage

/// A small valid PNG's first bytes are all the logo check reads; the rest is payload.
let pngBytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0x42, count: 600)

func temporaryFolder() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("blobs-\(UUID().uuidString)")
}

@Suite struct BlobStoreTests {
    @Test func keysCannotClimbOutOfTheStore() {
        #expect(BlobKey("organizations/ab-12/logo-1.png") != nil)
        for bad in [
            "", "../etc/passwd", "a/../b", "a//b", "/abs", "a/.", ".types/a", "a/.hidden", "UPPER", "a b", "a/\u{0}",
        ] {
            #expect(BlobKey(bad) == nil, "\(bad)")
        }
    }

    @Test func aFolderStoreKeepsSignsAndForgets() async throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = FileBlobStore(directory: folder, signingKey: Array(repeating: 7, count: 32))
        let key = BlobKey("organizations/x/logo.png")!
        try await store.put(pngBytes, key: key, contentType: "image/png")
        #expect(try await store.get(key) == StoredBlob(data: pngBytes, contentType: "image/png"))

        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let link = try store.signedURL(key, expiresAt: now.addingTimeInterval(60))
        let components = URLComponents(string: link)!
        let expires = Int(components.queryItems!.first { $0.name == "expires" }!.value!)!
        let signature = components.queryItems!.first { $0.name == "signature" }!.value!
        #expect(components.path == "/files")
        #expect(components.queryItems!.first { $0.name == "key" }?.value == "organizations/x/logo.png")
        #expect(store.verify(key, expires: expires, signature: signature, now: now))
        #expect(!store.verify(key, expires: expires, signature: signature, now: now.addingTimeInterval(61)), "expired")
        #expect(!store.verify(key, expires: expires + 3600, signature: signature, now: now), "expiry moved")
        #expect(!store.verify(BlobKey("organizations/y/logo.png")!, expires: expires, signature: signature, now: now))
        let other = FileBlobStore(directory: folder, signingKey: Array(repeating: 8, count: 32))
        #expect(!other.verify(key, expires: expires, signature: signature, now: now), "another installation's key")

        try await store.delete(key)
        #expect(try await store.get(key) == nil)
        try await store.delete(key)
    }

    /// Owners upload a logo; anyone follows its link to the bytes; others may not change it; non-images are refused.
    @Test(arguments: TestDatabase.all)
    func organizationLogosGoThroughTheBlobStore(_ database: TestDatabase) async throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await withApp(database, configure: { $0.storage.directory = folder.path }) { app in
            let fixture = try await CatalogFixture.make(app)
            let base = "/api/organizations/\(fixture.organization.organizationId)/logo"
            #expect(try await app.client.send(.get, base).status == .notFound)

            var headers = fixture.headers
            headers[.contentType] = "image/png"
            let uploaded = try await app.client.executeRequest(
                uri: base, method: .put, headers: headers, body: ByteBuffer(bytes: pngBytes))
            #expect(uploaded.status == .ok, "\(uploaded.text)")
            #expect(try uploaded.decode(Components.Schemas.Organization.self).logoUrl == base)

            let redirect = try await app.client.send(.get, base)
            #expect(redirect.status == .found)
            let location = try #require(redirect.headers[.location])
            #expect(location.hasPrefix("/files?key=organizations/"))
            let file = try await app.client.send(.get, location)
            #expect(file.status == .ok && file.headers[.contentType] == "image/png")
            #expect(Array(file.body.readableBytesView) == pngBytes)
            // A link whose signature was tampered with, or that has expired, is not found.
            #expect(
                try await app.client.send(.get, location.replacingOccurrences(of: "signature=", with: "signature=x"))
                    .status == .notFound)
            app.clock.advance(by: 3601)
            #expect(try await app.client.send(.get, location).status == .notFound)
            // An hour on, the organizer's access token has expired too: a fresh one.
            let owner = try await app.signIn("organizer@example.org").bearer
            headers[.authorization] = owner[.authorization]

            // Replacing it removes the old file.
            var jpeg = headers
            jpeg[.contentType] = "image/jpeg"
            let replaced = try await app.client.executeRequest(
                uri: base, method: .put, headers: jpeg, body: ByteBuffer(bytes: [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]))
            #expect(replaced.status == .ok)
            let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter {
                $0.contains("logo-") && !$0.hasPrefix(".types")
            }
            #expect(files.count == 1 && files[0].hasSuffix(".jpg"), "\(files)")

            let stranger = try await app.signUp("stranger@example.org")
            var strangerHeaders = stranger.bearer
            strangerHeaders[.contentType] = "image/png"
            #expect(
                try await app.client.executeRequest(
                    uri: base, method: .put, headers: strangerHeaders, body: ByteBuffer(bytes: pngBytes)
                ).status == .forbidden)
            let notImage = try await app.client.executeRequest(
                uri: base, method: .put, headers: headers, body: ByteBuffer(string: "<svg onload=alert(1)>"))
            #expect(notImage.status == .badRequest && notImage.errorCode == "VALIDATION_FAILED")
            var lying = headers
            lying[.contentType] = "image/webp"
            #expect(
                try await app.client.executeRequest(
                    uri: base, method: .put, headers: lying, body: ByteBuffer(bytes: pngBytes)
                ).status == .badRequest)

            #expect(try await app.client.send(.delete, base, headers: owner).status == .noContent)
            #expect(try await app.client.send(.get, base).status == .notFound)
            let left = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.contains("logo-") }
            #expect(left.isEmpty)
        }
    }

    @Test func withoutStorageUploadsAreRefused() async throws {
        try await withApp { app in
            let fixture = try await CatalogFixture.make(app)
            var headers = fixture.headers
            headers[.contentType] = "image/png"
            let response = try await app.client.executeRequest(
                uri: "/api/organizations/\(fixture.organization.organizationId)/logo", method: .put, headers: headers,
                body: ByteBuffer(bytes: pngBytes))
            #expect(response.status == .serviceUnavailable)
        }
    }
}

/// The signer against the worked examples of AWS's documentation ("Signature Calculations for the Authorization
/// Header" and "Query String Authentication" for S3): moto accepts any signature, so these are what prove ours right.
@Suite struct SigV4Tests {
    let settings = S3BlobStore.Settings(
        endpoint: URL(string: "https://examplebucket.s3.amazonaws.com")!, bucket: "examplebucket", region: "us-east-1",
        accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
    let date = Date(timeIntervalSince1970: 1_369_353_600)  // 20130524T000000Z

    @Test func headerSignatureOfAGetWithRange() {
        let signer = SigV4(settings: settings, date: date)
        let empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        let signature = signer.signature(
            method: "GET", path: "/test.txt", query: [],
            headers: [
                ("host", "examplebucket.s3.amazonaws.com"), ("range", "bytes=0-9"), ("x-amz-content-sha256", empty),
                ("x-amz-date", "20130524T000000Z"),
            ], payloadHash: empty)
        #expect(signature == "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
    }

    @Test func anEndpointsPathPrefixIsRequestedAndSigned() throws {
        let prefixed = S3BlobStore(
            settings: .init(
                endpoint: URL(string: "https://gateway.example.org/s3/")!, bucket: "b", region: "us-east-1",
                accessKeyID: "AKID", secretAccessKey: "secret"))
        let key = BlobKey("x/y.png")!
        #expect(prefixed.objectPath(key) == "/s3/b/x/y.png")
        let link = try prefixed.signedURL(key, expiresAt: Date().addingTimeInterval(60))
        #expect(link.hasPrefix("https://gateway.example.org/s3/b/x/y.png?"))
    }

    @Test func presignedGet() {
        let signer = SigV4(settings: settings, date: date)
        let signature = signer.signature(
            method: "GET", path: "/test.txt",
            query: [
                ("X-Amz-Algorithm", "AWS4-HMAC-SHA256"), ("X-Amz-Credential", signer.credential),
                ("X-Amz-Date", signer.amzDate), ("X-Amz-Expires", "86400"), ("X-Amz-SignedHeaders", "host"),
            ], headers: [("host", "examplebucket.s3.amazonaws.com")], payloadHash: "UNSIGNED-PAYLOAD")
        #expect(signature == "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404")
    }
}

/// `S3BlobStore` against moto's S3 server, which nobody here wrote: objects kept, read, deleted; presigned links
/// fetched by a plain HTTP client; a logo uploaded through the app lands in the bucket.
@Suite(.serialized) struct S3BlobStoreLiveTests {
    func store(_ endpoint: URL, bucket: String) -> S3BlobStore {
        S3BlobStore(
            settings: .init(
                endpoint: endpoint, bucket: bucket, region: "eu-central-1", accessKeyID: "AKIDBOXOFFICE",
                secretAccessKey: "boxoffice-secret"))
    }

    @Test func objectsAndPresignedLinks() async throws {
        guard let endpoint = TestPeers.s3URL else {
            #expect(!TestPeers.required, "BOXOFFICE_TEST_S3_URL is required under scripts/test")
            return
        }
        let s3 = store(endpoint, bucket: "boxoffice-\(UUID().uuidString.prefix(8).lowercased())")
        try await s3.createBucketIfMissing()
        let key = BlobKey("organizations/x/logo-1.png")!
        try await s3.put(pngBytes, key: key, contentType: "image/png")
        #expect(try await s3.get(key) == StoredBlob(data: pngBytes, contentType: "image/png"))

        let link = try s3.signedURL(key, expiresAt: Date().addingTimeInterval(300))
        #expect(link.contains("X-Amz-Signature=") && link.contains("X-Amz-Expires=300"))
        let fetched = try await HTTPClient.shared.execute(HTTPClientRequest(url: link), timeout: .seconds(10))
        #expect(fetched.status == .ok)
        #expect(Array(try await fetched.body.collect(upTo: 1 << 20).readableBytesView) == pngBytes)

        try await s3.delete(key)
        #expect(try await s3.get(key) == nil)
    }

    @Test func aLogoLandsInTheBucket() async throws {
        guard let endpoint = TestPeers.s3URL else {
            #expect(!TestPeers.required, "BOXOFFICE_TEST_S3_URL is required under scripts/test")
            return
        }
        let bucket = "logos-\(UUID().uuidString.prefix(8).lowercased())"
        let s3 = store(endpoint, bucket: bucket)
        try await s3.createBucketIfMissing()
        try await withApp(seams: .init(blobs: s3)) { app in
            let fixture = try await CatalogFixture.make(app)
            var headers = fixture.headers
            headers[.contentType] = "image/png"
            let base = "/api/organizations/\(fixture.organization.organizationId)/logo"
            let uploaded = try await app.client.executeRequest(
                uri: base, method: .put, headers: headers, body: ByteBuffer(bytes: pngBytes))
            #expect(uploaded.status == .ok)
            let location = try #require(try await app.client.send(.get, base).headers[.location])
            #expect(location.hasPrefix(endpoint.absoluteString + "/" + bucket + "/organizations/"))
            let fetched = try await HTTPClient.shared.execute(HTTPClientRequest(url: location), timeout: .seconds(10))
            #expect(fetched.status == .ok)
            #expect(fetched.headers.first(name: "content-type") == "image/png")
        }
    }
}
