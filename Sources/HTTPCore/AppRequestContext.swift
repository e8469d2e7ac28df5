public import Hummingbird
public import Logging

/// The request context of every BoxOffice route.
///
/// Later features derive child contexts from it (an authenticated user, a kiosk) so that a handler
/// which needs an identity cannot be written without one.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set per request from configuration by `RequestLimitsMiddleware`; Hummingbird's decoders honour it.
    public var maxUploadSize: Int
    /// The request's correlation ID, as sent in `X-Request-ID` or generated; set by `RequestIDMiddleware`.
    public var requestID: String

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.maxUploadSize = RequestLimits.defaultMaxBodyBytes
        self.requestID = ""
    }

    public var requestDecoder: APIRequestDecoder { APIRequestDecoder() }
    public var responseEncoder: APIResponseEncoder { APIResponseEncoder() }
}

public enum RequestLimits {
    public static let defaultMaxBodyBytes = 1 << 20
}
