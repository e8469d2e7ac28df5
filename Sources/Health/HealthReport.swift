/// The body of `GET /health`: `status`, `version`, the database's `status` and `connected` (the shape monitoring already
/// reads), with the database kind added.
public struct HealthReport: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable {
        case healthy, degraded, unhealthy
    }

    public struct DatabaseStatus: Codable, Sendable, Equatable {
        public var status: Status
        public var connected: Bool
        public var kind: String

        public init(status: Status, connected: Bool, kind: String) {
            self.status = status
            self.connected = connected
            self.kind = kind
        }
    }

    public var status: Status
    public var version: String
    public var database: DatabaseStatus
    /// The mail transport in use: `file` (messages written as `.eml` files into `MAIL_DIR`) or `smtp`.
    public var email: String
    /// `configured` (a writable upload directory), `not_configured`, or `unavailable`.
    public var storage: String
    public var connections: Connections

    /// The HTTP edge: connections open now and the limits that bound them, and clients that went away mid-request.
    public struct Connections: Codable, Sendable, Equatable {
        public var open: Int
        public var max: Int
        public var maxPerPeer: Int
        public var clientsGone: Int

        public init(open: Int, max: Int, maxPerPeer: Int, clientsGone: Int) {
            self.open = open
            self.max = max
            self.maxPerPeer = maxPerPeer
            self.clientsGone = clientsGone
        }
    }
}

/// The body of `/health/live` and `/health/ready`.
public struct ProbeReport: Codable, Sendable, Equatable {
    public var status: String
    public var checks: [String: String]
}
