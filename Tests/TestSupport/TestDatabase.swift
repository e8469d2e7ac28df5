import Foundation
import Testing

/// The databases a test body runs on: SQLite always, PostgreSQL when `BOXOFFICE_TEST_POSTGRES_URL`
/// names a server (a superuser URL to its maintenance database; `scripts/test` starts one).
///
/// Use as `@Test(arguments: TestDatabase.all) func something(_ database: TestDatabase)`.
public enum TestDatabase: String, Sendable, CustomTestStringConvertible, CaseIterable {
    case sqlite
    case postgres

    public static var all: [TestDatabase] {
        let environment = ProcessInfo.processInfo.environment
        // Under scripts/test (and CI) a missing server must fail loudly, not quietly halve the suite.
        let required = environment["BOXOFFICE_TEST_REQUIRE_POSTGRES"] == "1"
        return postgresAdminURL != nil || required ? [.sqlite, .postgres] : [.sqlite]
    }

    static var postgresAdminURL: String? {
        ProcessInfo.processInfo.environment["BOXOFFICE_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    public var testDescription: String { rawValue }
}
