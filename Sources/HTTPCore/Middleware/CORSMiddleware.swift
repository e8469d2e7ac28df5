public import Hummingbird

/// Cross-origin access for the configured list of origins, and for no others.
///
/// Hummingbird's own CORS middleware takes a fixed, variadic origin list; ours takes the list read from
/// configuration. An origin not on the list gets no CORS headers, so the browser blocks the response.
public struct AllowedOriginsCORSMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext

    let origins: Set<String>
    /// What a browser client on an allowed origin may send: a widget keeps its cart with `X-Cart-Token` and reads a
    /// guest order with `X-Order-Token`.
    let allowHeaders = "Accept, Authorization, Content-Type, Idempotency-Key, X-Cart-Token, X-Order-Token, X-Request-ID"
    let allowMethods = "GET, POST, PUT, PATCH, DELETE, OPTIONS"
    /// What it may read back.
    let exposeHeaders = "X-Request-ID, Retry-After, Location, Allow"

    public init(origins: [String]) {
        self.origins = Set(origins)
    }

    public func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let origin = request.headers[.origin], origins.contains(origin) || origins.contains("*") else {
            return try await next(request, context)
        }
        let allowOrigin = origins.contains("*") ? "*" : origin
        if request.method == .options, request.headers[.accessControlRequestMethod] != nil {
            return Response(
                status: .noContent,
                headers: [
                    .accessControlAllowOrigin: allowOrigin,
                    .accessControlAllowHeaders: allowHeaders,
                    .accessControlAllowMethods: allowMethods,
                    .accessControlMaxAge: "600",
                    .vary: "Origin",
                ]
            )
        }
        var response = try await next(request, context)
        response.headers[.accessControlAllowOrigin] = allowOrigin
        response.headers[.accessControlExposeHeaders] = exposeHeaders
        response.headers[values: .vary].append("Origin")
        return response
    }
}
