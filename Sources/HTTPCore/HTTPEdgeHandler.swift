public import Domain
import Foundation
import HTTPTypes
public import NIOCore
import NIOHTTP1
public import NIOHTTPTypes
import NIOHTTPTypesHTTP1

/// The connection's own rules, below the router: a request that could not be parsed at all (a bad request line, an
/// unknown method, a head too large) is answered with the one error envelope, a request ID and the security headers,
/// 431 when the head was too large, then the connection is closed; and a request's body must arrive whole within the
/// body deadline (`HTTP_BODY_TIMEOUT`), or the connection is answered 408 and closed, so a client trickling a body a
/// byte at a time cannot hold a connection for ever. (A head that stalls is closed by the idle timeout, which only a
/// whole head or body part resets.) A request that does not keep its connection alive (HTTP/1.0 without
/// `Connection: keep-alive`) has it closed once its answer is written; Hummingbird only closes on `Connection: close`.
public final class HTTPEdgeHandler: ChannelDuplexHandler, RemovableChannelHandler, @unchecked Sendable {
    public typealias InboundIn = HTTPRequestPart
    public typealias InboundOut = HTTPRequestPart
    public typealias OutboundIn = HTTPResponsePart
    public typealias OutboundOut = HTTPResponsePart

    let bodyTimeout: TimeAmount
    let clock: AppClock
    /// A request head arrived and its end has not.
    private var readingRequest = false
    /// A response head went out and its end has not.
    private var responding = false
    private var bodyDeadline: Scheduled<Void>?
    /// Set from the HTTP/1 head, which carries the version the converted request no longer does.
    private let connection = KeepAlive()
    private var closeAfterFlush = false

    public init(bodyTimeout: TimeAmount, clock: AppClock) {
        self.bodyTimeout = bodyTimeout
        self.clock = clock
    }

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            readingRequest = true
            let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            bodyDeadline = context.eventLoop.scheduleTask(in: bodyTimeout) {
                let (handler, context) = loopBound.value
                handler.bodyTooSlow(context: context)
            }
        case .end:
            readingRequest = false
            bodyDeadline?.cancel()
            bodyDeadline = nil
        case .body:
            break
        }
        context.fireChannelRead(data)
    }

    public func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(let head) where head.status.kind != .informational: responding = true
        case .end:
            responding = false
            if !connection.keepAlive { closeAfterFlush = true }
        default: break
        }
        context.write(data, promise: promise)
    }

    public func flush(context: ChannelHandlerContext) {
        context.flush()
        if closeAfterFlush { context.close(promise: nil) }
    }

    public func handlerAdded(context: ChannelHandlerContext) {
        // The version is known only before the HTTP/1 head becomes an `HTTPRequest`: a small reader goes in there.
        if let codec = try? context.pipeline.syncOperations.context(handlerType: HTTP1ToHTTPServerCodec.self) {
            try? context.pipeline.syncOperations.addHandler(
                KeepAliveReader(connection: connection), position: .before(codec.handler))
        }
    }

    public func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // Only a failure with no request being read or answered is ours to answer; one inside a body reaches the
        // handler reading it (and the error envelope through the router).
        guard let parserError = error as? HTTPParserError, !readingRequest, !responding else {
            context.fireErrorCaught(error)
            return
        }
        let tooLarge = parserError == .headerOverflow
        refuse(
            context: context, status: tooLarge ? .requestHeaderFieldsTooLarge : .badRequest,
            failure: tooLarge
                ? EdgeFailure(
                    code: "HEADERS_TOO_LARGE", status: .requestHeaderFieldsTooLarge,
                    message: "The request's head is too large.")
                : EdgeFailure(
                    code: "VALIDATION_FAILED", status: .badRequest,
                    message: "The request could not be read as HTTP (\(parserError))."))
    }

    public func handlerRemoved(context: ChannelHandlerContext) {
        bodyDeadline?.cancel()
    }

    private func bodyTooSlow(context: ChannelHandlerContext) {
        guard readingRequest else { return }
        guard !responding else {
            context.close(promise: nil)
            return
        }
        refuse(
            context: context, status: .requestTimeout,
            failure: EdgeFailure(
                code: "REQUEST_TIMEOUT", status: .requestTimeout,
                message: "The request's body did not arrive in time."))
    }

    /// Writes the envelope with the headers every answer carries, then closes.
    private func refuse(context: ChannelHandlerContext, status: HTTPResponse.Status, failure: EdgeFailure) {
        let body = (try? JSONCoding.encoder.encode(ErrorEnvelope(failure, at: clock.now()))) ?? Data()
        var fields: HTTPFields = [
            .contentType: "application/json; charset=utf-8", .contentLength: String(body.count), .connection: "close",
            .xContentTypeOptions: "nosniff", .referrerPolicy: "no-referrer", .xFrameOptions: "DENY",
            .contentSecurityPolicy: "default-src 'none'; frame-ancestors 'none'", .cacheControl: "no-store",
        ]
        fields[HTTPField.Name("X-Request-ID")!] = UUID.random().uuidString.lowercased()
        responding = true
        context.write(wrapOutboundOut(.head(HTTPResponse(status: status, headerFields: fields))), promise: nil)
        context.write(wrapOutboundOut(.body(ByteBuffer(bytes: body))), promise: nil)
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in bound.value.close(promise: nil) }
    }
}

/// A refusal made at the connection, in the same envelope as every other.
struct EdgeFailure: APIError {
    let code: String
    let status: HTTPResponse.Status
    let message: String
}

/// Whether the current request keeps its connection alive, as its HTTP/1 head says (version and `Connection`).
final class KeepAlive: @unchecked Sendable {
    var keepAlive = true
}

/// Reads the HTTP/1 head before it is converted, for `HTTPEdgeHandler`; passes everything on unchanged.
final class KeepAliveReader: ChannelInboundHandler, RemovableChannelHandler, @unchecked Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    let connection: KeepAlive

    init(connection: KeepAlive) {
        self.connection = connection
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head(let head) = unwrapInboundIn(data) { connection.keepAlive = head.isKeepAlive }
        context.fireChannelRead(data)
    }
}
