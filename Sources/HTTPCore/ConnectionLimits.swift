public import HummingbirdCore
public import Logging
public import NIOCore
public import NIOHTTPTypes
import Synchronization

/// The connections open now, shared by every connection of the server, and the two rules of the door:
///
/// - one peer (an IPv4 address, or an IPv6 network as `AddressKeying` keys it) holds at most `perPeer` connections, so
///   one host that opens connections and sends nothing cannot take all the server's sockets;
/// - past `sheddingThreshold` connections in all (80% of `MAX_CONNECTIONS`), each new connection makes room by closing
///   the connection that has been idle longest (no request being read or answered), so silent sockets from many
///   addresses cannot fill the cap and leave new clients, and `/health`, waiting behind them in the listen backlog.
///   A connection with a request in progress is never closed for room; only busy connections can fill the cap.
public final class PeerConnections: Sendable {
    public let perPeer: Int
    /// Connections open past which the longest-idle ones are closed for new ones (0: never).
    public let sheddingThreshold: Int
    public let keying: AddressKeying
    private let state = Mutex(State())
    private let logger: Logger

    /// One open connection: whom it counts for, since when it has been idle (nil while a request is in progress), and
    /// how to close it.
    struct Entry {
        let peer: String
        var idleSince: UInt64?
        let close: @Sendable () -> Void
    }

    struct State {
        var byPeer: [String: Int] = [:]
        var open: [UInt64: Entry] = [:]
        /// Connections in the order they went idle, oldest first; an element is stale once its connection closed or
        /// went busy (its `idleSince` no longer matches), and is skipped.
        var idleOrder: [(id: UInt64, since: UInt64)] = []
        var idleHead = 0
        var nextID: UInt64 = 0
        var clock: UInt64 = 0
        var shedding = false
        var shed = 0

        mutating func markIdle(_ id: UInt64) {
            clock += 1
            open[id]?.idleSince = clock
            idleOrder.append((id, clock))
            // Keep the queue from growing with stale elements: at most about twice the open connections.
            if idleOrder.count - idleHead > 2 * open.count + 64 {
                idleOrder = idleOrder[idleHead...].filter { open[$0.id]?.idleSince == $0.since }
                idleHead = 0
            }
        }

        /// Removes and returns the connection idle longest, other than `sparing`.
        mutating func popOldestIdle(sparing: UInt64) -> Entry? {
            while idleHead < idleOrder.count {
                let (id, since) = idleOrder[idleHead]
                guard id != sparing else { return nil }
                idleHead += 1
                if let entry = open[id], entry.idleSince == since {
                    remove(id)
                    return entry
                }
            }
            return nil
        }

        @discardableResult
        mutating func remove(_ id: UInt64) -> Bool {
            guard let entry = open.removeValue(forKey: id) else { return false }
            let left = byPeer[entry.peer, default: 1] - 1
            byPeer[entry.peer] = left > 0 ? left : nil
            if idleHead > 1024, idleHead * 2 > idleOrder.count {
                idleOrder.removeFirst(idleHead)
                idleHead = 0
            }
            return true
        }
    }

    public init(perPeer: Int, sheddingThreshold: Int = 0, keying: AddressKeying = AddressKeying(), logger: Logger) {
        self.perPeer = perPeer
        self.sheddingThreshold = sheddingThreshold
        self.keying = keying
        self.logger = logger
    }

    /// The threshold for a cap of `maxConnections`: 80% of it.
    public static func sheddingThreshold(maxConnections: Int) -> Int { max(1, maxConnections * 4 / 5) }

    /// Counts a new connection from `address` (idle until its first request); nil (and not counted) when its peer is
    /// at its limit. Past the shedding threshold, closes the connections idle longest to make room.
    func admit(_ address: String, close: @escaping @Sendable () -> Void) -> UInt64? {
        let peer = keying.key(address)
        let (id, victims, startedShedding) = state.withLock { state -> (UInt64?, [Entry], Bool) in
            let current = state.byPeer[peer, default: 0]
            guard perPeer == 0 || current < perPeer else { return (nil, [], false) }
            state.nextID += 1
            let id = state.nextID
            state.byPeer[peer] = current + 1
            state.open[id] = Entry(peer: peer, idleSince: nil, close: close)
            state.markIdle(id)
            var victims: [Entry] = []
            if sheddingThreshold > 0 {
                while state.open.count > sheddingThreshold, let victim = state.popOldestIdle(sparing: id) {
                    victims.append(victim)
                }
            }
            state.shed += victims.count
            let started = !victims.isEmpty && !state.shedding
            if !victims.isEmpty { state.shedding = true }
            return (id, victims, started)
        }
        guard let id else {
            logger.notice(
                "connection refused: the peer is at its limit", metadata: ["peer": "\(peer)", "limit": "\(perPeer)"])
            return nil
        }
        if startedShedding {
            logger.warning(
                "connections past the shedding threshold: closing the longest idle ones for new ones",
                metadata: ["threshold": "\(sheddingThreshold)"])
        }
        for victim in victims { victim.close() }
        return id
    }

    /// The connection started a request: it is not closed for room until it is idle again.
    func busy(_ id: UInt64) {
        state.withLock { $0.open[id]?.idleSince = nil }
    }

    /// The connection finished its requests and waits for another.
    func idle(_ id: UInt64) {
        state.withLock { state in
            guard state.open[id] != nil, state.open[id]?.idleSince == nil else { return }
            state.markIdle(id)
        }
    }

    func release(_ id: UInt64) {
        let calmed = state.withLock { state -> Bool in
            guard state.remove(id), state.shedding, state.open.count < sheddingThreshold * 9 / 10 else { return false }
            state.shedding = false
            return true
        }
        if calmed { logger.notice("connections back below the shedding threshold") }
    }

    /// Connections open now, in all.
    public var total: Int { state.withLock { $0.open.count } }

    /// Idle connections closed to make room for new ones, since the start.
    public var shedCount: Int { state.withLock { $0.shed } }
}

/// Counts each connection with `PeerConnections`: closes it at once when its peer already holds as many as it may, and
/// tells when a request is in progress on it (a head read, its answer not yet ended), so that only idle connections
/// are closed to make room.
public final class PeerConnectionLimitHandler: ChannelDuplexHandler, RemovableChannelHandler, @unchecked Sendable {
    public typealias InboundIn = HTTPRequestPart
    public typealias InboundOut = HTTPRequestPart
    public typealias OutboundIn = HTTPResponsePart
    public typealias OutboundOut = HTTPResponsePart

    let connections: PeerConnections
    private var id: UInt64?
    /// Requests whose head arrived and whose answer has not ended (more than one when pipelined).
    private var inProgress = 0

    public init(connections: PeerConnections) {
        self.connections = connections
    }

    public func handlerAdded(context: ChannelHandlerContext) {
        let address = context.channel.remoteAddress?.ipAddress ?? "unknown"
        let channel = context.channel
        if let id = connections.admit(address, close: { channel.close(promise: nil) }) {
            self.id = id
        } else {
            context.close(promise: nil)
        }
    }

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) {
            inProgress += 1
            if inProgress == 1, let id { connections.busy(id) }
        }
        context.fireChannelRead(data)
    }

    public func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data), inProgress > 0 {
            inProgress -= 1
            if inProgress == 0, let id { connections.idle(id) }
        }
        context.write(data, promise: promise)
    }

    public func handlerRemoved(context: ChannelHandlerContext) {
        if let id { connections.release(id) }
        id = nil
    }

    public func channelInactive(context: ChannelHandlerContext) {
        if let id { connections.release(id) }
        id = nil
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
