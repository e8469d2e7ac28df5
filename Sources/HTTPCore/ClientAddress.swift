import Foundation
public import HTTPTypes
public import Hummingbird

/// Works out the client's IP address, believing `X-Forwarded-For` only when it was added by a proxy we trust.
///
/// Walking the header from the right, each hop added by a trusted proxy is skipped; the first untrusted
/// address is the client. Anything a client writes into the header itself sits further left and is ignored.
public struct ClientAddress: Sendable {
    let trustedProxies: [IPNetwork]
    /// How per-address limits key the resolved address (IPv6 by its network prefix).
    public let keying: AddressKeying

    public init(trustedProxies: [IPNetwork], keying: AddressKeying = AddressKeying()) {
        self.trustedProxies = trustedProxies
        self.keying = keying
    }

    /// The key every per-address limit counts the request's client under (`AddressKeying`).
    public func limitKey(_ request: Request, peer: String?) -> String {
        keying.key(resolve(request, peer: peer))
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
        // An IPv4 client seen through an IPv6 socket (`::ffff:10.1.2.3`) is the IPv4 address.
        let candidate = address.count == 4 ? AddressKeying.unmapped(candidate) : candidate
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

/// How per-address limits (places, sign-in, registration, resets, the general request limit, connections per peer)
/// key a client: an IPv4 address by itself, an IPv6 address by its network prefix (`IPV6_PREFIX_LENGTH`, 64 unless set),
/// since one host or one household is handed a whole /64 and may pick any address in it. An IPv4 address written as
/// IPv6 (`::ffff:192.0.2.1`) is the IPv4 address. Anything that is not an address (`local`) keys as it is.
public struct AddressKeying: Sendable, Equatable {
    public static let prefixLengths = 32...128
    public let ipv6PrefixLength: Int

    public init(ipv6PrefixLength: Int = 64) {
        self.ipv6PrefixLength = min(max(ipv6PrefixLength, Self.prefixLengths.lowerBound), Self.prefixLengths.upperBound)
    }

    /// `192.0.2.1`, `2001:db8:1:2::/64` (the address's network, in its short form, with the prefix length).
    public func key(_ address: String) -> String {
        guard let parsed = IPNetwork.parseAddress(address) else { return address }
        let bytes = Self.unmapped(parsed)
        guard bytes.count == 16 else { return Self.format(bytes) }
        var masked = bytes
        for index in masked.indices {
            let bits = min(8, max(0, ipv6PrefixLength - index * 8))
            masked[index] &= UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
        }
        return "\(Self.format(masked))/\(ipv6PrefixLength)"
    }

    /// The IPv4 address inside an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`); other addresses as they are.
    static func unmapped(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count == 16, bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF else {
            return bytes
        }
        return Array(bytes[12..<16])
    }

    private static func format(_ bytes: [UInt8]) -> String {
        let family = bytes.count == 4 ? AF_INET : AF_INET6
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let written = bytes.withUnsafeBytes { raw in
            inet_ntop(family, raw.baseAddress, &text, socklen_t(text.count))
        }
        guard written != nil else { return bytes.map(String.init).joined(separator: ".") }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

extension HTTPField.Name {
    public static var xForwardedFor: Self { .init("X-Forwarded-For")! }
}
