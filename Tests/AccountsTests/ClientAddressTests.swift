import HTTPCore
import HTTPTypes
import Hummingbird
import Testing

@Suite struct ClientAddressTests {
    func request(forwardedFor: String?) -> Request {
        var headers = HTTPFields()
        if let forwardedFor { headers[HTTPField.Name("X-Forwarded-For")!] = forwardedFor }
        return Request(
            head: HTTPRequest(method: .get, scheme: "http", authority: "x", path: "/", headerFields: headers),
            body: .init(buffer: ByteBuffer()))
    }

    @Test func forwardedForIsIgnoredFromAnUntrustedPeer() {
        let resolver = ClientAddress(trustedProxies: [IPNetwork("10.0.0.0/8")!])
        #expect(resolver.resolve(request(forwardedFor: "1.2.3.4"), peer: "203.0.113.9") == "203.0.113.9")
    }

    @Test func trustedHopsAreSkippedFromTheRight() {
        let resolver = ClientAddress(trustedProxies: [IPNetwork("10.0.0.0/8")!, IPNetwork("::1")!])
        // The client wrote "6.6.6.6" itself; the proxy appended the address it saw, 198.51.100.7.
        #expect(
            resolver.resolve(request(forwardedFor: "6.6.6.6, 198.51.100.7, 10.1.2.3"), peer: "10.0.0.1")
                == "198.51.100.7")
        #expect(resolver.resolve(request(forwardedFor: "2001:db8::5"), peer: "::1") == "2001:db8::5")
        #expect(resolver.resolve(request(forwardedFor: nil), peer: "10.0.0.1") == "10.0.0.1")
        #expect(resolver.resolve(request(forwardedFor: "not-an-ip"), peer: "10.0.0.1") == "10.0.0.1")
    }

    @Test func networksMatchByPrefix() {
        #expect(IPNetwork("192.168.1.0/24") != nil)
        #expect(IPNetwork("192.168.1.0/33") == nil)
        #expect(IPNetwork("nonsense") == nil)
        let resolver = ClientAddress(trustedProxies: [IPNetwork("192.168.1.0/24")!])
        #expect(resolver.resolve(request(forwardedFor: "8.8.8.8"), peer: "192.168.1.77") == "8.8.8.8")
        #expect(resolver.resolve(request(forwardedFor: "8.8.8.8"), peer: "192.168.2.77") == "192.168.2.77")
    }

    /// One host is handed a whole IPv6 /64 and may use any address in it: every per-address limit keys the network.
    @Test func ipv6ClientsAreKeyedByTheirNetwork() {
        let keying = AddressKeying()
        #expect(keying.key("2001:db8:1:2::1") == "2001:db8:1:2::/64")
        #expect(keying.key("2001:db8:1:2:ffff:ffff:ffff:ffff") == "2001:db8:1:2::/64")
        #expect(keying.key("2001:DB8:1:2:0:0:0:2") == "2001:db8:1:2::/64", "one spelling of the network")
        #expect(keying.key("2001:db8:1:3::1") == "2001:db8:1:3::/64", "the next network is another client")
        #expect(AddressKeying(ipv6PrefixLength: 48).key("2001:db8:1:2::1") == "2001:db8:1::/48")
        #expect(AddressKeying(ipv6PrefixLength: 56).key("2001:db8:1:2ff::1") == "2001:db8:1:200::/56")
        #expect(AddressKeying(ipv6PrefixLength: 128).key("2001:db8::7") == "2001:db8::7/128")
        #expect(keying.key("::1") == "::/64")
    }

    @Test func ipv4ClientsAreKeyedByTheirAddressHoweverWritten() {
        let keying = AddressKeying()
        #expect(keying.key("192.0.2.1") == "192.0.2.1")
        #expect(keying.key("::ffff:192.0.2.1") == "192.0.2.1", "an IPv4-mapped IPv6 address is the IPv4 address")
        #expect(keying.key("::FFFF:c000:0201") == "192.0.2.1")
        #expect(keying.key("local") == "local", "not an address: as it is")
    }

    @Test func theLimitKeyIsTheResolvedClientsNetwork() {
        let resolver = ClientAddress(trustedProxies: [IPNetwork("10.0.0.0/8")!])
        #expect(resolver.limitKey(request(forwardedFor: "2001:db8:1:2::1"), peer: "10.0.0.1") == "2001:db8:1:2::/64")
        #expect(resolver.limitKey(request(forwardedFor: "2001:db8:1:2::2"), peer: "10.0.0.1") == "2001:db8:1:2::/64")
        #expect(
            resolver.limitKey(request(forwardedFor: "2001:db8:1:2::2"), peer: "::ffff:10.0.0.1") == "2001:db8:1:2::/64",
            "a trusted proxy seen through an IPv6 socket is still trusted")
        #expect(resolver.limitKey(request(forwardedFor: nil), peer: "203.0.113.9") == "203.0.113.9")
    }
}
