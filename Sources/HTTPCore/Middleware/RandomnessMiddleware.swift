public import Domain
public import Hummingbird

/// Every request draws its IDs, tokens and order numbers from the installation's one source of randomness (the
/// composition root's), whichever task the server runs it on; work a request starts (a purchase batch) inherits it.
public struct RandomnessMiddleware<Context: RequestContext>: RouterMiddleware {
    let source: any RandomSource

    public init(source: any RandomSource) {
        self.source = source
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        try await Randomness.$source.withValue(source) {
            try await next(request, context)
        }
    }
}
