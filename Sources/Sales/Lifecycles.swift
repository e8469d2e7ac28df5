package import Domain
package import FluentKit
import Foundation
import HTTPCore
import Outbox
import Persistence
import SQLKit
import Tickets

/// The one lifecycle of orders: every change of an order's status, whoever asks for it (its buyer, an organizer, an
/// admin, the hold sweeper, a payment confirmation, the system), goes through `move`, inside the caller's transaction.
/// The state machine in `Domain` decides; one conditional `UPDATE … RETURNING` makes the change only from the status
/// decided on (a concurrent change makes it fail); the seat effect is applied in every included session; the tickets
/// follow (`TicketLifecycle`), the hold that kept a pending order's places ends (`HoldLifecycle`); cancelled and refunded
/// tickets go on the revocation list; the transition is recorded with its actor and reason; the outbox rows are written.
/// This file holds the only writers of order, ticket and hold status and of transition rows.
package enum OrderLifecycle {
    /// Moves `orderID` to `next`; returns the status it left, or nil when there is no such order. Throws
    /// `SalesError.invalidTransition` when the lifecycle does not allow the move from the order's status now (or
    /// another change got there first), and `holdExpired` when a pending order is paid after its places went back.
    /// The seats of the order's ticket types are locked first (the lock order), unless `locked` already holds them.
    /// - Parameter revival: a late payment's new ticket secrets (hash and sealed secret, one per ticket): with them, an
    ///   expired or cancelled order may move to `paid` if its places can be sold again, decided here on the locked seats
    ///   like any sale (`LockedSales.decide`; its refusal is thrown). The tickets get the new secrets and versions, as
    ///   their old ones went on the revocation list when they were cancelled. Nobody but the payments passes this.
    @discardableResult
    package static func move(
        _ orderID: UUID, to next: OrderStatus, by principal: Principal, reason: String?, now: Date,
        cause: TransitionCause? = nil, locked: LockedSales? = nil, revival: [(hash: String, sealed: String)]? = nil,
        on db: any Database
    ) async throws -> OrderStatus? {
        let actor = TransitionActor(principal)
        let sql = db.sql
        guard
            let order = try await sql.raw(
                """
                SELECT status, hold_id, payment_deadline, event_id FROM orders WHERE id = \(bind: orderID)
                """
            ).first(row: MovingOrderRow.self)
        else { return nil }
        let items = try await sql.raw(
            "SELECT ticket_type_id, quantity FROM order_items WHERE order_id = \(bind: orderID)"
        ).all(rows: OrderItemRow.self)
        var seats = try await LockedSales.covering(items.map(\.ticketTypeId), locked, on: db)
        var stored = OrderStatus(rawValue: order.status) ?? .pending
        let effective = stored.effective(paymentDeadline: order.paymentDeadline, now: now)
        let reviving = next == .paid && revival != nil && effective.isRevivedByLatePayment
        if reviving, stored == .pending {
            // Past its deadline but not swept yet: expired first (its hold gave the places back), then revived.
            try await move(
                orderID, to: .expired, by: principal, reason: "payment deadline passed", now: now, locked: seats, on: db
            )
            stored = .expired
            // Read again (the locks are held already): the places the expiry gave back count for the revival.
            seats = try await LockedSales.lock(items.map(\.ticketTypeId), on: db)
        }
        // Expiry is the one move made from what is stored: a pending order past its deadline reads as expired already.
        let from = (next == .expired && stored == .pending) || reviving ? stored : effective
        guard from.canMove(to: next) || reviving else {
            throw SalesError.invalidTransition(from: effective.rawValue, to: next.rawValue)
        }
        if next == .paid, from == .pending, !reviving {
            // A payment is written by its batch form, for one order: one writer of pending → paid.
            do {
                let paid = try await pay([orderID], by: principal, reason: reason, now: now, locked: seats, on: db)
                guard paid.contains(orderID) else {
                    throw SalesError.invalidTransition(from: effective.rawValue, to: next.rawValue)
                }
            } catch SalesError.holdExpired {
                throw SalesError.holdExpired(expiredAt: order.paymentDeadline ?? now)
            }
            return from
        }
        if reviving {
            // Sold again like any sale, or not at all: a refusal leaves the caller to refund the payment.
            for item in items {
                _ = try seats.decide(item.ticketTypeId, quantity: item.quantity, eventID: nil, now: now) { _ in .sold }
            }
        }
        let paidAt: SQLQueryString = next == .paid ? "\(bind: now)" : "paid_at"
        // An expiry is decided on the row as it is now: a deadline moved a moment ago (a guest who confirmed their
        // email) keeps the order.
        let stillDue: SQLQueryString =
            next == .expired ? " AND payment_deadline IS NOT NULL AND payment_deadline <= \(bind: now)" : ""
        guard
            try await sql.raw(
                """
                UPDATE orders SET status = \(bind: next.rawValue), updated_at = \(bind: now), paid_at =
                """ + " " + paidAt + " WHERE id = \(bind: orderID) AND status = \(bind: stored.rawValue)" + stillDue
                    + " RETURNING id"
            ).first() != nil
        else { throw SalesError.invalidTransition(from: effective.rawValue, to: next.rawValue) }

        var moves = reviving ? seats.places.moves : PlaceMoves()
        if let end = next.endOfHold, from == .pending, let holdID = order.holdId {
            // The hold kept the order's places: ending it makes them sold, or gives them back.
            let ended = try await HoldLifecycle.end([holdID], as: end, now: now, locked: seats, on: db)
            if end == .converted, ended == 0 {
                throw SalesError.holdExpired(expiredAt: order.paymentDeadline ?? now)
            }
        }
        let eventID = order.eventId
        let tickets = try await TicketLifecycle.move(.order(orderID), to: next.ticketStatus, now: now, on: db)
        if reviving, let revival {
            try await TicketLifecycle.reissue(tickets.map(\.id), secrets: revival, on: db)
        }
        if from.placeEffect(to: next) == .releaseSold {
            // One place per ticket that stops being valid now: a ticket cancelled on its own gave its place back then.
            for ticket in tickets { moves.add(.releaseSold, 1, of: try seats.target(ticket.typeID)) }
        }
        try await PlaceLedger.apply(moves, on: db)
        try await record(
            [Transition(orderID: orderID, from: from, to: next, actor: actor, reason: reason, at: now)], on: db)
        var messages = [
            try Outbox.row(
                OrderStatusChanged(orderId: orderID, eventId: eventID, from: from, to: next, actor: actor.kind)),
            try Outbox.row(AvailabilityChanged(eventId: eventID)),
        ]
        if OrderNotice.isOwed(from: from, to: next, actor: actor) {
            messages.append(
                try Outbox.row(
                    OrderNotice(orderId: orderID, from: from, to: next, actor: actor, reason: reason, cause: cause)))
        }
        try await Outbox.enqueue(messages, now: now, on: db)
        return from
    }

    /// The one writer of pending → paid, for many orders at once (a batch of card payments that succeeded) or one (`move`
    /// to `.paid` from `pending`), in a fixed number of statements however many orders: one conditional update from
    /// `pending` before the deadline, their holds converted (held places become sold, `HoldLifecycle.end`), their
    /// tickets valid, the transitions and outbox rows written. Returns the orders paid; those that were not pending
    /// before their deadline any more are left as they are, for the caller to move one by one. The seats must be locked
    /// already (`locked`).
    package static func pay(
        _ orderIDs: [UUID], by principal: Principal, reason: String?, now: Date, locked: LockedSales,
        on db: any Database
    ) async throws -> Set<UUID> {
        guard !orderIDs.isEmpty else { return [] }
        let paid = try await db.sql.raw(
            """
            UPDATE orders SET status = \(bind: OrderStatus.paid.rawValue), updated_at = \(bind: now), paid_at = \(bind: now)
            WHERE id IN (\(binds: orderIDs)) AND status = \(bind: OrderStatus.pending.rawValue)
              AND (payment_deadline IS NULL OR payment_deadline > \(bind: now))
            RETURNING id, hold_id, event_id
            """
        ).all(rows: PaidOrderRow.self)
        guard !paid.isEmpty else { return [] }
        let ids = paid.map(\.id)
        let holds = paid.compactMap(\.holdId)
        let events = Set(paid.map(\.eventId))
        // Each hold expires with its order's deadline, which was checked above: every one converts, or nothing does.
        let converted = try await HoldLifecycle.end(holds, as: .converted, now: now, locked: locked, on: db)
        guard converted == holds.count else {
            throw SalesError.holdExpired(expiredAt: now)
        }
        _ = try await TicketLifecycle.move(.orders(ids), to: OrderStatus.paid.ticketStatus, now: now, on: db)
        let actor = TransitionActor(principal)
        try await record(
            ids.map { Transition(orderID: $0, from: .pending, to: .paid, actor: actor, reason: reason, at: now) },
            on: db)
        // In the order a single move writes them: the status, the availability, the buyer's notice.
        let owed = OrderNotice.isOwed(from: .pending, to: .paid, actor: actor)
        try await Outbox.enqueue(
            try paid.map {
                try Outbox.row(
                    OrderStatusChanged(
                        orderId: $0.id, eventId: $0.eventId, from: .pending, to: .paid, actor: actor.kind))
            } + events.map { try Outbox.row(AvailabilityChanged(eventId: $0)) }
                + (owed ? paid : []).map {
                    try Outbox.row(OrderNotice(orderId: $0.id, from: .pending, to: .paid, actor: actor, reason: reason))
                },
            now: now, on: db)
        return Set(ids)
    }

    /// A change of status as its row records it; `from` is nil when the order was created.
    package struct Transition: Sendable {
        package var id = UUID.random()
        package var orderID: UUID
        package var from: OrderStatus?
        package var to: OrderStatus
        package var actor: TransitionActor
        package var reason: String?
        package var at: Date

        package init(
            orderID: UUID, from: OrderStatus?, to: OrderStatus, actor: TransitionActor, reason: String?, at: Date
        ) {
            self.orderID = orderID
            self.from = from
            self.to = to
            self.actor = actor
            self.reason = reason
            self.at = at
        }
    }

    /// The one writer of transition rows: an order's creation (its first row, written with the order by checkout) and
    /// every move, in one statement however many.
    package static func record(_ transitions: [Transition], on db: any Database) async throws {
        guard !transitions.isEmpty else { return }
        let rows = transitions.map { t -> SQLQueryString in
            // The system has no ID: the worker is named in `system_actor`, and its name leads the reason for readers.
            let worker = t.actor.systemActor?.rawValue
            let reason = worker.map { name in t.reason.map { "\(name): \($0)" } ?? name } ?? t.reason
            return """
                (\(bind: t.id), \(bind: t.orderID), \(bind: t.from?.rawValue), \(bind: t.to.rawValue), \(bind: t.actor.kind),
                 \(bind: t.actor.id), \(bind: worker), \(bind: reason), \(bind: t.at))
                """
        }
        try await db.sql.raw(
            """
            INSERT INTO order_transitions (id, order_id, from_status, to_status, actor_kind, actor_id, system_actor, reason,
              occurred_at) VALUES
            """ + " " + rows.joined(separator: ", ")
        ).run()
    }
}

