import BoxOfficeApp
import FluentKit
import Foundation
import HTTPCore
import Health
import HummingbirdTesting
import Persistence
import TestSupport
import Testing

@Suite struct HealthTests {
    @Test(arguments: TestDatabase.all)
    func healthReportsTheConnectedDatabase(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let response = try await app.client.send(.get, "/health")
            #expect(response.status == .ok)
            let report = try response.decode(HealthReport.self)
            #expect(report.status == .healthy)
            #expect(report.database == .init(status: .healthy, connected: true, kind: database.rawValue))
            #expect(report.version == BoxOffice.version)
            #expect(report.email == "file")
            #expect(report.storage == "not_configured")
        }
    }

    @Test(arguments: TestDatabase.all)
    func probesAnswerWhenReady(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let live = try await app.client.send(.get, "/health/live")
            #expect(live.status == .ok)
            #expect(try live.decode(ProbeReport.self).status == "alive")

            let ready = try await app.client.send(.get, "/health/ready")
            #expect(ready.status == .ok)
            #expect(try ready.decode(ProbeReport.self).checks == ["database": "ok", "migrations": "applied"])
        }
    }

    @Test(arguments: TestDatabase.all)
    func readinessFollowsPendingMigrations(_ database: TestDatabase) async throws {
        let migrations = SchemaMigrations.all + [ProbeMigration()]
        try await withApp(database, migrations: migrations) { app in
            let runner = app.boxOffice.migrationRunner
            #expect(try await runner.revertLastBatch().contains(ProbeMigration().name))
            #expect(try await runner.pending().contains(ProbeMigration().name))

            let notReady = try await app.client.send(.get, "/health/ready")
            #expect(notReady.status == .serviceUnavailable)
            #expect(try notReady.decode(ProbeReport.self).checks["migrations"] == "pending")

            #expect(try await runner.migrate().contains(ProbeMigration().name))
            #expect(try await runner.pending().isEmpty)
            #expect(try await app.client.send(.get, "/health/ready").status == .ok)
        }
    }

    @Test func optionalSubsystemsAreReported() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("uploads-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await withApp(configure: {
            $0.mail.smtpURL = "smtp://mail.example.org:587"
            $0.storage.directory = directory
        }) { app in
            let report = try await app.client.send(.get, "/health").decode(HealthReport.self)
            #expect(report.email == "file")  // SMTP arrives with the email issue
            #expect(report.storage == "configured")
            #expect(report.status == .healthy)
        }
    }

    @Test func anUnusableUploadDirectoryDegradesHealth() async throws {
        try await withApp(configure: { $0.storage.directory = "/nonexistent/boxoffice/uploads" }) { app in
            let response = try await app.client.send(.get, "/health")
            let report = try response.decode(HealthReport.self)
            #expect(report.storage == "unavailable")
            // The worse finding wins: when the database check also failed (its two seconds can pass while the whole
            // suite shares two cores and SQLite's two blocking threads), the report is unhealthy, not degraded.
            if report.database.connected {
                #expect(response.status == .ok)
                #expect(report.status == .degraded)
            } else {
                #expect(response.status == .serviceUnavailable)
                #expect(report.status == .unhealthy)
            }
        }
    }

    @Test func anUnreachableDatabaseIs503Unhealthy() async throws {
        // A port nothing listens on: the pool cannot connect, and health must say so rather than hang or crash.
        let url = "postgres://nobody@127.0.0.1:\(try unusedPort())/nothing"
        try await withApp(configure: {
            $0.database.location = .postgres(url: url)
            // The suite's two minutes of waiting for a connection (for a loaded machine) would only hold the workers'
            // shutdown here, where no connection ever comes.
            $0.database.poolTimeoutSeconds = 5
            $0.autoMigrate = false
        }) { app in
            let response = try await app.client.send(.get, "/health")
            #expect(response.status == .serviceUnavailable)
            let report = try response.decode(HealthReport.self)
            #expect(report.status == .unhealthy)
            #expect(report.database == .init(status: .unhealthy, connected: false, kind: "postgres"))

            let ready = try await app.client.send(.get, "/health/ready")
            #expect(ready.status == .serviceUnavailable)
            #expect(try await app.client.send(.get, "/health/live").status == .ok)
        }
    }
}

/// A loopback port with no listener (bound, read, released).
func unusedPort() throws -> Int {
    let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(socket) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0
        }
    }
    guard bound else { throw TestSetupError("could not find a free port") }
    return Int(UInt16(bigEndian: address.sin_port))
}
