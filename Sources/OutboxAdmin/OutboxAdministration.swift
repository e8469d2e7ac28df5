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
        ).all()
        let counts = try await sql.raw(
            "SELECT topic, state, COUNT(*) AS n FROM outbox GROUP BY topic, state ORDER BY topic, state"
        ).all()
        return OutboxListDTO(
            items: try rows.map(Self.dto),
            counts: try counts.map {
                OutboxCountDTO(
                    topic: try $0.decode(column: "topic", as: String.self),
                    state: try $0.decode(column: "state", as: String.self),
                    count: try $0.decode(column: "n", as: Int.self))
            })
    }

    /// A failed message goes back to pending, due now, with its attempts counted afresh, its workers woken and the
    /// admin's act audited; anything else is a 409.
    func retry(_ id: UUID, by principal: Principal, meta: RequestMetadata) async throws -> OutboxMessageDTO {
        try await authorizer.require(.outboxManage, on: .platform, by: principal, database: store.database())
        let now = clock.now()
        let requeued = try await store.transaction { db -> OutboxMessageDTO? in
            guard
                let row = try await (db as! any SQLDatabase).raw(
                    """
                    UPDATE outbox SET state = 'pending', attempts = 0, available_at = \(bind: now), failed_at = NULL,
                      claim_token = NULL, lease_until = NULL
                    WHERE id = \(bind: id) AND state = 'failed' RETURNING \(unsafeRaw: Self.columns)
                    """
                ).first()
            else { return nil }
            let message = try Self.dto(row)
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
        guard let current = try await store.sql().raw("SELECT state FROM outbox WHERE id = \(bind: id)").first() else {
            throw HTTPFailure.notFound("No such outbox message.")
        }
        throw HTTPFailure.conflict(
            "Only a failed message can be retried; this one is \(try current.decode(column: "state", as: String.self))."
        )
    }

    private static func dto(_ row: any SQLRow) throws -> OutboxMessageDTO {
        let payload = try row.decode(column: "payload", as: String.self)
        return OutboxMessageDTO(
            id: try row.decode(column: "id", as: UUID.self), topic: try row.decode(column: "topic", as: String.self),
            state: try row.decode(column: "state", as: String.self),
            attempts: try row.decode(column: "attempts", as: Int.self),
            lastError: try row.optional("last_error", String.self),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            availableAt: try row.decode(column: "available_at", as: Date.self),
            deliveredAt: try row.optional("delivered_at", Date.self),
            failedAt: try row.optional("failed_at", Date.self),
            payload: (try? JSONDecoder().decode(JSONValue.self, from: Data(payload.utf8))) ?? .string(payload))
    }
}

extension OutboxMessageDTO: ResponseEncodable {}
