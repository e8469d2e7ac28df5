import Audit
public import Domain
import FluentKit
public import Foundation
public import HTTPCore
public import Hummingbird
import Identity
import Outbox
public import Persistence
import SQLKit

/// One outbox message as the admin API shows it.
public struct OutboxMessageDTO: Codable, Sendable, Equatable {
    public var id: UUID
    public var topic: String
    /// `pending`, `delivered` or `failed`.
    public var state: String
    public var attempts: Int
    public var lastError: String?
    public var createdAt: Date
    /// When a pending message is next due.
    public var availableAt: Date
    public var deliveredAt: Date?
    public var failedAt: Date?
    public var payload: JSONValue
}

/// How many messages each topic has in each state.
public struct OutboxCountDTO: Codable, Sendable, Equatable {
    public var topic: String
    public var state: String
    public var count: Int
}

public struct OutboxListDTO: Codable, Sendable, ResponseEncodable {
    public var items: [OutboxMessageDTO]
    public var counts: [OutboxCountDTO]
}

/// `GET /api/admin/outbox` and `POST /api/admin/outbox/{id}/retry`: admins see what is owed, delivered and failed, and
/// queue a failed message again.
public struct OutboxAdminRoutes: Sendable {
    let store: DatabaseStore
    let clientAddress: ClientAddress
    let clock: AppClock
    let authorizer = Authorizer()
    let audit = AuditTrail()

    public init(store: DatabaseStore, clientAddress: ClientAddress, clock: AppClock) {
        self.store = store
        self.clientAddress = clientAddress
        self.clock = clock
    }

    public func register(on router: some RouterMethods<AppRequestContext>) {
        let users = router.group(context: UserRequestContext.self)
        users.get("/api/admin/outbox") { request, context in
            try await authorizer.require(.outboxManage, on: .platform, by: context.identity, database: store.database())
            var reader = QueryReader(request.uri.queryParameters)
            let topic = reader.choice(
                "topic", as: OutboxTopic.self, allowed: OutboxTopic.allCases.map(\.rawValue).joined(separator: ", "))
            let state = reader.choice(
                "state", as: OutboxState.self, allowed: OutboxState.allCases.map(\.rawValue).joined(separator: ", "))
            let limit = reader.integer("limit", in: 1...500, default: 100)
            try reader.throwIfAny()
            return try await list(topic: topic?.rawValue, state: state?.rawValue, limit: limit)
        }
        users.post("/api/admin/outbox/:id/retry") { request, context in
            try await authorizer.require(.outboxManage, on: .platform, by: context.identity, database: store.database())
            return try await retry(
                try context.pathUUID("id"), by: context.identity, meta: clientAddress.metadata(request, context))
        }
    }

    enum OutboxState: String, CaseIterable {
        case pending, delivered, failed
    }

    private static let columns =
        "id, topic, state, attempts, last_error, created_at, available_at, delivered_at, failed_at, payload"

    func list(topic: String?, state: String?, limit: Int) async throws -> OutboxListDTO {
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
