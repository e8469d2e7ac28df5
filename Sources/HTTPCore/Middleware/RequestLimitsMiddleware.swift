public import Hummingbird

/// Applies the configured body limit: refuses an announced oversized body before reading a byte of it,
/// and hands the limit to the decoders for bodies sent without a length.
public struct RequestLimitsMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext

    let maxBodyBytes: Int

    public init(maxBodyBytes: Int) {
        self.maxBodyBytes = maxBodyBytes
    }

    public func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        context.maxUploadSize = maxBodyBytes
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maxBodyBytes {
            throw HTTPFailure.payloadTooLarge(limitBytes: maxBodyBytes)
        }
        return try await next(request, context)
    }
}
