public import FluentKit
import Foundation
import SQLKit

/// Row locks for decisions that span several rows (such as "keep at least one owner").
public enum RowLocks {
    /// Locks one organization row until the transaction ends, serialising changes to its members.
    ///
    /// PostgreSQL takes a row lock. SQLite needs none: BoxOffice gives it a single connection, and a
    /// transaction holds that connection until it commits, so transactions never interleave there.
    public static func lockOrganization(_ id: UUID, on database: any Database) async throws {
        let sql = database.sql
        guard sql.dialect.name == "postgresql" else { return }
        try await sql.raw("SELECT id FROM organizations WHERE id = \(bind: id) FOR UPDATE").run()
    }

    /// Locks every session of an event, then every ticket type, each by ID: the lock order of every transaction that
    /// moves place counters (`LockedSales` in Sales), for changes that remove those rows.
    public static func lockEventPlaces(_ eventID: UUID, on database: any Database) async throws {
        let sql = database.sql
        guard sql.dialect.name == "postgresql" else { return }
        try await sql.raw("SELECT id FROM sessions WHERE event_id = \(bind: eventID) ORDER BY id FOR UPDATE").run()
        try await sql.raw("SELECT id FROM ticket_types WHERE event_id = \(bind: eventID) ORDER BY id FOR UPDATE").run()
    }
}
