/// A field of a partial update: left out (keep), sent as `null` (clear), or sent with a value (set).
enum Nullable<Value: Decodable & Sendable>: Sendable {
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

extension KeyedDecodingContainer {
    func decodeNullable<Value: Decodable & Sendable>(_ type: Value.Type, forKey key: Key) throws -> Nullable<Value> {
        guard contains(key) else { return .absent }
        if try decodeNil(forKey: key) { return .null }
        return .value(try decode(Value.self, forKey: key))
    }
}
