import Foundation
import HTTPCore
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

/// A body whose chunked framing is broken is the client's mistake (400 with the envelope), never a 500.
@Suite struct FramingTests {
    @Test func aMalformedChunkedBodyIsA400() async throws {
        try await withApp(testing: .live) { app in
            let port = try #require(app.client.port)
            let answer = try await rawHTTP(
                port: port,
                "POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nZZ\r\n{\"email\":1}\r\n0\r\n\r\n")
            #expect(answer.hasPrefix("HTTP/1.1 400"), "\(answer.prefix(300))")
            #expect(!app.logs.all.contains { $0.level == .error }, "no server error logged")
        }
    }
}

/// An HTTP/1.0 request without keep-alive gets its answer, and its connection is closed at the latest after the idle
/// timeout (Hummingbird 2.28 keeps it open otherwise; closing it right after the answer is still to do).
@Suite struct HTTP10Tests {
    @Test func anHTTP10ConnectionDoesNotStayOpen() async throws {
        try await withApp(testing: .live, configure: { $0.http.idleTimeoutSeconds = 1 }) { app in
            let port = try #require(app.client.port)
            let started = ContinuousClock.now
            let answer = try await rawHTTP(
                port: port, "GET /health/live HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n", timeout: .seconds(6))
            #expect(answer.contains(" 200 "), "\(answer.prefix(200))")
            #expect(ContinuousClock.now - started < .seconds(4), "closed by the server, not by the client's timeout")
        }
    }
}

/// `Allow` names the methods of the route the path is, not of a parameterised neighbour.
@Suite struct AllowHeaderTests {
    @Test func aLiteralRouteDoesNotBorrowItsNeighboursMethods() async throws {
        try await withApp { app in
            let response = try await app.client.send(.post, "/api/holds/mine")
            #expect(response.status == .methodNotAllowed)
            #expect(response.headers[.allow] == "GET", "\(response.headers[.allow] ?? "none")")
        }
    }
}
