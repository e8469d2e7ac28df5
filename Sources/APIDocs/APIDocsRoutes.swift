import Foundation
public import HTTPCore
public import Hummingbird

/// Serves the API document at `/openapi.json` and a reader for it at `/docs` that needs no network:
/// the page and its script are served from here, with no CDN.
public struct APIDocsRoutes: Sendable {
    let document: ByteBuffer

    public init(document: JSONValue) {
        let data = (try? JSONCoding.encoder.encode(document)) ?? Data()
        self.document = ByteBuffer(bytes: data)
    }

    public func register(on router: some RouterMethods<AppRequestContext>) {
        let document = self.document
        router.get("/openapi.json") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "application/json; charset=utf-8"],
                body: .init(byteBuffer: document)
            )
        }
        router.get("/docs") { _, _ in Self.asset(DocsPage.html, type: "text/html; charset=utf-8") }
        router.get("/docs/docs.js") { _, _ in Self.asset(DocsPage.script, type: "text/javascript; charset=utf-8") }
        router.get("/docs/docs.css") { _, _ in Self.asset(DocsPage.style, type: "text/css; charset=utf-8") }
    }

    private static func asset(_ text: String, type: String) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: type,
                // Only our own script and style, and only our own document may be fetched.
                .contentSecurityPolicy:
                    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; frame-ancestors 'none'",
                .cacheControl: "no-cache",
            ],
            body: .init(byteBuffer: ByteBuffer(string: text))
        )
    }
}
