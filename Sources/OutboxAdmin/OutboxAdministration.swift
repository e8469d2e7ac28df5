import Audit
public import Domain
import FluentKit
import Foundation
import HTTPCore
public import Hummingbird
import Identity
import Outbox
public import Persistence
import SQLKit

/// The outbox as admins manage it; the one place these acts are authorized (`outbox.manage`).
public struct OutboxAdministration: Sendable {
    let store: DatabaseStore
    let clock: AppClock
    let authorizer = Authorizer()
    let audit = AuditTrail()

    public init(store: DatabaseStore, clock: AppClock) {
        self.store = store
        self.clock = clock
    }

    enum OutboxState: String, CaseIterable {
        case pending, delivered, failed
    }

    private static let columns =
        "id, topic, state, attempts, last_error, created_at, available_at, delivered_at, failed_at, payload"

    func list(topic: String?, state: String?, limit: Int, by principal: Principal) async throws -> OutboxListDTO {
        try await authorizer.require(.outboxManage, on: .platform, by: principal, database: store.database())
        let sql = store.sql()
        var conditions: [SQLQueryString] = []
        if let topic { conditions.append("topic = \(bind: topic)") }
        if let state { conditions.append("state = \(bind: state)") }
        let filter: SQLQueryString = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let rows = try await sql.raw(
            "SELECT \(unsafeRaw: Self.columns) FROM outbox" + filter + """
                 ORDER BY created_at DESC, id LIMIT \(literal: limit)
                """
        ).all(rows: OutboxMessageRow.self)
        let counts = try await sql.raw(
            "SELECT topic, state, COUNT(*) AS n FROM outbox GROUP BY topic, state ORDER BY topic, state"
        ).all(rows: OutboxCountRow.self)
        return OutboxListDTO(
            items: rows.map(\.dto),
            counts: counts.map { OutboxCountDTO(topic: $0.topic, state: $0.state, count: $0.n) })
    }

    /// A failed message goes back to pending, due now, with its attempts counted afresh, its workers woken and the
    /// admin's act audited; anything else is a 409.
    func retry(_ id: UUID, by principal: Principal, meta: RequestMetadata) async throws -> OutboxMessageDTO {
        try await authorizer.require(.outboxManage, on: .platform, by: principal, database: store.database())
        let now = clock.now()
        let requeued = try await store.transaction { db -> OutboxMessageDTO? in
            guard
                let row = try await db.sql.raw(
                    """
                    UPDATE outbox SET state = 'pending', attempts = 0, available_at = \(bind: now), failed_at = NULL,
                      claim_token = NULL, lease_until = NULL
                    WHERE id = \(bind: id) AND state = 'failed' RETURNING \(unsafeRaw: Self.columns)
                    """
                ).first(row: OutboxMessageRow.self)
            else { return nil }
            let message = row.dto
            if let topic = OutboxTopic(rawValue: message.topic) { try await Outbox.announceDue(topic, on: db) }
            try await audit.record(
                AuditEntry(
                    actor: AuditActor(principal), action: "outbox.retried", targetType: "outbox_message",
                    targetID: id.uuidString, organizationID: nil,
                    details: [
                        "topic": .string(message.topic), "lastError": message.lastError.map(JSONValue.string) ?? .null,
                    ]),
                from: meta, at: now, on: db)
            return message
        }
        if let requeued { return requeued }
        guard
            let current = try await store.sql().raw("SELECT state FROM outbox WHERE id = \(bind: id)")
                .first(row: OutboxStateRow.self)
        else {
            throw HTTPFailure.notFound("No such outbox message.")
        }
        throw HTTPFailure.conflict("Only a failed message can be retried; this one is \(current.state).")
    }
}

/// A message as `OutboxAdministration.columns` reads it.
private struct OutboxMessageRow: Decodable {
    var id: UUID
    var topic: String
    var state: String
    var attempts: Int
    var lastError: String?
    var createdAt: Date
    var availableAt: Date
    var deliveredAt: Date?
    var failedAt: Date?
    var payload: String

    var dto: OutboxMessageDTO {
        OutboxMessageDTO(
            id: id, topic: topic, state: state, attempts: attempts, lastError: lastError, createdAt: createdAt,
            availableAt: availableAt, deliveredAt: deliveredAt, failedAt: failedAt,
            payload: (try? JSONDecoder().decode(JSONValue.self, from: Data(payload.utf8))) ?? .string(payload))
    }
}

/// The messages of one topic in one state.
private struct OutboxCountRow: Decodable {
    var topic: String
    var state: String
    var n: Int
}

private struct OutboxStateRow: Decodable {
    var state: String
}

extension OutboxMessageDTO: ResponseEncodable {}
