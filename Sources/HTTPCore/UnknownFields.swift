import Domain
import Foundation

/// Finds the fields of a JSON body that the type it is decoded into never asks for: a client's typo
/// (`eventName` for `title`) is refused with 400 naming the field, instead of being ignored.
///
/// The type itself says which keys it reads: the body is decoded a second time through a decoder that records every
/// key the type's `init(from:)` looks up (its properties, and the aliases a hand-written init tries), at every level.
/// A type that reads a container's `allKeys` (a dictionary, an open-ended `JSONValue`) takes whatever is there. No
/// list of fields is kept by hand, so none can drift from the types.
enum UnknownFields {
    /// The dotted paths (`attendees[1].nmae`) of fields `T` does not read, in body order; empty when the body could
    /// not be walked (the real decoder has already accepted it, so nothing is refused then).
    static func of<T: Decodable>(_ type: T.Type, in body: JSONValue) -> [String] {
        let recorder = KeyRecorder()
        guard (try? T(from: ProbeDecoder(value: body, path: [], recorder: recorder))) != nil else { return [] }
        var unknown: [String] = []
        walk(body, path: [], recorder: recorder, into: &unknown)
        return unknown
    }

    /// The fields where `T` asks for an integer and the body holds a number no such integer holds (past
    /// `Int.max`, or with a fraction), each with its problem. The real decoder refuses such a body without naming the
    /// field ("not valid JSON"); the probe, reading the same body as the type does, can.
    static func misreadIntegers<T: Decodable>(_ type: T.Type, in body: JSONValue) -> FieldProblems {
        let recorder = KeyRecorder()
        _ = try? T(from: ProbeDecoder(value: body, path: [], recorder: recorder))
        var problems = FieldProblems()
        for (path, problem) in recorder.misread { problems.add(display(path), problem) }
        return problems
    }

    private static func walk(_ value: JSONValue, path: [String], recorder: KeyRecorder, into unknown: inout [String]) {
        switch value {
        case .object(let fields):
            let here = KeyRecorder.key(path)
            guard !recorder.open.contains(here) else { return }
            for (key, child) in fields.sorted(by: { $0.key < $1.key }) {
                let childPath = path + [key]
                if recorder.read.contains(KeyRecorder.key(childPath)) {
                    walk(child, path: childPath, recorder: recorder, into: &unknown)
                } else {
                    unknown.append(display(childPath))
                }
            }
        case .array(let items):
            for (index, item) in items.enumerated() {
                walk(item, path: path + ["[\(index)]"], recorder: recorder, into: &unknown)
            }
        default:
            break
        }
    }

    private static func display(_ path: [String]) -> String {
        guard !path.isEmpty else { return "body" }
        return
            path.reduce(into: "") { result, part in result += part.hasPrefix("[") || result.isEmpty ? part : "." + part
            }
    }
}

/// What a type read while it decoded: each key looked up, by path, and the objects it took whole.
private final class KeyRecorder {
    var read: Set<String> = []
    var open: Set<String> = []
    /// Integer fields whose number the integer type cannot hold, by path, with the problem.
    var misread: [([String], String)] = []

    static func key(_ path: [String]) -> String { path.joined(separator: "\u{1}") }
}

private struct PathKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) {
        self.stringValue = "[\(intValue)]"
        self.intValue = intValue
    }
}

/// A decoder over a `JSONValue` that answers every question with what the body holds, as leniently as it can (the
/// body was already decoded for real), and records the keys asked for.
private struct ProbeDecoder: Decoder {
    let value: JSONValue
    let path: [String]
    let recorder: KeyRecorder
    var codingPath: [any CodingKey] { path.map { PathKey(stringValue: $0) } }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let fields) = value else {
            throw DecodingError.typeMismatch([String: Any].self, .init(codingPath: codingPath, debugDescription: ""))
        }
        return KeyedDecodingContainer(ProbeKeyed<Key>(fields: fields, path: path, recorder: recorder))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = value else {
            throw DecodingError.typeMismatch([Any].self, .init(codingPath: codingPath, debugDescription: ""))
        }
        return ProbeUnkeyed(items: items, path: path, recorder: recorder)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        ProbeSingle(value: value, path: path, recorder: recorder)
    }
}

