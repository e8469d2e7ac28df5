import Audit
import Domain
import FluentKit
import Foundation
import HTTPCore
import Outbox
import Persistence
import SQLKit

/// Ticket types: what they include, what they cost, when they sell.
struct TicketTypeService: Sendable {
    static let perOrderMaximum = 10

    let store: DatabaseStore
    let access = CatalogAccess()
    let audit = AuditTrail()

    func list(_ eventID: UUID, by principal: Principal, now: Date) async throws -> TicketTypeListDTO {
        let (bundle, insider) = try await access.readable(eventID, by: principal, now: now, on: store.database())
        return TicketTypeListDTO(
            ticketTypes: bundle.ticketTypes.filter { insider || !$0.hidden }.map { bundle.ticketTypeDTO($0, now: now) })
    }

    func availability(_ ticketTypeID: UUID, by principal: Principal, now: Date) async throws
        -> TicketTypeAvailabilityDTO
    {
        let db = store.database()
        guard let type = try await TicketTypeRecord.find(ticketTypeID, on: db) else {
            throw CatalogError.ticketTypeNotFound
        }
        let (bundle, insider) = try await access.readable(type.eventID, by: principal, now: now, on: db)
        guard let current = bundle.ticketTypes.first(where: { $0.id == ticketTypeID }), insider || !current.hidden
        else {
            throw CatalogError.ticketTypeNotFound
        }
        return bundle.ticketTypeAvailabilityDTO(current, now: now)
    }

    func create(
        _ eventID: UUID, _ request: TicketTypeChanges, by principal: Principal, now: Date, meta: RequestMetadata
    )
        async throws -> TicketTypeDTO
    {
        let db = store.database()
        let event = try await access.manageable(eventID, by: principal, on: db)
        let currency = Currency.stored(event.currency)
        var problems = FieldProblems()
        var conflicts = FieldProblems()
        let fields = validate(request, currency: currency, creating: true, into: &problems, conflicts: &conflicts)
        try problems.throwIfAny()
        if !conflicts.isEmpty { throw HTTPFailure.unprocessable(conflicts) }
        if case .value(let start) = request.salesStartDate, let end = request.salesEndDate, start >= end {
            throw HTTPFailure.unprocessable(FieldProblems("salesEndDate", "must be after salesStartDate"))
        }

        let id = try await store.transaction { db in
            let sessions = try await resolveSessions(request.includedSessions ?? [], in: eventID, on: db)
            let sortOrder = try await TicketTypeRecord.query(on: db).filter(\.$eventID == eventID).count()
            let type = TicketTypeRecord(
                eventID: eventID, name: fields.name ?? "", description: request.description ?? "",
                priceMinor: fields.price ?? 0, memberPriceMinor: fields.memberPrice.applied(to: nil),
                quantityLimit: request.quantityLimit.applied(to: nil),
                maxPerOrder: request.maxQuantity ?? Self.perOrderMaximum,
                salesStart: request.salesStartDate.applied(to: nil), salesEnd: request.salesEndDate ?? now,
                active: request.isActive ?? true, hidden: request.isHidden ?? false,
                sortOrder: request.sortOrder ?? sortOrder, now: now)
            try await type.create(on: db)
            let typeID = try type.requireID()
            for session in sessions {
                try await TicketTypeSessionRecord(ticketTypeID: typeID, sessionID: try session.requireID()).create(
                    on: db)
            }
            try await Outbox.enqueue(TicketTypeChanged(eventId: eventID, ticketTypeId: typeID), now: now, on: db)
            try await audit.record(
                AuditEntry(
                    actor: AuditActor(principal), action: "ticket_type.created", targetType: "ticket_type",
                    targetID: typeID.uuidString, organizationID: event.organizationID,
                    details: ["eventId": .string(eventID.uuidString), "name": .string(type.name)]),
                from: meta, at: now, on: db)
            return typeID
        }
        return try await dto(id, in: eventID, now: now)
    }

