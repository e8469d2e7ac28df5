package import SQLKit
import Synchronization

/// Reads rows into `Decodable` row types: a property `eventId` reads the column `event_id`.
///
/// SQLKit's `.convertFromSnakeCase` strategy names the same columns, but it converts a property's name with
/// Unicode-aware `Character` work on every field of every row, three times for an optional one (`contains`,
/// `decodeNil`, `decode`). On the event list (20 events, their sessions and ticket types) that conversion was the
/// largest cost of a request once rows were typed (docs/benchmarks.md, "Before and after the API document became the
/// source of the wire types"). This decoder converts the name's ASCII bytes once per field, by the same rule, and reads
/// an optional field with two lookups. A property's name becomes a column's by putting `_` before each capital and
/// lowering only that letter, so an acronym keeps its case: `eventId` reads `event_id`, but `eventID` would look for
/// `event_iD`. Row types spell their IDs `…Id` for that.
extension SQLQueryFetcher {
    /// Every row the query returns, as `Row`.
    package func all<Row: Decodable>(rows: Row.Type) async throws -> [Row] {
        try await all().map { try SnakeCaseRowDecoder(row: $0).decode(Row.self) }
    }

    /// The first row the query returns, as `Row` (a select is limited to one row).
    package func first<Row: Decodable>(row: Row.Type) async throws -> Row? {
        try await first().map { try SnakeCaseRowDecoder(row: $0).decode(Row.self) }
    }
}

extension SQLRow {
    /// This row as `Row`, its properties read from the snake-case columns.
    package func decode<Row: Decodable>(row: Row.Type) throws -> Row {
        try SnakeCaseRowDecoder(row: self).decode(Row.self)
    }
}

struct SnakeCaseRowDecoder: Decoder {
    let row: any SQLRow
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func decode<Row: Decodable>(_ type: Row.Type) throws -> Row {
        try Row(from: self)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(Columns<Key>(row: row))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch(
            [Any].self, .init(codingPath: [], debugDescription: "a row is read by column names, not as a list"))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        throw DecodingError.typeMismatch(
            Any.self, .init(codingPath: [], debugDescription: "a row is read by column names, not as one value"))
    }

    /// The columns of the names seen so far: a row type's few names recur on every row of every query.
    private static let columns = Mutex<[String: String]>([:])

    /// `event_id` for `eventId`, worked out once per name (`snakeCase(_:)`); a name without capitals is its column.
    static func column(for key: String) -> String {
        guard key.utf8.contains(where: { $0 >= 65 && $0 <= 90 }) else { return key }
        if let known = columns.withLock({ $0[key] }) { return known }
        let column = snakeCase(key)
        columns.withLock { $0[key] = column }
        return column
    }

    /// SQLKit's snake-case rule (a word starts at a capital; a run of capitals followed by a lowercase letter ends one
    /// letter early; each word's first letter is lowered), over ASCII bytes.
    static func snakeCase(_ key: String) -> String {
        let name = Array(key.utf8)
        guard !name.isEmpty else { return key }
        func isUpper(_ byte: UInt8) -> Bool { byte >= 65 && byte <= 90 }
        func isLower(_ byte: UInt8) -> Bool { byte >= 97 && byte <= 122 }
        var wordStarts: [Int] = [0]
        var search = 1
        while let upper = name[min(search, name.count)...].firstIndex(where: isUpper) {
            if upper != wordStarts.last { wordStarts.append(upper) }
            guard let lower = name[upper...].firstIndex(where: isLower) else { break }
            search = lower
            if lower != upper + 1 { wordStarts.append(lower - 1) }
        }
        var column: [UInt8] = []
        column.reserveCapacity(name.count + wordStarts.count)
        for (offset, byte) in name.enumerated() {
            if offset > 0, wordStarts.contains(offset) { column.append(UInt8(ascii: "_")) }
            column.append(wordStarts.contains(offset) && isUpper(byte) ? byte + 32 : byte)
        }
        return String(decoding: column, as: UTF8.self)
    }

    private struct Columns<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let row: any SQLRow
        var codingPath: [any CodingKey] { [] }

        var allKeys: [Key] {
            row.allColumns.compactMap { column in
                Key(
                    stringValue: column.split(separator: "_").enumerated().map { $0 == 0 ? String($1) : $1.capitalized }
                        .joined())
            }
        }

        func contains(_ key: Key) -> Bool {
            row.contains(column: SnakeCaseRowDecoder.column(for: key.stringValue))
        }

        func decodeNil(forKey key: Key) throws -> Bool {
            try row.decodeNil(column: SnakeCaseRowDecoder.column(for: key.stringValue))
        }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            // The drivers refuse a column the row does not have (no separate `contains` lookup first).
            try row.decode(column: SnakeCaseRowDecoder.column(for: key.stringValue), as: T.self)
        }

        /// A column that is absent or NULL reads as nil; one lookup for the NULL, one for the value.
        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            let column = SnakeCaseRowDecoder.column(for: key.stringValue)
            if try row.decodeNil(column: column) { return nil }
            return try row.decode(column: column, as: T.self)
        }

        // The standard library's own overloads for these types would ask `contains`, `decodeNil` and `decode`.
        func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try present(type, key) }
        func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try present(type, key) }
        func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try present(type, key) }
        func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try present(type, key) }
        func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try present(type, key) }
        func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try present(type, key) }
        func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try present(type, key) }
        func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try present(type, key) }
        func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try present(type, key) }
        func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try present(type, key) }
        func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try present(type, key) }
        func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try present(type, key) }
        func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try present(type, key) }
        func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try present(type, key) }

        private func present<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T? {
            let column = SnakeCaseRowDecoder.column(for: key.stringValue)
            if try row.decodeNil(column: column) { return nil }
            return try row.decode(column: column, as: T.self)
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            throw DecodingError.typeMismatch(
                type, .init(codingPath: [key], debugDescription: "a column holds one value, not a nested row"))
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            throw DecodingError.typeMismatch(
                [Any].self, .init(codingPath: [key], debugDescription: "a column holds one value, not a list"))
        }

        func superDecoder() throws -> any Decoder { SnakeCaseRowDecoder(row: row) }
        func superDecoder(forKey key: Key) throws -> any Decoder { SnakeCaseRowDecoder(row: row) }
    }
}
