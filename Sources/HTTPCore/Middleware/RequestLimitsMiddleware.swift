import Domain
public import Hummingbird

/// Applies the configured body limit: refuses an announced oversized body before reading a byte of it,
/// and hands the limit to the decoders for bodies sent without a length. Refuses query parameters holding control
/// characters, naming them.
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
        var problems = FieldProblems()
        for (name, value) in request.uri.queryParameters
        where ControlCharacters.contains(String(name)) || ControlCharacters.contains(String(value)) {
            problems.add(String(name), ControlCharacters.problem)
        }
        try problems.throwIfAny()
        return try await next(request, context)
    }
}
