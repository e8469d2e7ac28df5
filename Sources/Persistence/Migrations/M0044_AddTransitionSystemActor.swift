import FluentKit
import SQLKit

/// The worker that made a transition, when BoxOffice itself did, in a column of its own, so that what it did is read
/// without parsing the reason it leads (`payments: card payment failed: …`). Earlier rows get theirs from that reason;
/// the names are those of the system actors when this was written.
struct M0044_AddTransitionSystemActor: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OrderTransitionRecord.schema).field("system_actor", .string).update()
        let sql = database as! any SQLDatabase
        for worker in ["payments", "event-cancellation", "email-confirmation", "hold-sweeper", "sale-reclaim"] {
            try await sql.raw(
                """
                UPDATE order_transitions SET system_actor = \(bind: worker)
                WHERE actor_kind = 'system' AND (reason = \(bind: worker) OR reason LIKE \(bind: worker + ":%"))
                """
            ).run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OrderTransitionRecord.schema).deleteField("system_actor").update()
    }
}
