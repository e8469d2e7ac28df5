package import FluentKit
package import SQLKit

extension Database {
    /// The same database for hand-written SQL: the one place a Fluent `Database` becomes an `SQLDatabase`.
    ///
    /// The cast cannot fail: `DatabaseStore` configures only the SQLite and PostgreSQL drivers, and every database
    /// either hands out (a transaction's included) is an `SQLDatabase`.
    ///
    /// Reads decode each row into a `Decodable` row type with `all(rows:)` / `first(row:)` (SnakeCaseRows.swift).
    package var sql: any SQLDatabase {
        self as! any SQLDatabase
    }
}
