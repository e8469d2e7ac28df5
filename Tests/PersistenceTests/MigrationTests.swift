import BoxOfficeApp
import FluentKit
import Foundation
import Persistence
import SQLKit
import TestSupport
import Testing

@Suite struct MigrationTests {
    @Test(arguments: TestDatabase.all)
    func migrateAppliesAndRevertUndoesTheLastBatch(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let runner = MigrationRunner(store: app.store, migrations: SchemaMigrations.all + [ProbeMigration()])
            #expect(try await runner.migrate() == [ProbeMigration().name])
            try await app.store.sql().raw(
                "INSERT INTO probe (id, label) VALUES ('6b0c9c5e-0d0e-4f4e-9a53-6c1f1f3d8b11', 'x')"
            ).run()
            #expect(try await runner.migrate().isEmpty, "a second run applies nothing")

            #expect(try await runner.revertLastBatch() == [ProbeMigration().name])
            await #expect(throws: (any Error).self) {
                try await app.store.sql().raw("SELECT label FROM probe").run()
            }
        }
    }
}

/// The outbox's indexed IDs (`M0045_AddOutboxIndexedIDs`): rows written before it get theirs from their payload.
@Suite struct OutboxIndexedIDsMigrationTests {
    @Test(arguments: TestDatabase.all)
    func rowsFromBeforeGetTheirIDsFromTheirPayload(_ database: TestDatabase) async throws {
        let before = SchemaMigrations.all.prefix { !$0.name.hasSuffix("M0045_AddOutboxIndexedIDs") }
        try await withApp(database, migrations: Array(before)) { app in
            let order = UUID()
            let broadcast = UUID()
            let subscriber = UUID()
            let rows: [(UUID, String, String)] = [
                (UUID(), "email.order_notice", #"{"actor":"user","orderId":"\#(order.uuidString)"}"#),
                (
                    UUID(), "email.broadcast_copy",
                    #"{"broadcastId":"\#(broadcast.uuidString)","email":"a@example.org"}"#
                ),
                (UUID(), "email.newsletter_confirmation", #"{"subscriberId":"\#(subscriber.uuidString)"}"#),
                (UUID(), "system.ping", #"{"note":"n"}"#),
            ]
            for (id, topic, payload) in rows {
                try await app.store.sql().raw(
                    """
                    INSERT INTO outbox (id, topic, payload, created_at, available_at, attempts)
                    VALUES (\(bind: id), \(bind: topic), \(bind: payload), \(bind: Date()), \(bind: Date()), 0)
                    """
                ).run()
            }
            let runner = MigrationRunner(store: app.store, migrations: SchemaMigrations.all)
            #expect(try await runner.migrate().contains { $0.hasSuffix("M0045_AddOutboxIndexedIDs") })
            var found: [UUID: [UUID?]] = [:]
            for (id, _, _) in rows {
                let row = try #require(
                    try await app.store.sql().raw(
                        "SELECT order_id, broadcast_id, subscriber_id FROM outbox WHERE id = \(bind: id)"
                    ).first(decoding: IndexedIDsRow.self, keyDecodingStrategy: .convertFromSnakeCase))
                found[id] = [row.orderId, row.broadcastId, row.subscriberId]
            }
            #expect(found[rows[0].0] == [order, nil, nil])
            #expect(found[rows[1].0] == [nil, broadcast, nil])
            #expect(found[rows[2].0] == [nil, nil, subscriber])
            #expect(found[rows[3].0] == [nil, nil, nil])
            // And it can be taken back.
            _ = try await runner.revertLastBatch()
            await #expect(throws: (any Error).self) {
                try await app.store.sql().raw("SELECT order_id FROM outbox").run()
            }
        }
    }
}

private struct IndexedIDsRow: Decodable {
    var orderId: UUID?
    var broadcastId: UUID?
    var subscriberId: UUID?
}
