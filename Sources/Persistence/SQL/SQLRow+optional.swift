public import SQLKit

extension SQLRow {
    /// A nullable column: nil for SQL NULL, the decoded value otherwise.
    public func optional<T: Decodable>(_ column: String, _ type: T.Type) throws -> T? {
        try decodeNil(column: column) ? nil : decode(column: column, as: T.self)
    }
}
