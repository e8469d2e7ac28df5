import Foundation
import NIOCore
import NIOPosix

/// Sends `bytes` as they are over one TCP connection and returns what the server answers until it closes the
/// connection or `timeout` passes: for requests no well-behaved client would build (broken framing, odd versions).
public func rawHTTP(port: Int, _ bytes: String, timeout: Duration = .seconds(5)) async throws -> String {
    final class Collector: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = ByteBuffer
        var received = ""
        let done: EventLoopPromise<String>
        init(done: EventLoopPromise<String>) { self.done = done }
        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var buffer = unwrapInboundIn(data)
            received += buffer.readString(length: buffer.readableBytes) ?? ""
        }
        func channelInactive(context: ChannelHandlerContext) { done.succeed(received) }
        func errorCaught(context: ChannelHandlerContext, error: any Error) { context.close(promise: nil) }
    }
    let loop = MultiThreadedEventLoopGroup.singleton.next()
    let done = loop.makePromise(of: String.self)
    let collector = Collector(done: done)
    let channel = try await ClientBootstrap(group: loop)
        .channelInitializer { channel in
            channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(collector) }
        }
        .connect(host: "127.0.0.1", port: port).get()
    try await channel.writeAndFlush(ByteBuffer(string: bytes)).get()
    let timer = loop.scheduleTask(in: .milliseconds(Int64(timeout.components.seconds * 1000))) {
        channel.close(promise: nil)
    }
    let answer = try await done.futureResult.get()
    timer.cancel()
    return answer
}

/// A connection that sends nothing, from `localAddress` (another loopback address stands for another host); returns
/// its channel, whose `closeFuture` tells when the server closed it.
public func silentConnection(port: Int, from localAddress: String) async throws -> any Channel {
    try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        .bind(to: try SocketAddress(ipAddress: localAddress, port: 0))
        .connect(host: "127.0.0.1", port: port).get()
}
