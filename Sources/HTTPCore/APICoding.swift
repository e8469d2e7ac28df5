import Domain
public import Foundation
public import Hummingbird

/// Decodes JSON request bodies, turning every way a body can be wrong into a 4xx that names the problem.
public struct APIRequestDecoder: RequestDecoder {
    public init() {}

    public func decode<T: Decodable>(_ type: T.Type, from request: Request, context: some RequestContext) async throws
        -> T
    {
        let contentType = request.headers[.contentType]
        guard let contentType, MediaType(from: contentType)?.isType(.applicationJson) == true else {
            throw HTTPFailure.unsupportedMediaType(received: contentType)
        }
        // Throws HTTPError(.contentTooLarge) past the limit; ErrorMiddleware renders it.
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        guard body.readableBytes > 0 else {
            throw HTTPFailure.validationFailed(FieldProblems("body", "a JSON body is required"))
        }
        let data = Data(body.readableBytesView)
        let value: T
        do {
            value = try JSONCoding.decoder.decode(T.self, from: data)
        } catch let error as DecodingError {
            throw HTTPFailure.validationFailed(DecodingProblem.describe(error))
        }
        // A field the endpoint does not know is a mistake worth naming, never something to ignore; so is text with
        // control characters in it.
        if let json = try? JSONCoding.decoder.decode(JSONValue.self, from: data) {
            let controlled = ControlCharacters.fields(in: json)
            if !controlled.isEmpty {
                var problems = FieldProblems()
                for field in controlled { problems.add(field, ControlCharacters.problem) }
                throw HTTPFailure.validationFailed(problems)
            }
            let unknown = UnknownFields.of(T.self, in: json)
            if !unknown.isEmpty {
                var problems = FieldProblems()
                for field in unknown { problems.add(field, "is not a field of this request") }
                throw HTTPFailure.validationFailed(problems)
            }
        }
        return value
    }
}

/// Encodes response bodies as JSON with ISO-8601 dates.
public struct APIResponseEncoder: ResponseEncoder {
    public init() {}

    public func encode(_ value: some Encodable, from request: Request, context: some RequestContext) throws -> Response
    {
        let data = try JSONCoding.encoder.encode(value)
        return Response(
            status: .ok,
            headers: [.contentType: "application/json; charset=utf-8", .contentLength: String(data.count)],
            body: .init(byteBuffer: ByteBuffer(bytes: data))
        )
    }
}

/// The JSON conventions of the whole API, in one place.
public enum JSONCoding {
    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        // Whole-second UTC instants written by hand: Foundation's ISO-8601 strategy formats through a general
        // date formatter and was a large part of encoding an availability answer (docs/benchmarks.md).
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ISO8601Instant.string(date))
        }
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }

    public static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = try? Date(text, strategy: .iso8601) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "must be an ISO 8601 date-time such as 2031-05-01T18:00:00Z")
            }
            // Year 0000 parses; no date of a ticketing system is that far off (nor past 2199).
            guard plausibleDates.contains(date) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "must be between 1970 and 2199")
            }
            return date
        }
        return decoder
    }

    /// The dates the API accepts: from the Unix epoch up to the end of 2199.
    public static let plausibleDates = Date(timeIntervalSince1970: 0)...Date(timeIntervalSince1970: 7_258_118_399)
}

/// Names the field a `DecodingError` is about, in the dotted form clients use (`sessions[1].start`).
enum DecodingProblem {
    static func describe(_ error: DecodingError) -> FieldProblems {
        switch error {
        case .keyNotFound(let key, let context):
            FieldProblems(path(context.codingPath + [key]), "is required")
        case .typeMismatch(let type, let context):
            FieldProblems(path(context.codingPath), "must be \(jsonName(of: type))")
        case .valueNotFound(let type, let context):
            FieldProblems(path(context.codingPath), "must be \(jsonName(of: type)), not null")
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            FieldProblems("body", "is not valid JSON")
        case .dataCorrupted(let context):
            FieldProblems(path(context.codingPath), context.debugDescription)
        @unknown default:
            FieldProblems("body", "could not be read")
        }
    }

    static func path(_ keys: [any CodingKey]) -> String {
        guard !keys.isEmpty else { return "body" }
        var result = ""
        for key in keys {
            if let index = key.intValue {
                result += "[\(index)]"
            } else {
                result += result.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return result
    }

    static func jsonName(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "a boolean"
        case is Int.Type, is Int64.Type, is Int32.Type: "an integer"
        case is Double.Type, is Float.Type: "a number"
        case is [Any].Type: "an array"
        default: "an object"
        }
    }
}

/// `2026-06-01T12:00:00Z`: the UTC, whole-second form every date of the API takes.
public enum ISO8601Instant {
    public static func string(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        var text = ""
        text.reserveCapacity(20)
        append(Int(parts.tm_year) + 1900, width: 4, to: &text)
        text.append("-")
        append(Int(parts.tm_mon) + 1, width: 2, to: &text)
        text.append("-")
        append(Int(parts.tm_mday), width: 2, to: &text)
        text.append("T")
        append(Int(parts.tm_hour), width: 2, to: &text)
        text.append(":")
        append(Int(parts.tm_min), width: 2, to: &text)
        text.append(":")
        append(Int(parts.tm_sec), width: 2, to: &text)
        text.append("Z")
        return text
    }

    private static func append(_ value: Int, width: Int, to text: inout String) {
        let digits = String(value)
        if digits.count < width { text.append(String(repeating: "0", count: width - digits.count)) }
        text.append(digits)
    }
}
