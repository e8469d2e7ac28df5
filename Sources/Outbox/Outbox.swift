public import Domain
public import FluentKit
import Foundation
public import Persistence
import SQLKit

/// Side effects owed after a commit, written as outbox rows in the writer's own transaction: a typed message
/// (`OutboxMessage`, topics in `OutboxTopic`) is stored as JSON, and the change it announces goes out on the change feed
/// when the transaction commits (PostgreSQL `NOTIFY`, delivered at commit to every instance; on SQLite the store
/// publishes it in-process after the commit). Workers (`OutboxWorker`) deliver the rows afterwards.
public enum Outbox {
    /// One row to write.
    public struct Row: Sendable {
        public var id: UUID
        public var topic: OutboxTopic
        public var payload: String
        public var subjects: [UUID]
        /// Written to the row's indexed columns (`order_id`, `broadcast_id`, `subscriber_id`).
        public var indexedIDs: OutboxIndexedIDs
    }

    public static func row<Message: OutboxMessage>(_ message: Message) throws -> Row {
        Row(
            id: UUID.random(), topic: Message.topic,
            payload: String(decoding: try encoder.encode(message), as: UTF8.self),
            subjects: message.subjects, indexedIDs: message.indexedIDs)
    }

    /// Writes `message` in the caller's transaction and announces it on the change feed at commit.
    public static func enqueue<Message: OutboxMessage>(_ message: Message, now: Date, on db: any Database) async throws
    {
        try await enqueue([try row(message)], now: now, on: db)
    }

    /// Several rows in one statement, and their changes announced once.
    public static func enqueue(_ rows: [Row], now: Date, on db: any Database) async throws {
        guard !rows.isEmpty else { return }
        let values = rows.map { row -> SQLQueryString in
            """
            (\(bind: row.id), \(bind: row.topic.rawValue), \(bind: row.payload), \(bind: now), \(bind: now), 0,
              \(bind: row.indexedIDs.orderID), \(bind: row.indexedIDs.broadcastID), \(bind: row.indexedIDs.subscriberID))
            """
        }
        try await db.sql.raw(
            "INSERT INTO \(unsafeRaw: columns) VALUES " + values.joined(separator: ", ")
        ).run()
        try await announce(rows, on: db)
    }

    /// The rows' changes on the change feed: one `NOTIFY` per topic on PostgreSQL (delivered when the transaction
    /// commits, dropped if it rolls back), or noted for publication after the commit on SQLite (by
    /// `DatabaseStore.transaction`). For writers that insert the rows themselves (a purchase batch's single statement).
    public static func announce(_ rows: [Row], on db: any Database) async throws {
        try await announce(changes: ChangeFeedPayload.changes(of: rows.map { ($0.topic, $0.subjects) }), on: db)
    }

    /// Announces that messages of `topic` are due again (an admin queued a failed one), so its workers look at once.
    public static func announceDue(_ topic: OutboxTopic, on db: any Database) async throws {
        try await announce(changes: [Change(topic: topic, subjects: [])], on: db)
    }

    private static func announce(changes: [Change], on db: any Database) async throws {
        let sql = db.sql
        guard sql.dialect.name == "postgresql" else { return CommittedChanges.note(changes) }
        for change in changes {
            try await sql.raw(
                "SELECT pg_notify(\(bind: ChangeFeedPayload.channel), \(bind: ChangeFeedPayload.encode(change)))"
            ).run()
        }
    }

    public static let columns =
        "outbox (id, topic, payload, created_at, available_at, attempts, order_id, broadcast_id, subscriber_id)"

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()
}

/// The change feed's wire format on PostgreSQL: channel `boxoffice_changes`, payload `{"topic":…,"subjects":[…]}`.
/// NOTIFY payloads must stay under 8,000 bytes; a change about more IDs than fit is sent without them (subscribers
/// then read what they need).
public enum ChangeFeedPayload {
    public static let channel = "boxoffice_changes"
    static let maximumSubjects = 150

    /// One change per topic, with the subjects of all its rows.
    static func changes(of rows: [(OutboxTopic, [UUID])]) -> [Change] {
        var order: [OutboxTopic] = []
        var subjects: [OutboxTopic: [UUID]] = [:]
        for (topic, ids) in rows {
            if subjects[topic] == nil { order.append(topic) }
            subjects[topic, default: []].append(contentsOf: ids)
        }
        return order.map { topic in
            var seen = Set<UUID>()
            let unique = subjects[topic, default: []].filter { seen.insert($0).inserted }
            return Change(topic: topic, subjects: unique.count <= maximumSubjects ? unique : [])
        }
    }

    public static func encode(_ change: Change) -> String {
        String(decoding: (try? Outbox.encoder.encode(change)) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// A payload from another instance; anything unreadable is taken as "anything may have changed".
    public static func decode(_ payload: String) -> Change {
        (try? JSONDecoder().decode(Change.self, from: Data(payload.utf8))) ?? .anything
    }
}
