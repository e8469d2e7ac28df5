import HTTPTypes
public import Hummingbird

/// Headers that make browsers treat API responses conservatively.
///
/// A route that serves a page sets its own `Content-Security-Policy`; the strict default applies otherwise. Only an
/// answer whose policy names `frame-ancestors` other than `'none'` (an embed) goes without `X-Frame-Options: DENY`.
public struct SecurityHeadersMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext

    let hsts: Bool

    /// - Parameter hsts: send `Strict-Transport-Security`; only meaningful when clients reach us over TLS.
    public init(hsts: Bool) {
        self.hsts = hsts
    }

    public func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "no-referrer"
        if response.headers[.contentSecurityPolicy] == nil {
            response.headers[.contentSecurityPolicy] = "default-src 'none'; frame-ancestors 'none'"
        }
        // Nothing may frame an answer, except an embed whose policy names the sites allowed to (the embeds surface).
        let policy = response.headers[.contentSecurityPolicy] ?? ""
        if !policy.contains("frame-ancestors") || policy.contains("frame-ancestors 'none'") {
            response.headers[.xFrameOptions] = "DENY"
        }
        if hsts {
            response.headers[.strictTransportSecurity] = "max-age=31536000; includeSubDomains"
        }
        return response
    }
}

extension HTTPField.Name {
    static var xContentTypeOptions: Self { .init("X-Content-Type-Options")! }
    static var xFrameOptions: Self { .init("X-Frame-Options")! }
    static var referrerPolicy: Self { .init("Referrer-Policy")! }
    static var strictTransportSecurity: Self { .init("Strict-Transport-Security")! }
}
