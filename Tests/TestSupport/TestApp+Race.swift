import Foundation
import HTTPCore
import HTTPTypes
import Hummingbird
import HummingbirdTesting

/// One request of a race.
public struct RaceRequest: Sendable {
    public var method: HTTPRequest.Method
    public var uri: String
    public var headers: HTTPFields
    public var json: String?

    public init(
        _ method: HTTPRequest.Method, _ uri: String, headers: HTTPFields = [:], json: (any Encodable & Sendable)? = nil
    ) {
        self.method = method
        self.uri = uri
        self.headers = headers
        self.json = json.flatMap { try? String(decoding: JSONCoding.encoder.encode($0), as: UTF8.self) }
        if self.json != nil { self.headers[.contentType] = "application/json" }
    }
}

extension TestApp {
    /// Sends every request at once, each over its own TCP connection, to a `.live` app; returns the statuses
    /// and bodies in request order. This is how concurrency claims are shown: real connections, real
    /// interleaving in the server and the database, nothing serialised by a shared client.
    public func race(_ requests: [RaceRequest]) async throws -> [(status: HTTPResponse.Status, body: String)] {
        guard let port = client.port else { throw TestSetupError("race needs withApp(testing: .live)") }
        // Connect everything first, then release all requests together. An answer may wait its turn behind the whole
        // race and the rest of the suite, which runs beside it in this process on two cores (a loaded run saw more
        // than a minute): the deadline bounds a wait and measures nothing, so it is three minutes, longer than the
        // race tests' pool timeout (120 s), so that a request stuck for a connection shows as the server's answer.
        let clients = requests.map { _ in
            TestClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(180)))
        }
        for client in clients { client.connect() }
        defer { for client in clients { Task { try? await client.shutdown() } } }
        return try await withThrowingTaskGroup(of: (Int, HTTPResponse.Status, String).self) { group in
            for (index, (request, client)) in zip(requests, clients).enumerated() {
                group.addTask {
                    let response = try await client.execute(
                        TestClient.Request(
                            request.uri, method: request.method, authority: "127.0.0.1", headers: request.headers,
                            body: request.json.map { ByteBuffer(string: $0) }))
                    return (index, response.status, response.body.map { String(buffer: $0) } ?? "")
                }
            }
            var results = [(status: HTTPResponse.Status, body: String)?](repeating: nil, count: requests.count)
            for try await (index, status, body) in group { results[index] = (status, body) }
            return results.map { $0! }
        }
    }
}

/// Waits until `condition` holds (a worker's delivery, a webhook's effect), checking every 50 ms, at most `seconds`.
/// Returns whether it held: the caller expects it, so a timeout fails the test with its own message. The deadline is
/// generous (the whole suite runs its apps' workers side by side on two cores, beside whatever else the machine runs):
/// it bounds a wait for something asynchronous, it measures nothing, and a passing wait returns at once.
public func eventually(seconds: Double = 30, _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now.advanced(by: .milliseconds(Int(seconds * 1000)))
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(50))
    }
    return try await condition()
}