/// Decodes `type` from `value` at `path`: values the probe cannot build faithfully (dates, UUIDs, decimals, URLs) come
/// back as stand-ins, since only the keys matter here.
private func probe<T: Decodable>(_ type: T.Type, _ value: JSONValue, path: [String], recorder: KeyRecorder) throws -> T
{
    switch type {
    case is Date.Type: return Date() as! T
    case is UUID.Type: return UUID() as! T
    case is Decimal.Type: return Decimal(0) as! T
    case is URL.Type: return URL(string: "https://example.org")! as! T
    case is JSONValue.Type:
        // Free-form by design: whatever it holds is accepted.
        recorder.open.insert(KeyRecorder.key(path))
        return value as! T
    default: return try T(from: ProbeDecoder(value: value, path: path, recorder: recorder))
    }
}

private struct ProbeKeyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let fields: [String: JSONValue]
    let path: [String]
    let recorder: KeyRecorder
    var codingPath: [any CodingKey] { path.map { PathKey(stringValue: $0) } }

    var allKeys: [Key] {
        recorder.open.insert(KeyRecorder.key(path))
        return fields.keys.compactMap { Key(stringValue: $0) }
    }

    private func note(_ key: Key) -> JSONValue? {
        recorder.read.insert(KeyRecorder.key(path + [key.stringValue]))
        return fields[key.stringValue]
    }

    func contains(_ key: Key) -> Bool { note(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let value = note(key) else { return true }
        if case .null = value { return true }
        return false
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        guard let value = note(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: ""))
        }
        return try probe(type, value, path: path + [key.stringValue], recorder: recorder)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = note(key) else { return nil }
        if case .null = value { return nil }
        return try probe(type, value, path: path + [key.stringValue], recorder: recorder)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try ProbeDecoder(value: note(key) ?? .null, path: path + [key.stringValue], recorder: recorder).container(
            keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try ProbeDecoder(value: note(key) ?? .null, path: path + [key.stringValue], recorder: recorder)
            .unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { ProbeDecoder(value: .object(fields), path: path, recorder: recorder) }
    func superDecoder(forKey key: Key) throws -> any Decoder {
        ProbeDecoder(value: note(key) ?? .null, path: path + [key.stringValue], recorder: recorder)
    }
}

private struct ProbeUnkeyed: UnkeyedDecodingContainer {
    let items: [JSONValue]
    let path: [String]
    let recorder: KeyRecorder
    var currentIndex = 0
    var codingPath: [any CodingKey] { path.map { PathKey(stringValue: $0) } }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    mutating func next() throws -> (JSONValue, [String]) {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath, debugDescription: ""))
        }
        defer { currentIndex += 1 }
        return (items[currentIndex], path + ["[\(currentIndex)]"])
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, case .null = items[currentIndex] else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (value, itemPath) = try next()
        return try probe(type, value, path: itemPath, recorder: recorder)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<
        NestedKey
    > {
        let (value, itemPath) = try next()
        return try ProbeDecoder(value: value, path: itemPath, recorder: recorder).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (value, itemPath) = try next()
        return try ProbeDecoder(value: value, path: itemPath, recorder: recorder).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let (value, itemPath) = try next()
        return ProbeDecoder(value: value, path: itemPath, recorder: recorder)
    }
}

private struct ProbeSingle: SingleValueDecodingContainer {
    let value: JSONValue
    let path: [String]
    let recorder: KeyRecorder
    var codingPath: [any CodingKey] { path.map { PathKey(stringValue: $0) } }

    func decodeNil() -> Bool {
        if case .null = value { return true }
        return false
    }

    func decode(_ type: Bool.Type) throws -> Bool { if case .bool(let b) = value { b } else { false } }
    func decode(_ type: String.Type) throws -> String { if case .string(let s) = value { s } else { "" } }
    func decode(_ type: Double.Type) throws -> Double { number }
    func decode(_ type: Float.Type) throws -> Float { Float(number) }
    func decode(_ type: Int.Type) throws -> Int { integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { integer(type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try probe(type, value, path: path, recorder: recorder) }

    /// The body's number as the type asks for it; never a conversion that could trap (`Int.max` as a `Double` is
    /// past `Int.max`).
    private var number: Double {
        switch value {
        case .int(let i): Double(i)
        case .double(let d): d.isFinite ? d : 0
        default: 0
        }
    }

    /// The body's number as the integer type asks for it; a number it cannot hold is recorded (`misreadIntegers`). A
    /// `.double` is always such a number: `JSONValue` tries `Int` first, with the decoder the type used.
    private func integer<I: FixedWidthInteger>(_ type: I.Type) -> I {
        switch value {
        case .int(let i): if let exact = I(exactly: i) { return exact }
        case .double: break
        default: return 0
        }
        recorder.misread.append((path, "must be an integer from \(I.min) to \(I.max)"))
        return 0
    }
}
