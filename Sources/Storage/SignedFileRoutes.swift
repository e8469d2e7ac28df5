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

extension SignedFileRoutes {
    public static let documentation = APIDocumentation(
        paths: [
            "/files": [
                "get": OpenAPI.operation(
                    "getFile", tag: "Files", summary: "A stored file, by a signed link",
                    description:
                        "Links are made by BoxOffice (an organization's logo redirects to one) and work until `expires`. Only with a folder store (STORAGE_DIR); an S3 store's links go to the bucket.",
                    parameters: [
                        ["name": "key", "in": "query", "required": true, "schema": OpenAPI.string],
                        ["name": "expires", "in": "query", "required": true, "schema": OpenAPI.integer],
                        ["name": "signature", "in": "query", "required": true, "schema": OpenAPI.string],
                    ],
                    responses: [
                        "200": ["description": "The file, with its own Content-Type"],
                        "404": OpenAPI.error("No such file, a wrong signature, or the link has expired"),
                    ])
            ]
        ],
        tags: [["name": "Files", "description": "Stored files behind signed links"]])
}
