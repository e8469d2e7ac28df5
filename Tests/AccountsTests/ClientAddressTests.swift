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
}
