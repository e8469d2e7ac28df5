import FluentKit
import SQLKit

/// The IDs an outbox message concerns (its payload's `orderId`, `broadcastId`, `subscriberId`) in columns of their
/// own, indexed, written with each row (`OutboxIndexedIDs`): the email log finds an organization's mail by them in
/// plain SQL instead of reading the JSON payload in each dialect. Rows from before get theirs from their payload: the
/// one place left that reads it per dialect. SQLite adds one column per statement. The indexes leave out rows without
/// the ID (most rows have no broadcast or subscriber).
struct M0045_AddOutboxIndexedIDs: AsyncMigration {
    static let columns = [("order_id", "orderId"), ("broadcast_id", "broadcastId"), ("subscriber_id", "subscriberId")]

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for (column, _) in Self.columns {
            try await database.schema(OutboxRecord.schema).field(.init(stringLiteral: column), .uuid).update()
        }
        let assignments = Self.columns.map { column, key in
            switch sql.dialect.name {
            case "postgresql": "\(column) = (payload::jsonb->>'\(key)')::uuid"
            default: "\(column) = json_extract(payload, '$.\(key)')"
            }
        }
        try await sql.raw("UPDATE outbox SET \(unsafeRaw: assignments.joined(separator: ", "))").run()
        for (column, _) in Self.columns {
            try await sql.raw(
                "CREATE INDEX outbox_\(unsafeRaw: column) ON outbox (\(unsafeRaw: column)) WHERE \(unsafeRaw: column) IS NOT NULL"
            ).run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for (column, _) in Self.columns {
            try await sql.drop(index: "outbox_\(column)").run()
            try await database.schema(OutboxRecord.schema).deleteField(.key(.init(stringLiteral: column))).update()
        }
    }
}
