public import Domain
import Foundation
public import HTTPCore
public import Hummingbird

/// `GET /files?key=…&expires=…&signature=…`: a blob of the folder store, for whoever holds a signed URL that has not
/// expired (`FileBlobStore.signedURL`). An S3 store's links go to the bucket instead, so without a folder store every
/// answer is 404. Anything wrong with the link is a plain 404 too: a guesser learns nothing.
public struct SignedFileRoutes: Sendable {
    let store: FileBlobStore?
    let clock: AppClock

    public init(store: FileBlobStore?, clock: AppClock) {
        self.store = store
        self.clock = clock
    }

    public func register(on router: some RouterMethods<AppRequestContext>) {
        router.get("/files") { request, _ in
            let query = request.uri.queryParameters
            guard let store, let key = query.get("key").flatMap({ BlobKey(String($0)) }),
                let expires = query.get("expires").flatMap({ Int($0) }), let signature = query.get("signature"),
                store.verify(key, expires: expires, signature: String(signature), now: clock.now()),
                let blob = try await store.get(key)
            else { throw HTTPFailure.notFound("No such file, or the link has expired.") }
            return Response(
                status: .ok,
                headers: [
                    .contentType: blob.contentType, .cacheControl: "private, max-age=300",
                    .contentSecurityPolicy: "default-src 'none'; sandbox",
                ],
                body: .init(byteBuffer: ByteBuffer(bytes: blob.data)))
        }
    }
}
