import Foundation
import HTTPCore
import Hummingbird
import HummingbirdTesting
import NIOCore
import TestSupport
import Testing

/// Connections that never send a byte used to be held for ever, until the server ran out of sockets and answered
/// nobody, `/health` included. Now one peer holds a bounded number of connections, silent ones are closed after the
/// idle timeout, and everyone else is still served meanwhile.
@Suite struct ConnectionLimitTests {
    @Test func silentConnectionsAreBoundedAndClosedWhileOthersAreServed() async throws {
        try await withApp(
            testing: .live,
            configure: {
                $0.http.maxConnectionsPerPeer = 5
                $0.http.idleTimeoutSeconds = 1
            }
        ) { app in
            let port = try #require(app.client.port)
            // "Another host": 127.0.0.2 on the loopback interface.
            var silent: [any Channel] = []
            for _ in 0..<12 {
                // A connection the server closes at once may already be gone by the time connecting completes.
                if let channel = try? await silentConnection(port: port, from: "127.0.0.2") { silent.append(channel) }
            }
            try await Task.sleep(for: .milliseconds(500))
            let stillOpen = silent.filter(\.isActive).count
            #expect(stillOpen <= 5, "the peer holds at most its limit: \(stillOpen) open")

            // On a connection of its own: the test client's kept-alive one would have been closed as idle meanwhile.
            let health = try await rawHTTP(
                port: port, "GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            #expect(health.hasPrefix("HTTP/1.1 200"), "others are still served: \(health.prefix(100))")

            var waited = Duration.zero
            while silent.contains(where: \.isActive), waited < .seconds(10) {
                try await Task.sleep(for: .milliseconds(200))
                waited += .milliseconds(200)
            }
            #expect(silent.allSatisfy { !$0.isActive }, "silent connections are closed after the idle timeout")
            #expect(app.logs.all.contains { $0.message.description.contains("the peer is at its limit") }, "logged")
            let report = try await rawHTTP(
                port: port, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            #expect(report.contains("\"maxPerPeer\":5"), "the limits are visible in /health: \(report.suffix(200))")
            for channel in silent { try? await channel.close() }
        }
    }
}

/// Reaching the total cap is logged (Hummingbird alone notes it at trace level), and so is leaving it. Shown on the
/// delegate itself: HummingbirdTesting's live server drops the application's connection delegate (its
/// `ApplicationConfiguration.with(address:)` does not carry it), so a live test cannot reach it.
@Suite struct ConnectionCapLogTests {
    @Test func reachingTheTotalCapIsLogged() {
        let logs = LogCapture()
        var cap = LoggedConnectionCap(2, logger: logs.logger(level: .debug))
        cap.connectionOpened()
        #expect(cap.isAcceptingNewConnections() && logs.all.isEmpty)
        cap.connectionOpened()
        #expect(!cap.isAcceptingNewConnections())
        #expect(logs.all.map(\.message) == ["connection cap reached: new connections wait until one closes"])
        cap.connectionClosed()
        #expect(cap.isAcceptingNewConnections())
        #expect(logs.all.last?.message == "connection cap left")
    }
}
