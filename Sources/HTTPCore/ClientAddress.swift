import Foundation
public import HTTPTypes
public import Hummingbird

/// Works out the client's IP address, believing `X-Forwarded-For` only when it was added by a proxy we trust.
///
/// Walking the header from the right, each hop added by a trusted proxy is skipped; the first untrusted
/// address is the client. Anything a client writes into the header itself sits further left and is ignored.
public struct ClientAddress: Sendable {
    let trustedProxies: [IPNetwork]

    public init(trustedProxies: [IPNetwork]) {
        self.trustedProxies = trustedProxies
    }

    public func resolve(_ request: Request, peer: String?) -> String {
        // In-process test requests have no socket; treat them as coming from loopback.
        let peer = peer ?? "127.0.0.1"
        guard isTrusted(peer) else { return peer }
        let forwarded = request.headers[values: .xForwardedFor]
            .flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        for hop in forwarded.reversed() where !isTrusted(hop) {
            return IPNetwork.parseAddress(hop) != nil ? hop : peer
        }
        return forwarded.first ?? peer
    }

    private func isTrusted(_ address: String) -> Bool {
        guard let bytes = IPNetwork.parseAddress(address) else { return false }
        return trustedProxies.contains { $0.contains(bytes) }
    }
}

/// An IPv4 or IPv6 network such as `10.0.0.0/8`, `::1/128` or a single address.
public struct IPNetwork: Sendable, Equatable {
    let address: [UInt8]
    let prefixLength: Int

    /// Parses `address` or `address/prefix`; nil when malformed.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1).map(String.init)
        guard let address = Self.parseAddress(parts[0]) else { return nil }
        let maximum = address.count * 8
        let prefix = parts.count == 2 ? Int(parts[1]) : maximum
        guard let prefix, (0...maximum).contains(prefix) else { return nil }
        self.address = address
        self.prefixLength = prefix
    }

    func contains(_ candidate: [UInt8]) -> Bool {
        guard candidate.count == address.count else { return false }
        var remaining = prefixLength
        for (mine, theirs) in zip(address, candidate) where remaining > 0 {
            let bits = min(8, remaining)
            let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
            if mine & mask != theirs & mask { return false }
            remaining -= bits
        }
        return true
    }

    static func parseAddress(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { Array($0) }
        }
        return nil
    }
}

extension HTTPField.Name {
    public static var xForwardedFor: Self { .init("X-Forwarded-For")! }
}
