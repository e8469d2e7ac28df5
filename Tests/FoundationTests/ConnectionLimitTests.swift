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
            for _ in 0..<12 { silent.append(try await silentConnection(port: port, from: "127.0.0.2")) }
            try await Task.sleep(for: .milliseconds(300))
            let stillOpen = silent.filter(\.isActive).count
            #expect(stillOpen <= 5, "the peer holds at most its limit: \(stillOpen) open")

            let health = try await app.client.execute(uri: "/health/live", method: .get)
            #expect(health.status == .ok, "others are still served")

            try await Task.sleep(for: .milliseconds(2500))
            #expect(silent.allSatisfy { !$0.isActive }, "silent connections are closed after the idle timeout")
            #expect(app.logs.all.contains { $0.message.description.contains("the peer is at its limit") }, "logged")
            for channel in silent { try? await channel.close() }
        }
    }
}
