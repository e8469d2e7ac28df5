import Domain
import FluentKit
import Foundation
import HTTPCore
import Outbox
import Persistence
import SQLKit
import Sales
import Tickets

/// Every purchase of places, paid at once or pending payment, decided and written many at a time: one transaction locks
/// the included sessions, then the ticket types (`LockedSales`, the one lock order), decides each purchase in arrival
/// order against the locked rows with the one decision of a sale (`LockedSales.decide`), exactly as if they had come one
/// after another, and writes what it sold. On PostgreSQL that is one statement whatever the batch's size: it moves each
/// touched counter once and inserts every hold, order, item, ticket and outbox row (plus one for the transitions, and,
/// for purchases that bring an `Idempotency-Key`, one that claims the keys first and one that frees those of refused
/// purchases). On SQLite, one writer by design, the same decisions are written row by row in the same transaction. A
/// batch of two hundred costs the hot rows one lock and one commit instead of two hundred.
///
/// A pending order (offline or card payment, or a guest's free order until their email is confirmed) keeps its places
/// as `held` through a hold of its own that ends when the order is paid, cancelled or expires at its payment deadline.
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
        /// Its `Idempotency-Key` was seen before: the checkout replays that order or refuses the key.
        case keySeen
    }

    private enum Decision {
        case sell(OrderDraft)
        case refuse(any Error)
        case keySeen
    }

    /// Decides and writes `purchases` in one transaction (run again when two orders drew the same number, once after
    /// reclaiming expired holds that stood in the way of a purchase, and on a serialization failure by the store).
    static func run(_ purchases: [Purchase], methods: PaymentMethods, settings: SaleSettings, store: DatabaseStore)
        async throws -> [Outcome]
    {
        var attempt = 1
        while true {
            do {
                return try await PlaceLedger.decidingOnLockedPlaces(store, now: purchases.map(\.now).max()!) {
                    db, mayReclaim in
                    try await decideAndWrite(
                        purchases, methods: methods, limits: settings.placeLimits,
                        guests: GuestConfirmationRule(window: settings.guestConfirmWindow), mayReclaim: mayReclaim,
                        on: db)
                }
            } catch  where attempt < 3 && DatabaseFailure.isUniqueViolation(error) {
                attempt += 1
            }
        }
    }

    private static func decideAndWrite(
        _ purchases: [Purchase], methods: PaymentMethods, limits: PlaceLimits, guests: GuestConfirmationRule,
        mayReclaim: Bool, on db: any Database
    )
        async throws -> [Outcome]
    {
        // Keys first, before any hot row is locked, so waiting on another transaction's use of a key holds up nobody.
        let keyed = purchases.enumerated().compactMap { index, purchase in
            purchase.key.map { (index: index, key: $0, orderID: purchase.orderID, now: purchase.now) }
        }
        let claimed = try await IdempotencyKey.claimAll(keyed, on: db)
        let seen = Set(keyed.map(\.index)).subtracting(claimed)
        var locked = try await LockedSales.lock(purchases.compactMap(\.valid.ticketTypeID), on: db)
        // Then the quota rows of the buyers and addresses: every purchase takes places, paid, pending or free.
        let taking = purchases.indices.filter { index in
            !seen.contains(index) && purchases[index].valid.ticketTypeID.flatMap({ locked.types[$0] }) != nil
        }
        var quotas = try await PlaceQuotas.load(
            events: Set(
                taking.compactMap { purchases[$0].valid.ticketTypeID.flatMap { locked.types[$0]?.context.eventID } }),
            takers: Set(taking.map { purchases[$0].valid.taker }), limits: locked.placeLimits(defaults: limits),
            now: purchases[0].now, on: db)
        let decisions = decide(
            purchases, skipping: seen, on: &locked, quotas: &quotas, methods: methods, guests: guests)
        // Expired holds are free places whether or not the sweeper has run: when they stand in the way of a purchase,
        // they are reclaimed in a transaction of their own and the batch is decided again.
        let short = decisions.compactMap { decision -> UUID? in
            if case .refuse(SalesError.insufficientCapacity(let typeID, _, _, _)) = decision { typeID } else { nil }
        }
        if mayReclaim, let now = purchases.map(\.now).max(),
            try await PlaceLedger.expiredHoldsInTheWay(of: short, now: now, on: db)
        {
            throw PlaceLedger.ExpiredHoldsInTheWay(Array(Set(short)))
        }
        let drafts = decisions.compactMap { decision -> OrderDraft? in
            if case .sell(let draft) = decision { draft } else { nil }
        }
        let released = decisions.indices.compactMap { index -> IdempotencyKey? in
            if case .sell = decisions[index] { return nil }
            return claimed.contains(index) ? purchases[index].key : nil
        }
        try await IdempotencyKey.releaseAll(released, on: db)
        if !drafts.isEmpty { try await write(drafts, moves: locked.places.moves, on: db) }
        return decisions.map { decision in
            switch decision {
            case .sell(let draft): .sold(draft.dto())
            case .refuse(let error): .refused(error)
            case .keySeen: .keySeen
            }
        }
    }

    /// The counters, once each, and every row of the orders sold.
    private static func write(_ drafts: [OrderDraft], moves: PlaceMoves, on db: any Database) async throws {
        guard db.sql.dialect.name == "postgresql" else {
            try await PlaceLedger.apply(moves, on: db)
            for draft in drafts { _ = try await draft.write(on: db) }
            return
        }
        let statement = PostgresStatement()
        statement.append(try "WITH " + PlaceLedger.clauses(moves, on: statement) + ", ")
        statement.append(try OrderDraft.insertClauses(drafts, on: statement) + " SELECT 1 AS written")
        try await statement.run(on: db)
        try await OrderLifecycle.record(drafts.map(\.transition), on: db)
        try await Outbox.announce(drafts.flatMap(\.outbox), on: db)
    }

    /// Each purchase in arrival order: the one decision of a sale on the locked places, into `sold` when it is paid at
    /// once or `held` when the order waits for payment.
    private static func decide(
        _ purchases: [Purchase], skipping seen: Set<Int>, on locked: inout LockedSales,
        quotas: inout PlaceQuotaLedger, methods: PaymentMethods, guests: GuestConfirmationRule
    )
        -> [Decision]
    {
        purchases.enumerated().map { index, purchase in
            if seen.contains(index) { return .keySeen }
            let quantity = purchase.valid.quantity ?? 1
            // Every purchase takes places: within its buyer's and address's limits first.
            var quotasAfter = quotas
            if let type = purchase.valid.ticketTypeID.flatMap({ locked.types[$0] }) {
                do { try quotasAfter.take(quantity, of: type.context.eventID, by: purchase.valid.taker) } catch let
                    exceeded
                    as PlaceLimitExceeded
                {
                    return .refuse(SalesError.buyerLimit(exceeded))
                } catch {
                    return .refuse(error)
                }
            }
            var terms: SaleTerms?
            do {
                let type = try locked.decide(
                    purchase.valid.ticketTypeID, quantity: quantity, eventID: purchase.eventID, now: purchase.now,
                    guest: purchase.valid.buyer.userID == nil
                ) { type in
                    let decided = SaleTerms(
                        type, quantity: quantity, for: purchase.valid, methods: methods, guests: guests,
                        now: purchase.now)
                    terms = decided
                    return decided.counter
                }
                guard let terms else { throw SalesError.ticketTypeNotFound }
                quotas = quotasAfter
                return .sell(
                    try OrderDraft(
                        purchase.valid, ticketTypeID: type.context.ticketTypeID, eventID: type.context.eventID,
                        quantity: quantity, price: terms.price,
                        provider: terms.provider, holdID: terms.paidAtOnce ? nil : UUID.random(),
                        newHold: !terms.paidAtOnce, deadline: terms.deadline,
                        accessTokenHash: purchase.accessTokenHash, secrets: purchase.secrets, now: purchase.now,
                        emailConfirmationToken: terms.confirmation, orderID: purchase.orderID))
            } catch {
                return .refuse(error)
            }
        }
    }
}
