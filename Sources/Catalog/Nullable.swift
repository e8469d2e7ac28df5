import Foundation
import HTTPCore
import Hummingbird

/// A field of a partial update: left out (keep), sent as `null` (clear), or sent with a value (set).
enum Nullable<Value: Sendable>: Sendable {
    case absent
    case null
    case value(Value)

    /// The new value given the current one.
    func applied(to current: Value?) -> Value? {
        switch self {
        case .absent: current
        case .null: nil
        case .value(let value): value
        }
    }

    /// The value sent, if one was.
    var value: Value? {
        if case .value(let value) = self { value } else { nil }
    }

    var isPresent: Bool {
        if case .absent = self { false } else { true }
    }
}

/// The top-level fields a partial update's body sent. The generated wire types read a field sent as null and a field
/// left out alike (nil); an update tells them apart (null clears, left out keeps), so the route reads the names too.
struct SentFields: Sendable {
    let names: Set<String>

    init(names: Set<String>) { self.names = names }

    init(_ body: ByteBuffer) {
        let json = try? JSONCoding.decoder.decode(JSONValue.self, from: Data(body.readableBytesView))
        names = Set(json?.objectValue?.keys ?? [:].keys)
    }

    func nullable<Value>(_ value: Value?, _ name: String) -> Nullable<Value> {
        guard names.contains(name) else { return .absent }
        return value.map { .value($0) } ?? .null
    }
}

extension Request {
    /// The body as `type`, checked by the document as every body is, and the names of the fields it sent.
    func decodePartial<T: Decodable>(as type: T.Type, context: some RequestContext) async throws -> (T, SentFields) {
        let raw = try await body.collect(upTo: context.maxUploadSize)
        var replayable = self
        replayable.body = .init(buffer: raw)
        return (try await replayable.decode(as: type, context: context), SentFields(raw))
    }
}
