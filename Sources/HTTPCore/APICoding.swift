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
        // The body is checked against the operation's schema in the API document first: every field it names, with
        // its type, length, range, pattern and enumeration, and no field it does not name. What is left for the
        // typed decoder and the handler are the rules the document cannot state.
        guard let json = try? JSONCoding.decoder.decode(JSONValue.self, from: data) else {
            do {
                _ = try JSONCoding.decoder.decode(T.self, from: data)
            } catch let error as DecodingError {
                throw HTTPFailure.validationFailed(DecodingProblem.describe(error))
            }
            // Read by the type but not as JSON values: a number no Double holds, in a field the type never reads.
            throw HTTPFailure.validationFailed(
                FieldProblems("body", "holds a value that cannot be read (a number too large?)"))
        }
        // Fail closed: a body the document does not describe would be decoded unchecked, so a route that reads one is
        // refused as a defect of this server (500, logged) until the document describes it.
        guard let path = context.endpointPath,
            let problems = APIContract.shared.problems(ofBody: json, method: request.method.rawValue, path: path)
        else {
            context.logger.error(
                "the API document describes no JSON body for this operation: refused",
                metadata: [
                    "method": "\(request.method.rawValue)", "path": "\(context.endpointPath ?? request.uri.path)",
                ])
            throw HTTPFailure.internal
        }
        if !problems.isEmpty { throw HTTPFailure.validationFailed(problems) }
        do {
            return try JSONCoding.decoder.decode(T.self, from: data)
        } catch let error as DecodingError {
            throw HTTPFailure.validationFailed(DecodingProblem.describe(error))
        }
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
            guard let date = ISO8601Instant.parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: ISO8601Instant.problem)
            }
            return date
        }
        return decoder
    }

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
    /// What a client is told of text that is not such a date-time.
    public static let problem = "must be an RFC 3339 date-time in the years 0001 to 9999, such as 2031-05-01T18:00:00Z"

    /// An RFC 3339 date-time (`2026-06-01T12:00:00Z`, `2026-06-01t14:00:00.5+02:00`), in the years 0001 to 9999 of the
    /// proleptic Gregorian calendar, with any offset RFC 3339 allows (up to ±23:59, which Foundation's parser refuses);
    /// nil for anything else, an impossible day (February 30) or year 0000 included. A leap second counts as :59.
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard index < bytes.count, (48...57).contains(bytes[index]) else { return nil }
                value = value * 10 + Int(bytes[index] - 48)
            }
            return value
        }
        guard let year = number(0..<4), bytes[4] == 45, let month = number(5..<7), bytes[7] == 45,
            let day = number(8..<10), bytes[10] == 84 || bytes[10] == 116, let hour = number(11..<13),
            bytes[13] == 58, let minute = number(14..<16), bytes[16] == 58, let second = number(17..<19)
        else { return nil }
        var index = 19
        var fraction = 0.0
        if bytes[index] == 46 {
            var scale = 0.1
            index += 1
            let start = index
            while index < bytes.count, (48...57).contains(bytes[index]) {
                fraction += Double(bytes[index] - 48) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }
        guard index < bytes.count else { return nil }
        var offset = 0
        if bytes[index] == 90 || bytes[index] == 122 {
            index += 1
        } else if bytes[index] == 43 || bytes[index] == 45 {
            guard let offsetHours = number(index + 1..<index + 3), index + 3 < bytes.count, bytes[index + 3] == 58,
                let offsetMinutes = number(index + 4..<index + 6), offsetHours <= 23, offsetMinutes <= 59
            else { return nil }
            offset = (offsetHours * 3600 + offsetMinutes * 60) * (bytes[index] == 43 ? 1 : -1)
            index += 6
        } else {
            return nil
        }
        guard index == bytes.count, (1...9999).contains(year), (1...12).contains(month),
            (1...daysIn(month, of: year)).contains(day), hour <= 23, minute <= 59, second <= 60
        else { return nil }
        let days = daysFromCivil(year, month, day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + min(second, 59) - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

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
