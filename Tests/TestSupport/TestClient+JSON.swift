import Foundation
import HTTPCore
import HTTPTypes
import Hummingbird
import HummingbirdTesting

extension TestClientProtocol {
    /// Sends a request with an optional JSON body (Content-Type set for it) and returns the response.
    @discardableResult
    public func send(
        _ method: HTTPRequest.Method,
        _ uri: String,
        headers: HTTPFields = [:],
        json: (any Encodable)? = nil
    ) async throws -> TestResponse {
        var headers = headers
        var body: ByteBuffer?
        if let json {
            body = ByteBuffer(bytes: try JSONCoding.encoder.encode(json))
            if headers[.contentType] == nil { headers[.contentType] = "application/json" }
        }
        return try await executeRequest(uri: uri, method: method, headers: headers, body: body)
    }

    /// Sends raw bytes as the body, with whatever headers the test chooses.
    @discardableResult
    public func send(
        _ method: HTTPRequest.Method,
        _ uri: String,
        headers: HTTPFields = [:],
        raw: String
    ) async throws -> TestResponse {
        try await executeRequest(uri: uri, method: method, headers: headers, body: ByteBuffer(string: raw))
    }
}

extension TestResponse {
    /// The body as a JSON value; throws when it is not JSON.
    public func json() throws -> JSONValue {
        try JSONCoding.decoder.decode(JSONValue.self, from: Data(body.readableBytesView))
    }

    public func decode<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        try JSONCoding.decoder.decode(T.self, from: Data(body.readableBytesView))
    }

    public var text: String { String(buffer: body) }

    /// The `error.code` of an error envelope, or nil.
    public var errorCode: String? { (try? json())?["error"]?["code"]?.stringValue }
}