    func update(
        _ eventID: UUID, _ ticketTypeID: UUID, _ request: TicketTypeChanges, by principal: Principal, now: Date,
        meta: RequestMetadata
    ) async throws -> TicketTypeDTO {
        let db = store.database()
        let event = try await access.manageable(eventID, by: principal, on: db)
        let currency = Currency.stored(event.currency)
        var problems = FieldProblems()
        var conflicts = FieldProblems()
        let fields = validate(request, currency: currency, creating: false, into: &problems, conflicts: &conflicts)
        try problems.throwIfAny()
        if !conflicts.isEmpty { throw HTTPFailure.unprocessable(conflicts) }

        try await store.transaction { db in
            guard let type = try await TicketTypeRecord.find(ticketTypeID, on: db), type.eventID == eventID else {
                throw CatalogError.ticketTypeNotFound
            }
            let sql = db.sql
            if let codes = request.includedSessions {
                let sessions = try await resolveSessions(codes, in: eventID, on: db)
                let current = Set(
                    try await TicketTypeSessionRecord.query(on: db).filter(\.$ticketTypeID == ticketTypeID).all(
                        \.$sessionID))
                if current != Set(try sessions.map { try $0.requireID() }) {
                    // Guarded by the row itself: the inclusions change only while nothing is sold or held.
                    let unsold = try await sql.raw(
                        """
                        UPDATE ticket_types SET updated_at = \(bind: now) WHERE id = \(bind: ticketTypeID) AND sold = 0 AND held = 0
                        RETURNING id
                        """
                    ).first()
                    guard unsold != nil else { throw CatalogError.sessionsLocked }
                    try await TicketTypeSessionRecord.query(on: db).filter(\.$ticketTypeID == ticketTypeID).delete()
                    for session in sessions {
                        try await TicketTypeSessionRecord(
                            ticketTypeID: ticketTypeID, sessionID: try session.requireID()
                        )
                        .create(on: db)
                    }
                }
            }
            if request.quantityLimit.isPresent {
                if let limit = request.quantityLimit.applied(to: nil) {
                    // Decided by the update: the limit never drops below what is sold and held at that instant.
                    let changed = try await sql.raw(
                        """
                        UPDATE ticket_types SET quantity_limit = \(bind: limit)
                        WHERE id = \(bind: ticketTypeID) AND sold + held <= \(bind: limit) RETURNING id
                        """
                    ).first()
                    guard changed != nil else { throw CatalogError.limitBelowSold(sold: type.sold, held: type.held) }
                } else {
                    try await sql.raw("UPDATE ticket_types SET quantity_limit = NULL WHERE id = \(bind: ticketTypeID)")
                        .run()
                }
            }
            guard let fresh = try await TicketTypeRecord.find(ticketTypeID, on: db) else {
                throw CatalogError.ticketTypeNotFound
            }
            if let name = fields.name { fresh.name = name }
            if let description = request.description { fresh.description = description }
            if let price = fields.price { fresh.priceMinor = price }
            if fields.memberPrice.isPresent {
                fresh.memberPriceMinor = fields.memberPrice.applied(to: fresh.memberPriceMinor)
            }
            if let maximum = request.maxQuantity { fresh.maxPerOrder = maximum }
            fresh.salesStart = request.salesStartDate.applied(to: fresh.salesStart)
            if let end = request.salesEndDate { fresh.salesEnd = end }
            if let start = fresh.salesStart, start >= fresh.salesEnd {
                throw HTTPFailure.unprocessable(FieldProblems("salesEndDate", "must be after salesStartDate"))
            }
            if let active = request.isActive { fresh.active = active }
            if let hidden = request.isHidden { fresh.hidden = hidden }
            if let order = request.sortOrder { fresh.sortOrder = order }
            fresh.updatedAt = now
            try await fresh.update(on: db)
            try await Outbox.enqueue(TicketTypeChanged(eventId: eventID, ticketTypeId: ticketTypeID), now: now, on: db)
            try await audit.record(
                AuditEntry(
                    actor: AuditActor(principal), action: "ticket_type.updated", targetType: "ticket_type",
                    targetID: ticketTypeID.uuidString, organizationID: event.organizationID,
                    details: ["eventId": .string(eventID.uuidString)]),
                from: meta, at: now, on: db)
        }
        return try await dto(ticketTypeID, in: eventID, now: now)
    }

