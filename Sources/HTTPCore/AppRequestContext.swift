public import Domain
public import Foundation
public import Hummingbird
import Logging

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
    /// Who is asking; set by the authentication middleware from a bearer token.
    public var identity: Principal
    /// The TCP peer's address. The client's own address may differ behind a proxy: see `ClientAddress`.
    public let peerAddress: String?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.maxUploadSize = RequestLimits.defaultMaxBodyBytes
        self.requestID = ""
        self.identity = .anonymous
        self.peerAddress = source.channel.remoteAddress?.ipAddress
    }

    /// The signed-in user, or 401.
    @discardableResult
    public func requireUser() throws -> UserIdentity {
        switch identity {
        case .user(let user): return user
        case .kiosk: throw HTTPFailure.forbidden("A kiosk token can only do check-in work on its own event.")
        case .system: throw HTTPFailure.forbidden("The system does not sign in.")
        case .anonymous:
            throw HTTPFailure.unauthorized("Sign in first: send an access token as `Authorization: Bearer <token>`.")
        }
    }

    public var requestDecoder: APIRequestDecoder { APIRequestDecoder() }
    public var responseEncoder: APIResponseEncoder { APIResponseEncoder() }
}

public enum RequestLimits {
    public static let defaultMaxBodyBytes = 1 << 20
}

extension AppRequestContext {
    /// A UUID path parameter, or 400 naming the parameter.
    public func pathUUID(_ name: String) throws -> UUID {
        guard let raw = parameters.get(name), let id = UUID(uuidString: raw) else {
            throw HTTPFailure.validationFailed(FieldProblems(name, "must be a UUID"))
        }
        return id
    }
}
