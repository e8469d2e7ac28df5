public import FluentKit
import PostgresKit
public import PostgresNIO

/// A PostgreSQL statement for a hot path, run through PostgresNIO with its values bound natively. SQLKit encodes every
/// bound value through `Codable`, which is fine for a row but not for a purchase batch's thousands; here a batch binds
/// one array per column (`unnest`), so the statement's text and its number of parameters stay the same whatever the
/// batch's size.
///
/// A reference type so that `bind` can be called while the text that uses the placeholder is being built.
public final class PostgresStatement {
    public private(set) var sql = ""
    private var bindings = PostgresBindings()

    public init() {}

    /// Binds `value` and returns its placeholder (`$1`, `$2`, …).
    public func bind<Value: PostgresEncodable>(_ value: Value) throws -> String {
        try bindings.append(value)
        return "$\(bindings.count)"
    }

    public func append(_ text: String) {
        sql += text
    }

    /// Runs the statement on the connection `db` uses: inside a transaction, that transaction's.
    public func run(on db: any Database) async throws {
        guard let postgres = db as? any PostgresDatabase else {
            preconditionFailure("PostgresStatement runs on PostgreSQL only")
        }
        let query = PostgresQuery(unsafeSQL: sql, binds: bindings)
        _ = try await postgres.withConnection { connection in connection.query(query, logger: db.logger) }.get()
    }
}

extension Array where Element == String? {
    /// A nullable text column as two arrays PostgreSQL can `unnest`: the values ("" for none) and which are none.
    public var nullableColumn: (values: [String], isNull: [Bool]) {
        (map { $0 ?? "" }, map { $0 == nil })
    }
}