    /// Deletes a ticket type that never sold; one with sales can be deactivated instead.
    func delete(_ eventID: UUID, _ ticketTypeID: UUID, by principal: Principal, now: Date, meta: RequestMetadata)
        async throws
    {
        let db = store.database()
        let event = try await access.manageable(eventID, by: principal, on: db)
        try await store.transaction { db in
            guard let type = try await TicketTypeRecord.find(ticketTypeID, on: db), type.eventID == eventID else {
                throw CatalogError.ticketTypeNotFound
            }
            let deleted = try await db.sql.raw(
                "DELETE FROM ticket_types WHERE id = \(bind: ticketTypeID) AND sold = 0 AND held = 0 RETURNING id"
            ).first()
            guard deleted != nil else { throw CatalogError.ticketTypeHasSales }
            try await Outbox.enqueue(TicketTypeChanged(eventId: eventID, ticketTypeId: ticketTypeID), now: now, on: db)
            try await audit.record(
                AuditEntry(
                    actor: AuditActor(principal), action: "ticket_type.deleted", targetType: "ticket_type",
                    targetID: ticketTypeID.uuidString, organizationID: event.organizationID,
                    details: ["eventId": .string(eventID.uuidString), "name": .string(type.name)]),
                from: meta, at: now, on: db)
        }
    }

    // MARK: Helpers

    struct ValidFields {
        var name: String?
        var price: Int?
        var memberPrice: Nullable<Int>
    }

    private func validate(
        _ request: TicketTypeChanges, currency: Currency, creating: Bool, into problems: inout FieldProblems,
        conflicts: inout FieldProblems
    )
        -> ValidFields
    {
        // The document states the lengths, patterns and ranges (checked before this is called); left are a name that
        // trimming leaves blank, what a creation needs, prices in the event's currency and the sale dates' order.
        let name = request.name.map { problems.requireText($0, "name", lengths: 1...100, singleLine: true) }
        if creating && name == nil { problems.add("name", "is required") }
        if creating && request.includedSessions == nil { problems.add("includedSessions", "is required") }
        let price = request.minorUnits(
            major: request.price, minor: request.priceMinor, field: "price", currency: currency, into: &problems,
            conflicts: &conflicts)
        if creating && price == nil && problems.byField["price"] == nil && conflicts.byField["price"] == nil {
            problems.add("price", "is required")
        }
        var memberPrice = Nullable<Int>.absent
        if case .null = request.memberPrice { memberPrice = .null }
        if case .null = request.memberPriceMinor { memberPrice = .null }
        let memberMajor: Double? = if case .value(let value) = request.memberPrice { value } else { nil }
        let memberMinor: Int? = if case .value(let value) = request.memberPriceMinor { value } else { nil }
        if let value = request.minorUnits(
            major: memberMajor, minor: memberMinor, field: "memberPrice", currency: currency, into: &problems,
            conflicts: &conflicts)
        {
            memberPrice = .value(value)
        }
        if creating { problems.require(request.salesEndDate != nil, "salesEndDate", "is required") }
        return ValidFields(name: name, price: price, memberPrice: memberPrice)
    }

    /// The sessions named by code, all of this event; 400 naming the codes that are not.
    private func resolveSessions(_ codes: [String], in eventID: UUID, on db: any Database) async throws
        -> [SessionRecord]
    {
        let numbers = codes.compactMap { SessionCode($0)?.number }
        let sessions = try await SessionRecord.query(on: db).filter(\.$eventID == eventID).filter(\.$number ~~ numbers)
            .all()
        let found = Set(sessions.map(\.code))
        let unknown = codes.filter { code in !found.contains(SessionCode(code)?.description ?? code) }
        guard unknown.isEmpty else {
            throw HTTPFailure.unprocessable(
                FieldProblems(
                    "includedSessions", "names sessions this event does not have: \(unknown.joined(separator: ", "))"))
        }
        return sessions
    }

    private func dto(_ ticketTypeID: UUID, in eventID: UUID, now: Date) async throws -> TicketTypeDTO {
        guard let bundle = try await EventBundle.load(eventID, now: now, on: store.database()),
            let type = bundle.ticketTypes.first(where: { $0.id == ticketTypeID })
        else { throw CatalogError.ticketTypeNotFound }
        return bundle.ticketTypeDTO(type, now: now)
    }
}