/// The one writer of ticket status (a ticket's creation aside). Tickets move with their order, or one at a time when a
/// buyer cancels one ticket of a paid order.
package enum TicketLifecycle {
    package enum Scope: Sendable {
        case order(UUID)
        case orders([UUID])
        case ticket(UUID)
    }

    package struct Moved: Sendable {
        package var id: UUID
        package var typeID: UUID
        package var eventID: UUID
    }

    /// Moves the tickets in `scope` that may go to `next` (`TicketStatus.canMove`), and puts those that stop opening
    /// doors on their event's revocation list, which offline kiosks receive. Returns the tickets moved.
    static func move(_ scope: Scope, to next: TicketStatus, now: Date, on db: any Database) async throws -> [Moved] {
        let from = TicketStatus.allCases.filter { $0.canMove(to: next) }.map(\.rawValue)
        guard !from.isEmpty else { return [] }
        let condition: SQLQueryString =
            switch scope {
            case .order(let id): "order_id = \(bind: id)"
            case .orders(let ids): "order_id IN (\(binds: ids))"
            case .ticket(let id): "id = \(bind: id)"
            }
        let rows = try await db.sql.raw(
            "UPDATE tickets SET status = \(bind: next.rawValue) WHERE " + condition + """
                 AND status IN (\(binds: from)) RETURNING id, ticket_type_id, event_id, secret_version
                """
        ).all(rows: MovedTicketRow.self)
        if next == .cancelled || next == .refunded {
            let revoked = rows.map {
                TicketRevocations.Revoked(ticketID: $0.id, eventID: $0.eventId, version: $0.secretVersion)
            }
            try await TicketRevocations.revoke(revoked, reason: next.rawValue, now: now, on: db)
        }
        return rows.map { Moved(id: $0.id, typeID: $0.ticketTypeId, eventID: $0.eventId) }
    }

    /// New secrets for `tickets` (a late payment revived them): each gets the next version, so the versions revoked
    /// when they were cancelled stay revoked on every kiosk.
    static func reissue(_ tickets: [UUID], secrets: [(hash: String, sealed: String)], on db: any Database) async throws
    {
        guard secrets.count >= tickets.count else {
            throw SalesError.invalidTransition(from: "tickets", to: "valid")
        }
        for (ticket, secret) in zip(tickets, secrets) {
            try await db.sql.raw(
                """
                UPDATE tickets SET secret_hash = \(bind: secret.hash), secret_sealed = \(bind: secret.sealed),
                  secret_version = secret_version + 1 WHERE id = \(bind: ticket)
                """
            ).run()
        }
    }

    /// Cancels one valid ticket of a paid order (`cancelled`, or `refunded` when the refund rule pays it back) and gives
    /// its place back in every session it includes; when it was the order's last valid ticket, the order follows
    /// (refunded if any of its tickets was refunded, else cancelled). Throws `invalidTransition` when the ticket is not
    /// valid any more.
    /// - Parameter unlessAdmitted: refuse (`ALREADY_CHECKED_IN`) a ticket admitted to any session: a buyer cannot
    ///   cancel, or be refunded for, a ticket that already opened a door (an organizer's refund of the order can).
    package static func cancel(
        _ ticketID: UUID, to next: TicketStatus, by principal: Principal, reason: String, unlessAdmitted: Bool = false,
        now: Date, on db: any Database
    ) async throws {
        let sql = db.sql
        guard
            let ticket = try await sql.raw(
                "SELECT order_id, ticket_type_id, status FROM tickets WHERE id = \(bind: ticketID)"
            ).first(row: CancellingTicketRow.self)
        else { throw SalesError.invalidTransition(from: "ticket missing", to: next.rawValue) }
        let orderID = ticket.orderId
        let seats = try await LockedSales.lock([ticket.ticketTypeId], on: db)
        if unlessAdmitted {
            // The ticket row is locked (after the seats: the lock order) against an admission being written meanwhile:
            // its insert takes a key-share lock on the ticket, which this lock waits for, and then this read sees it.
            if sql.dialect.name == "postgresql" {
                try await sql.raw("SELECT id FROM tickets WHERE id = \(bind: ticketID) FOR UPDATE").run()
            }
            if try await sql.raw("SELECT 1 AS admitted FROM checkins WHERE ticket_id = \(bind: ticketID) LIMIT 1")
                .first() != nil
            {
                throw SalesError.admitted(ticketID: ticketID)
            }
        }
        let moved = try await move(.ticket(ticketID), to: next, now: now, on: db)
        guard let one = moved.first else {
            throw SalesError.invalidTransition(
                from: "ticket \(ticket.status)", to: next.rawValue)
        }
        var moves = PlaceMoves()
        moves.add(.releaseSold, 1, of: try seats.target(one.typeID))
        try await PlaceLedger.apply(moves, on: db)
        let left = try await sql.raw(
            """
            SELECT SUM(CASE WHEN status = \(bind: TicketStatus.valid.rawValue) THEN 1 ELSE 0 END) AS valid,
                   SUM(CASE WHEN status = \(bind: TicketStatus.refunded.rawValue) THEN 1 ELSE 0 END) AS refunded
            FROM tickets WHERE order_id = \(bind: orderID)
            """
        ).first(row: TicketsLeftRow.self)
        if (left?.valid ?? 0) == 0 {
            let refunded = (left?.refunded ?? 0) > 0
            try await OrderLifecycle.move(
                orderID, to: refunded ? .refunded : .cancelled, by: principal,
                reason: "every ticket cancelled (the last: \(reason))", now: now, locked: seats, on: db)
        } else {
            try await Outbox.enqueue(AvailabilityChanged(eventId: one.eventID), now: now, on: db)
        }
    }
}

