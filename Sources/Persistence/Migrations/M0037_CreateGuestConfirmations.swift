import FluentKit
import SQLKit

/// A guest's offline order asks its buyer to confirm their email: the order keeps its places only for
/// `GUEST_CONFIRM_WINDOW` unless the link mailed to them is followed. One row per such order: the link's token (only
/// its SHA-256) and when it was confirmed.
struct M0037_CreateGuestConfirmations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("guest_confirmations")
            .field(
                "order_id", .uuid, .identifier(auto: false), .references(OrderRecord.schema, .id, onDelete: .cascade)
            )
            .field("token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("confirmed_at", .datetime)
            .unique(on: "token_hash", name: "guest_confirmations_token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("guest_confirmations").delete()
    }
}
