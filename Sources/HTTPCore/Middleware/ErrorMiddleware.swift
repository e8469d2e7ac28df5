public import Domain
import Foundation
public import Hummingbird
import Logging
import NIOCore
import NIOHTTP1

/// Renders every error, from any route or from the router itself, as the one error envelope:
/// `{"error":{"code","message","details","timestamp"}}`. Nothing else in the code base formats errors.
public struct ErrorMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext

    let clock: AppClock
    let catalog: RouteCatalog
    let translate: ErrorTranslator
    let statistics: HTTPStatistics?

    /// - Parameter translate: gives meaning to errors of libraries this module does not know (the database's),
    ///   supplied by the composition root.
    /// - Parameter statistics: where clients that went away are counted.
    public init(
        clock: AppClock, catalog: RouteCatalog, translate: @escaping ErrorTranslator = { _ in nil },
        statistics: HTTPStatistics? = nil
    ) {
        self.clock = clock
        self.catalog = catalog
        self.translate = translate
        self.statistics = statistics
    }

    public func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let failure = classify(error, request: request, context: context)
            if failure is ClientGone {
                // Nobody is left to answer: not a server error, and not worth more than a debug line.
                context.logger.debug("client went away", metadata: ["error": "\(error)"])
                statistics?.clientWentAway()
                return ErrorEnvelope.response(for: failure, at: clock.now())
            }
            if failure.status.code >= 500 {
                context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            } else {
                context.logger.debug("request refused", metadata: ["code": "\(failure.code)"])
            }
            return ErrorEnvelope.response(for: failure, at: clock.now())
        }
    }

    /// Maps whatever was thrown to an `APIError`; anything unknown is a 500 whose cause is only logged.
    func classify(_ error: any Error, request: Request, context: Context) -> any APIError {
        switch error {
        case let error as any APIError:
            return error
        case let problems as FieldProblems:
            return HTTPFailure.validationFailed(problems)
        case let error as HTTPError:
            return translate(error, request: request, context: context)
        case let error as any HTTPResponseError:
            return StatusFailure(status: error.status)
        case let error as HTTPParserError where error == .invalidEOFState:
            // The connection ended before the body did: the client went away, it did not send nonsense.
            return ClientGone()
        case let error as HTTPParserError:
            // A body whose framing is broken (a malformed chunk) is the client's mistake.
            return HTTPFailure.badRequest("The request's framing is malformed (\(error)).")
        case let error as ChannelError where [.ioOnClosedChannel, .eof, .alreadyClosed, .inputClosed].contains(error):
            return ClientGone()
        case let error as IOError where [ECONNRESET, EPIPE].contains(error.errnoCode):
            return ClientGone()
        default:
            return translate(error) ?? HTTPFailure.internal
        }
    }

    /// Hummingbird raises `HTTPError` for router misses and body limits; give them our codes.
    private func translate(_ error: HTTPError, request: Request, context: Context) -> any APIError {
        switch error.status {
        case .notFound:
            let allowed = catalog.methods(matching: request.uri.path)
            if !allowed.isEmpty, !allowed.contains(request.method) {
                return HTTPFailure.methodNotAllowed(allowed: allowed)
            }
            return HTTPFailure.notFound(error.body ?? "No resource at \(request.uri.path).")
        case .contentTooLarge:
            return HTTPFailure.payloadTooLarge(limitBytes: context.maxUploadSize)
        case .badRequest:
            return HTTPFailure.badRequest(error.body ?? "The request is malformed.")
        default:
            return StatusFailure(status: error.status)
        }
    }
}

/// Maps an error from a lower layer to what the client should see, or nil to leave it unknown (500).
public typealias ErrorTranslator = @Sendable (any Error) -> (any APIError)?

/// A failure known only by its status, coded from the status class.
struct StatusFailure: APIError {
    let status: HTTPResponse.Status

    var code: String {
        switch status.code {
        case 400: "VALIDATION_FAILED"
        case 401: "UNAUTHORIZED"
        case 403: "FORBIDDEN"
        case 404: "NOT_FOUND"
        case 405: "METHOD_NOT_ALLOWED"
        case 409: "CONFLICT"
        case 413: "PAYLOAD_TOO_LARGE"
        case 415: "UNSUPPORTED_MEDIA_TYPE"
        case 429: "RATE_LIMITED"
        case 500...: "INTERNAL"
        default: "REQUEST_FAILED"
        }
    }

    var message: String { status.reasonPhrase }
}

/// The client closed its connection before its request was read: there is nobody to answer.
struct ClientGone: APIError {
    var code: String { "CLIENT_CLOSED_REQUEST" }
    var status: HTTPResponse.Status { .badRequest }
    var message: String { "The client closed the connection before sending its request." }
    var details: [String: JSONValue] { [:] }
}