/// The one writer of hold status (a hold's creation aside). Ending a hold applies its seat effect (`HoldStatus.placeEffect`):
/// its places become sold (`converted`) or go back on sale (`released`, `expired`).
package enum HoldLifecycle {
    /// Ends those of `holds` that are still active (a `converted` one only before its expiry; with `owner`, only the
    /// owner's, so a hold an order took over meanwhile stays; with `expiredBy`, only those expired by then) and applies
    /// their seat effect; the seats are locked first unless `locked` already holds them. Returns how many ended.
    @discardableResult
    package static func end(
        _ holds: [UUID], as status: HoldStatus, now: Date, owner: HoldOwner? = nil, expiredBy: Date? = nil,
        locked: LockedSales? = nil,
        on db: any Database
    ) async throws -> Int {
        guard !holds.isEmpty, status != .active else { return 0 }
        let sql = db.sql
        let types = try await sql.raw("SELECT DISTINCT ticket_type_id FROM holds WHERE id IN (\(binds: holds))")
            .all(rows: TicketTypeIDRow.self).map(\.ticketTypeId)
        let seats = try await LockedSales.covering(types, locked, on: db)
        let timing: SQLQueryString =
            switch status {
            case .converted: " AND expires_at > \(bind: now)"
            case .released, .expired, .active: ""
            }
        let ownerCondition: SQLQueryString =
            switch owner {
            case .user(let id): " AND user_id = \(bind: id)"
            case .cart(let hash): " AND cart_token_hash = \(bind: hash)"
            case nil: ""
            }
        let expiry: SQLQueryString = expiredBy.map { " AND expires_at <= \(bind: $0)" } ?? ""
        let ended = try await sql.raw(
            """
            UPDATE holds SET status = \(bind: status.rawValue), ended_at = \(bind: now)
            WHERE id IN (\(binds: holds)) AND status = \(bind: HoldStatus.active.rawValue)
            """ + timing + ownerCondition + expiry + " RETURNING id, event_id, ticket_type_id, quantity"
        ).all(rows: EndedHoldRow.self)
        var moves = PlaceMoves()
        var messages: [Outbox.Row] = []
        for hold in ended {
            moves.add(status.placeEffect, hold.quantity, of: try seats.target(hold.ticketTypeId))
            messages.append(
                try Outbox.row(
                    HoldChanged(
                        holdId: hold.id, eventId: hold.eventId, ticketTypeId: hold.ticketTypeId, status: status)))
            messages.append(try Outbox.row(AvailabilityChanged(eventId: hold.eventId)))
        }
        try await PlaceLedger.apply(moves, on: db)
        try await Outbox.enqueue(messages, now: now, on: db)
        return ended.count
    }
}

