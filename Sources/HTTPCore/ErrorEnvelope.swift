public import Foundation
import Hummingbird

/// The wire shape of every error response.
public struct ErrorEnvelope: Codable, Sendable, Equatable {
    public struct Body: Codable, Sendable, Equatable {
        public var code: String
        public var message: String
        public var details: [String: JSONValue]
        public var timestamp: Date
    }

    public var error: Body

    public init(_ failure: some APIError, at now: Date) {
        self.error = Body(code: failure.code, message: failure.message, details: failure.details, timestamp: now)
    }

    static func response(for failure: any APIError, at now: Date) -> Response {
        let data = (try? JSONCoding.encoder.encode(ErrorEnvelope(failure, at: now))) ?? Data()
        var headers = failure.headers
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.contentLength] = String(data.count)
        return Response(status: failure.status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
