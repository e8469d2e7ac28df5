package import FluentKit
package import SQLKit

extension Database {
    /// The same database for hand-written SQL: the one place a Fluent `Database` becomes an `SQLDatabase`.
    ///
    /// The cast cannot fail: `DatabaseStore` configures only the SQLite and PostgreSQL drivers, and every database
    /// either hands out (a transaction's included) is an `SQLDatabase`.
    ///
    /// Reads decode each row into a `Decodable` row type with `.convertFromSnakeCase`. SQLKit turns a property's name
    /// into a column's by putting `_` before each capital and lowering only that letter, so an acronym keeps its case:
    /// `eventId` reads `event_id`, but `eventID` would look for `event_iD`. Row types spell their IDs `…Id` for that.
    package var sql: any SQLDatabase {
        self as! any SQLDatabase
    }
}
