public import HummingbirdCore
public import Logging
public import NIOCore
import Synchronization

/// How many connections each peer address holds open, shared by every connection of the server: one host that opens
/// connections and sends nothing cannot take all the server's sockets, so others (and `/health`) still get in.
public final class PeerConnections: Sendable {
    public let perPeer: Int
    private let open = Mutex<[String: Int]>([:])
    private let logger: Logger

    public init(perPeer: Int, logger: Logger) {
        self.perPeer = perPeer
        self.logger = logger
    }

    /// Counts a new connection from `peer`; false (and not counted) when the peer is at its limit.
    func admit(_ peer: String) -> Bool {
        let admitted = open.withLock { open -> Bool in
            let current = open[peer, default: 0]
            guard perPeer == 0 || current < perPeer else { return false }
            open[peer] = current + 1
            return true
        }
        if !admitted {
            logger.notice(
                "connection refused: the peer is at its limit", metadata: ["peer": "\(peer)", "limit": "\(perPeer)"])
        }
        return admitted
    }

    func release(_ peer: String) {
        open.withLock { open in
            let left = open[peer, default: 1] - 1
            open[peer] = left > 0 ? left : nil
        }
    }

    /// Connections open now, in all.
    public var total: Int { open.withLock { $0.values.reduce(0, +) } }
}

/// Closes a connection at once when its peer already holds as many as it may (`PeerConnections`).
public final class PeerConnectionLimitHandler: ChannelInboundHandler, RemovableChannelHandler, @unchecked Sendable {
    public typealias InboundIn = NIOAny

    let connections: PeerConnections
    private var peer: String?

    public init(connections: PeerConnections) {
        self.connections = connections
    }

    public func handlerAdded(context: ChannelHandlerContext) {
        let address = context.channel.remoteAddress?.ipAddress ?? "unknown"
        if connections.admit(address) {
            peer = address
        } else {
            context.close(promise: nil)
        }
    }

    public func handlerRemoved(context: ChannelHandlerContext) {
        if let peer { connections.release(peer) }
        peer = nil
    }

    public func channelInactive(context: ChannelHandlerContext) {
        if let peer { connections.release(peer) }
        peer = nil
        context.fireChannelInactive()
    }
}

/// What the HTTP edge counts for `/health`: the connections open now, the limits, and the clients that went away
/// before their request was read (told apart from server errors).
public final class HTTPStatistics: Sendable {
    public let connections: PeerConnections
    public let maxConnections: Int
    private let gone = Mutex(0)

    public init(connections: PeerConnections, maxConnections: Int) {
        self.connections = connections
        self.maxConnections = maxConnections
    }

    func clientWentAway() { gone.withLock { $0 += 1 } }

    public var clientsGone: Int { gone.withLock { $0 } }
}

/// The cap on connections open at once, in all (`MAX_CONNECTIONS`): past it new connections wait in the listen backlog.
/// Reaching it is logged (a warning, once each time), and so is leaving it, so an operator sees a flood as it happens.
public struct LoggedConnectionCap: AvailableConnectionsDelegate {
    let maximum: Int
    let logger: Logger
    var open = 0
    var atCap = false

    public init(_ maximum: Int, logger: Logger) {
        self.maximum = maximum
        self.logger = logger
    }

    public mutating func connectionOpened() {
        open += 1
        if open >= maximum, !atCap {
            atCap = true
            logger.warning(
                "connection cap reached: new connections wait until one closes",
                metadata: ["open": "\(open)", "max": "\(maximum)"])
        }
    }

    public mutating func connectionClosed() {
        open -= 1
        if atCap, open < maximum {
            atCap = false
            logger.notice("connection cap left", metadata: ["open": "\(open)", "max": "\(maximum)"])
        }
    }

    public func isAcceptingNewConnections() -> Bool { open < maximum }
}
