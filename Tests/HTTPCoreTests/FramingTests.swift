import Foundation
import HTTPCore
import Hummingbird
import HummingbirdTesting
import NIOCore
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

/// An HTTP/1.0 request without keep-alive gets its answer and its connection is closed right after it (Hummingbird
/// 2.28 alone keeps it open until the idle timeout, 30 s by default); one that asks for keep-alive keeps it.
@Suite struct HTTP10Tests {
    @Test func anHTTP10ConnectionIsClosedAfterItsAnswer() async throws {
        try await withApp(testing: .live) { app in
            let port = try #require(app.client.port)
            let started = ContinuousClock.now
            let answer = try await rawHTTP(
                port: port, "GET /health/live HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n", timeout: .seconds(25))
            #expect(answer.contains(" 200 "), "\(answer.prefix(200))")
            // Closed by the server, not by the client's timeout (25 s; the server's idle timeout is 30 s): a generous
            // deadline that only tells the two apart, however busy the machine.
            #expect(ContinuousClock.now - started < .seconds(20), "closed by the server after the answer")
            let kept = ContinuousClock.now
            _ = try await rawHTTP(
                port: port, "GET /health/live HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n",
                timeout: .seconds(2))
            #expect(ContinuousClock.now - kept >= .seconds(2), "kept alive until the client's own timeout")
        }
    }
}

/// A client that goes away in the middle of its body is not a server error: it is logged at debug level and counted
/// apart in `/health` (#13 item 7).
@Suite struct ClientGoneTests {
    @Test func aClientThatLeavesMidBodyIsCountedNotLoggedAsAnError() async throws {
        try await withApp(testing: .live) { app in
            let port = try #require(app.client.port)
            let channel = try await silentConnection(port: port, from: "127.0.0.1")
            try await channel.writeAndFlush(
                ByteBuffer(
                    string: "POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 1000\r\n\r\n{\"email\":")
            ).get()
            try await Task.sleep(for: .milliseconds(200))
            try await channel.close()
            var gone = 0
            for _ in 0..<50 where gone == 0 {
                try await Task.sleep(for: .milliseconds(100))
                let health = try await app.client.send(.get, "/health").json()
                if case .int(let count)? = health["connections"]?["clientsGone"] { gone = count }
            }
            #expect(gone == 1)
            #expect(!app.logs.all.contains { $0.level >= .error }, "no server error logged")
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

/// What the HTTP parser refuses before any request exists is answered in the error envelope with a request ID and the
/// security headers (431 for a head too large), and a body that trickles past the body deadline is a 408 (#13 items 1
/// and 11; Hummingbird alone answers a bare 400 and waits for a slow body as long as bytes keep coming).
@Suite struct ConnectionEdgeTests {
    func check(_ answer: String, status: String, code: String) {
        #expect(answer.hasPrefix("HTTP/1.1 \(status)"), "\(answer.prefix(200))")
        let lower = answer.lowercased()
        #expect(lower.contains("x-request-id: ") && lower.contains("x-content-type-options: nosniff"))
        #expect(lower.contains("content-type: application/json"))
        #expect(answer.contains("\"code\":\"\(code)\""), "\(answer)")
    }

    @Test func unparseableRequestsGetTheEnvelope() async throws {
        try await withApp(testing: .live) { app in
            let port = try #require(app.client.port)
            check(
                try await rawHTTP(port: port, "BREW /pot HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"), status: "400",
                code: "VALIDATION_FAILED")
            check(
                try await rawHTTP(port: port, "\u{1}\u{2} nonsense\r\n\r\n"), status: "400", code: "VALIDATION_FAILED")
            let huge =
                "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: \(String(repeating: "a", count: 200_000))\r\n\r\n"
            check(try await rawHTTP(port: port, huge), status: "431", code: "HEADERS_TOO_LARGE")
            // A well-formed request on the same server is unaffected.
            #expect(
                try await rawHTTP(port: port, "GET /health/live HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .hasPrefix("HTTP/1.1 200"))
        }
    }

    @Test func aBodyThatTricklesPastItsDeadlineIs408() async throws {
        try await withApp(testing: .live, configure: { $0.http.bodyTimeoutSeconds = 1 }) { app in
            let port = try #require(app.client.port)
            let started = ContinuousClock.now
            let answer = try await rawHTTP(
                port: port,
                "POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{\"email\":", timeout: .seconds(25))
            check(answer, status: "408", code: "REQUEST_TIMEOUT")
            // The server's deadline answered, not the client's timeout (a generous bound: only the two are told apart).
            #expect(ContinuousClock.now - started < .seconds(20))
        }
    }
}

/// A head trickled a byte at a time never completes a part, so the idle timeout closes it as it closes a silent one:
/// the head has a deadline even when bytes keep coming (#13 item 1).
@Suite struct TrickledHeadTests {
    @Test func aTrickledHeadIsClosedAtTheIdleTimeout() async throws {
        try await withApp(testing: .live, configure: { $0.http.idleTimeoutSeconds = 1 }) { app in
            let port = try #require(app.client.port)
            let channel = try await silentConnection(port: port, from: "127.0.0.1")
            let started = ContinuousClock.now
            var sent = 0
            // About 45 s of trickle if nothing closed it: the deadline below tells a close at the idle timeout from none.
            let head = "GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + String(repeating: "a", count: 250)
            for byte in head.utf8 {
                if !channel.isActive { break }
                try? await channel.writeAndFlush(ByteBuffer(bytes: [byte])).get()
                sent += 1
                try await Task.sleep(for: .milliseconds(150))
            }
            try await channel.closeFuture.get()
            #expect(ContinuousClock.now - started < .seconds(30), "closed while bytes kept coming (\(sent) sent)")
        }
    }
}
