public import FluentKit

/// Every schema change, in the order it is applied.
///
/// Rules: one change per file under `Migrations/`, named verb-first with its sequence number
/// (`M0001_CreateUsers`); appended here, never reordered; never edited once landed (write a new one);
/// each works on SQLite and PostgreSQL, or says in its comment why it branches.
public enum SchemaMigrations {
    public static let all: [any Migration] = []
}
