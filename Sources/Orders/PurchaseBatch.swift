import Domain
import FluentKit
import Foundation
import HTTPCore
import Identity
import Inventory
import Persistence
import SQLKit

/// PostgreSQL: purchases paid at once, decided and written many at a time, in one transaction of three statements
/// whatever their number: lock the included sessions, lock the ticket types (with their sale facts and prices), then
/// one statement that moves each touched counter once and inserts every order, item, ticket, transition and outbox
/// row (purchases that bring an `Idempotency-Key` add a statement that claims the keys first, and one that frees
/// those of refused purchases). Each purchase is decided in arrival order against the locked rows, exactly as if they
/// had come one after another, so a batch of two hundred costs the hot rows one lock and one WAL flush instead of
/// two hundred.
enum PurchaseBatch {
    /// A validated purchase waiting for its batch; its ticket secrets are issued before any row is locked.
    struct Purchase: Sendable {
        var valid: CheckoutService.ValidCheckout
        var eventID: UUID?
        var accessTokenHash: String
        var secrets: [TicketKeys.Issued]
        var now: Date
        var key: IdempotencyKey?
        /// Drawn before the batch, so that a claimed key can name its order at once.
        var orderID = UUID.random()
    }

    enum Outcome: Sendable {
        case sold(OrderDTO)
        case refused(any Error)
        /// Not one for a batch: the order would stay pending and keep a hold while the buyer pays, or its
        /// `Idempotency-Key` was seen before. The one-transaction way decides it (and replays or refuses a seen key).
        case elsewhere
    }

    private enum Decision {
        case sell(OrderDraft)
        case refuse(any Error)
        case short(InventoryError)
        case elsewhere
    }

    /// Decides and writes `purchases` in one transaction (run again on a deadlock, or when two orders drew the same number).
    static func run(_ purchases: [Purchase], providers: PaymentProviders, store: DatabaseStore) async throws -> [Outcome] {
        var attempt = 1
        while true {
            do {
                return try await store.transaction { db in try await decideAndWrite(purchases, providers: providers, on: db) }
            } catch where attempt < 3 && DatabaseFailure.isUniqueViolation(error) {
                attempt += 1
            }
        }
    }

    private static func decideAndWrite(_ purchases: [Purchase], providers: PaymentProviders, on db: any Database) async throws -> [Outcome] {
        // Keys first, before any hot row is locked, so waiting on another transaction's use of a key holds up nobody.
        let keyed = purchases.enumerated().compactMap { index, purchase in
            purchase.key.map { (index: index, key: $0, orderID: purchase.orderID, now: purchase.now) }
        }
        let claimed = try await IdempotencyKey.claimAll(keyed, on: db)
        let seen = Set(keyed.map(\.index)).subtracting(claimed)
        let typeIDs = Array(Set(purchases.compactMap(\.valid.ticketTypeID)))
        var locked = try await LockedSales.lock(typeIDs, on: db)
        var decisions = try decide(purchases, skipping: seen, on: &locked, providers: providers)
        // Expired holds are free places whether or not the sweeper has run: when some purchase fell short, reclaim those
        // that stand in its way and decide the whole batch again on the rows as they are now.
        if decisions.contains(where: { if case .short = $0 { true } else { false } }) {
            let sessions = Set(locked.types.values.flatMap(\.context.target.sessionIDs))
            if try await SeatLedger.reclaimExpired(touching: Array(sessions), now: purchases.map(\.now).max()!, on: db) > 0 {
                locked = try await LockedSales.lock(typeIDs, on: db)
                decisions = try decide(purchases, skipping: seen, on: &locked, providers: providers)
            }
        }
        let drafts = decisions.compactMap { decision -> OrderDraft? in if case .sell(let draft) = decision { draft } else { nil } }
        let released = decisions.indices.compactMap { index -> IdempotencyKey? in
            if case .sell = decisions[index] { return nil }
            return claimed.contains(index) ? purchases[index].key : nil
        }
        try await IdempotencyKey.releaseAll(released, on: db)
        if !drafts.isEmpty {
            let statement = PostgresStatement()
            statement.append(try "WITH " + SeatLedger.spendClauses(locked.places, into: .sold, on: statement) + ", ")
            statement.append(try OrderDraft.insertClauses(drafts, on: statement) + " SELECT 1 AS written")
            try await statement.run(on: db)
        }
        return decisions.map { decision in
            switch decision {
            case .sell(let draft): .sold(draft.dto())
            case .refuse(let error): .refused(error)
            case .short(let error): .refused(error)
            case .elsewhere: .elsewhere
            }
        }
    }

    /// The same checks, in the same order, as the transactional way (`CheckoutService.purchase`), spending the locked places.
    private static func decide(_ purchases: [Purchase], skipping seen: Set<Int>, on locked: inout LockedSales, providers: PaymentProviders)
        throws -> [Decision]
    {
        try purchases.enumerated().map { index, purchase in
            if seen.contains(index) { return .elsewhere }
            let quantity = purchase.valid.quantity ?? 1
            guard let typeID = purchase.valid.ticketTypeID, let type = locked.types[typeID] else {
                return .refuse(InventoryError.ticketTypeNotFound)
            }
            do {
                try type.context.requireEvent(purchase.eventID)
                try type.context.checkOnSale(quantity: quantity, now: purchase.now)
            } catch { return .refuse(error) }
            let price = Pricing(priceMinor: type.priceMinor, memberPriceMinor: type.memberPriceMinor, currency: type.currency,
                                memberBuyer: purchase.valid.buyer.userID != nil)
            let provider = providers.provider(totalMinor: price.unitMinor * quantity)
            guard case .paid = provider.start(totalMinor: price.unitMinor * quantity, now: purchase.now) else { return .elsewhere }
            if let shortage = locked.places.take(quantity, of: type.context.target) { return .short(shortage) }
            return .sell(try OrderDraft(
                purchase.valid, ticketTypeID: typeID, eventID: type.context.eventID, quantity: quantity, price: price,
                provider: provider.name, holdID: nil, deadline: nil, accessTokenHash: purchase.accessTokenHash, secrets: purchase.secrets,
                now: purchase.now, orderID: purchase.orderID))
        }
    }
}
