public import Domain
import FluentKit
public import Foundation
import HTTPCore
import Outbox
public import Persistence
import SQLKit
import WireTypes

/// Who owns a hold: a signed-in user, or whoever has the anonymous cart's token.
public enum HoldOwner: Sendable, Equatable {
    case user(UUID)
    case cart(tokenHash: String)
}

/// Holds: places set aside for a while, so a buyer can pay without losing them.
public struct HoldService: Sendable {
    let store: DatabaseStore
    let lifetime: Duration
    /// The installation's limits on places per buyer and per address (events may set their own).
    let limits: PlaceLimits

    public init(store: DatabaseStore, lifetime: Duration, limits: PlaceLimits) {
        self.store = store
        self.lifetime = lifetime
        self.limits = limits
    }

    /// Sets `quantity` places of a ticket type aside until now + the hold lifetime; `eventID`, when the request names
    /// one, must be the ticket type's.
    func hold(
        ticketTypeID: UUID, quantity: Int, eventID: UUID? = nil, for owner: HoldOwner, address: String?, now: Date
    ) async throws
        -> (Components.Schemas.Hold, remaining: Int)
    {
        let expires = now.addingTimeInterval(TimeInterval(lifetime.components.seconds))
        let (user, cart): (UUID?, String?) =
            switch owner {
            case .user(let id): (id, nil)
            case .cart(let hash): (nil, hash)
            }
        let taker = PlaceTaker(userID: user, cartTokenHash: cart, email: nil, address: address)
        return try await PlaceLedger.decidingOnLockedPlaces(store, now: now) { db, _ in
            // The one decision of a sale, on the seats this transaction locked first, then within the buyer's and the
            // address's limits, on their quota rows locked after the seats.
            var locked = try await LockedSales.lock([ticketTypeID], on: db)
            if let event = locked.types[ticketTypeID]?.context.eventID {
                var quotas = try await PlaceQuotas.load(
                    events: [event], takers: [taker], limits: locked.placeLimits(defaults: limits), now: now, on: db)
                do { try quotas.take(quantity, of: event, by: taker) } catch let exceeded as PlaceLimitExceeded {
                    throw SalesError.buyerLimit(exceeded)
                }
            }
            let type = try locked.decide(
                ticketTypeID, quantity: quantity, eventID: eventID, now: now, guest: user == nil
            ) { _ in .held }
            let hold = HoldRecord(
                eventID: type.context.eventID, ticketTypeID: ticketTypeID, quantity: quantity, userID: user,
                cartTokenHash: cart, expiresAt: expires, now: now)
            hold.buyerKey = taker.buyerKey
            hold.clientAddress = taker.address
            try await hold.create(on: db)
            try await PlaceLedger.apply(locked.places.moves, on: db)
            try await Outbox.enqueue(
                [
                    try Outbox.row(
                        HoldChanged(
                            holdId: try hold.requireID(), eventId: hold.eventID, ticketTypeId: ticketTypeID,
                            status: .active)),
                    try Outbox.row(AvailabilityChanged(eventId: hold.eventID)),
                ],
                now: now, on: db)
            return (
                try Components.Schemas.Hold(hold, sessions: type.context.sessionCodesInOrder),
                locked.remaining(ticketTypeID)
            )
        }
    }

    /// Ends a hold of this owner and gives its places back. Releasing a hold that already ended is a no-op.
    func release(_ holdID: UUID, for owner: HoldOwner, now: Date) async throws {
        try await store.transaction { db in
            guard let hold = try await HoldRecord.find(holdID, on: db), owner.owns(hold) else {
                throw SalesError.holdNotFound
            }
            // The owner is part of the change: a hold an order took over a moment ago is the order's now.
            try await HoldLifecycle.end(
                [holdID], as: hold.expiresAt <= now ? .expired : .released, now: now, owner: owner, on: db)
        }
    }

    /// The owner's holds that are still active and not expired.
    func mine(_ owner: HoldOwner, now: Date) async throws -> [Components.Schemas.Hold] {
        let db = store.database()
        var query = HoldRecord.query(on: db).filter(\.$status == HoldStatus.active.rawValue).filter(\.$expiresAt > now)
        switch owner {
        case .user(let id): query = query.filter(\.$userID == id)
        case .cart(let hash): query = query.filter(\.$cartTokenHash == hash)
        }
        let holds = try await query.sort(\.$createdAt).all()
        guard !holds.isEmpty else { return [] }
        let links = try await TicketTypeSessionRecord.query(on: db).filter(\.$ticketTypeID ~~ holds.map(\.ticketTypeID))
            .all()
        let numbers = Dictionary(
            try await SessionRecord.query(on: db).filter(\.$id ~~ links.map(\.sessionID)).all().map {
                (try $0.requireID(), $0.number)
            },
            uniquingKeysWith: { first, _ in first })
        let codes = Dictionary(grouping: links, by: \.ticketTypeID).mapValues { links in
            links.compactMap { numbers[$0.sessionID] }.sorted().map { SessionCode(number: $0).description }
        }
        return try holds.map { try Components.Schemas.Hold($0, sessions: codes[$0.ticketTypeID] ?? []) }
    }
}

extension HoldOwner {
    func owns(_ hold: HoldRecord) -> Bool {
        switch self {
        case .user(let id): hold.userID == id
        case .cart(let hash): hold.cartTokenHash == hash
        }
    }
}

/// A ticket type as a sale sees it, read inside the sale's transaction.
package struct SaleContext: Sendable {
    package var ticketTypeID: UUID
    package var eventID: UUID
    package var eventStatus: String
    package var active: Bool
    package var salesStart: Date?
    package var salesEnd: Date
    package var maxPerOrder: Int
    package var target: PlaceLedger.Target

    var sessionCodesInOrder: [String] {
        target.sessionCodes.values.sorted { (Int($0.dropFirst()) ?? 0) < (Int($1.dropFirst()) ?? 0) }
    }

    /// Refuses a request that names another event than the ticket type's (the field is optional).
    package func requireEvent(_ eventID: UUID?) throws {
        if let eventID, eventID != self.eventID {
            throw HTTPFailure.unprocessable(FieldProblems("eventId", "is not the event of this ticket type"))
        }
    }

    /// Refuses sales the catalog says cannot happen now.
    package func checkOnSale(quantity: Int, now: Date) throws {
        guard eventStatus == EventStatus.published.rawValue else {
            throw SalesError.notOnSale(ticketTypeID, reason: "event \(eventStatus)")
        }
        guard active, !target.sessionIDs.isEmpty else {
            throw SalesError.notOnSale(ticketTypeID, reason: "inactive")
        }
        if let start = salesStart, now < start { throw SalesError.salesNotStarted(ticketTypeID) }
        guard now < salesEnd else { throw SalesError.salesEnded(ticketTypeID) }
        guard quantity <= maxPerOrder else {
            throw SalesError.quantityLimit(requested: quantity, maximum: maxPerOrder)
        }
    }
}
