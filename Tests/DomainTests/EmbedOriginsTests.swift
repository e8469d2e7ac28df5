import Domain
import Testing

/// An origin with a port no browser would match (`:99999`, `:0`) used to be stored and sent in `frame-ancestors`.
@Suite struct EmbedOriginsTests {
    @Test func aPortIsOneTo65535() {
        #expect(EmbedOrigins.isValid("https://partner.example.org"))
        #expect(EmbedOrigins.isValid("https://partner.example.org:1"))
        #expect(EmbedOrigins.isValid("https://partner.example.org:65535"))
        #expect(EmbedOrigins.isValid("http://localhost:3000"))
        #expect(!EmbedOrigins.isValid("https://evil.test:99999"))
        #expect(!EmbedOrigins.isValid("https://evil.test:65536"))
        #expect(!EmbedOrigins.isValid("https://evil.test:0"))
        #expect(!EmbedOrigins.isValid("https://evil.test:0443"), "no leading zeros")
        #expect(!EmbedOrigins.isValid("https://evil.test:"))
    }
}