extension LockedSales {
    /// `locked` when it already holds the seats of `types`, else those seats locked now.
    static func covering(_ types: [UUID], _ locked: LockedSales?, on db: any Database) async throws -> LockedSales {
        if let locked, Set(types).isSubset(of: locked.types.keys) { return locked }
        return try await lock(types, on: db)
    }

    /// The seats a ticket type moves.
    func target(_ ticketTypeID: UUID) throws -> PlaceLedger.Target {
        guard let type = types[ticketTypeID] else { throw SalesError.ticketTypeNotFound }
        return type.context.target
    }
}

/// The order `OrderLifecycle.move` decides on.
private struct MovingOrderRow: Decodable {
    var status: String
    var holdId: UUID?
    var paymentDeadline: Date?
    var eventId: UUID
}

private struct OrderItemRow: Decodable {
    var ticketTypeId: UUID
    var quantity: Int
}

/// An order `OrderLifecycle.pay` paid.
private struct PaidOrderRow: Decodable {
    var id: UUID
    var holdId: UUID?
    var eventId: UUID
}

private struct MovedTicketRow: Decodable {
    var id: UUID
    var ticketTypeId: UUID
    var eventId: UUID
    var secretVersion: Int
}

private struct CancellingTicketRow: Decodable {
    var orderId: UUID
    var ticketTypeId: UUID
    var status: String
}

/// The tickets of an order still valid and those refunded: NULL sums when it has none.
private struct TicketsLeftRow: Decodable {
    var valid: Int?
    var refunded: Int?
}

private struct TicketTypeIDRow: Decodable {
    var ticketTypeId: UUID
}

private struct EndedHoldRow: Decodable {
    var id: UUID
    var eventId: UUID
    var ticketTypeId: UUID
    var quantity: Int
}
