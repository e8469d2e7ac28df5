import FluentKit
import SQLKit

struct M0006_CreateAuditLogs: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditLogRecord.schema)
            .id()
            .field("occurred_at", .datetime, .required)
            .field("actor_kind", .string, .required)
            .field("actor_id", .uuid)
            .field("action", .string, .required)
            .field("target_type", .string, .required)
            .field("target_id", .string)
            .field("organization_id", .uuid)
            .field("ip", .string)
            .field("user_agent", .string)
            .field("request_id", .string)
            .field("details", .string, .required)
            .create()
        // The audit API filters by time, actor, action and organization; each gets an index.
        let sql = database as! any SQLDatabase
        for column in ["occurred_at", "actor_id", "action", "organization_id"] {
            try await sql.create(index: "audit_logs_\(column)").on(AuditLogRecord.schema).column(column).run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditLogRecord.schema).delete()
    }
}
