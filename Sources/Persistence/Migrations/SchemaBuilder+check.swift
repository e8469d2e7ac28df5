import FluentKit
import SQLKit

extension SchemaBuilder {
    /// A CHECK constraint: the database's own refusal of impossible rows, on SQLite and PostgreSQL alike.
    func check(_ condition: String, named name: String) -> Self {
        constraint(.constraint(.custom(SQLTableConstraintAlgorithm.check(SQLRaw(condition))), name: name))
    }
}
