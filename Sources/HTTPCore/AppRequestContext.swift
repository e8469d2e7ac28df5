public import Domain
public import Foundation
public import Hummingbird
import Logging

/// What every BoxOffice request context carries, on whichever surface: the request's ID, the TCP peer, and who
/// is asking.
public protocol APIRequestContext: RequestContext {
    var requestID: String { get }
    var peerAddress: String? { get }
    var identity: Principal { get }
}

extension APIRequestContext {
    /// Every surface reads and writes JSON the API's one way.
    public var requestDecoder: APIRequestDecoder { APIRequestDecoder() }
    public var responseEncoder: APIResponseEncoder { APIResponseEncoder() }
}

/// The request context of the public surface, and the parent of every other: each kind of caller has a child
/// context of its own (`UserRequestContext` for the signed-in API, `KioskRequestContext` for door kiosks), made
/// after authentication, so a handler that needs an identity cannot be written without one.
public struct AppRequestContext: APIRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set per request from configuration by `RequestLimitsMiddleware`; Hummingbird's decoders honour it.
    public var maxUploadSize: Int
    /// The request's correlation ID, as sent in `X-Request-ID` or generated; set by `RequestIDMiddleware`.
    public var requestID: String
    /// Who is asking; set by the authentication middleware from a bearer token.
    public var identity: Principal
    /// The TCP peer's address. The client's own address may differ behind a proxy: see `ClientAddress`.
    public let peerAddress: String?
    /// On the web pages, the token every form must send back (`_csrf`); set by the pages' middleware.
    public var csrfToken: String?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.maxUploadSize = RequestLimits.defaultMaxBodyBytes
        self.requestID = ""
        self.identity = .anonymous
        self.peerAddress = source.channel.remoteAddress?.ipAddress
    }

}

public enum RequestLimits {
    public static let defaultMaxBodyBytes = 1 << 20
}

extension RequestContext {
    /// A UUID path parameter, checked as the API document describes it (`format: uuid`), or 400 naming it. A
    /// parameter the document does not describe for this path is this server's defect (500, logged).
    public func pathUUID(_ name: String) throws -> UUID {
        let raw = try pathString(name)
        guard let id = UUID(uuidString: raw) else {
            throw HTTPFailure.validationFailed(FieldProblems(name, "must be a UUID"))
        }
        return id
    }

    /// A path parameter's text (a session's code `S1`, a template's name), checked as the API document describes it
    /// (pattern, length, enumeration), or 400 naming it. A parameter the document does not describe for this path is
    /// this server's defect (500, logged).
    public func pathString(_ name: String) throws -> String {
        let raw = parameters.get(name) ?? ""
        guard let path = endpointPath, let schema = APIContract.shared.pathParameter(name, path: path) else {
            throw UndocumentedParameters(names: [name])
        }
        let problems = APIContract.shared.problems(ofParameter: name, raw: raw, schema: schema)
        guard problems.isEmpty else { throw HTTPFailure.validationFailed(problems) }
        return raw
    }
}
