import Audit
import Domain
import FluentKit
import Foundation
import HTTPCore
import Identity
import Persistence

/// Venues of an organization.
struct VenueService: Sendable {
    let store: DatabaseStore
    let authorizer = Authorizer()
    let audit = AuditTrail()

    func list(_ organizationID: UUID, by principal: Principal) async throws -> VenueListDTO {
        let db = store.database()
        try await authorizer.require(.organizationRead, on: .organization(organizationID), by: principal, database: db)
        let venues = try await VenueRecord.query(on: db).filter(\.$organizationID == organizationID).sort(\.$name).all()
        return VenueListDTO(venues: venues.map(VenueDTO.init))
    }

    func create(
        _ organizationID: UUID, _ request: VenueChanges, by principal: Principal, now: Date, meta: RequestMetadata
    )
        async throws -> VenueDTO
    {
        let db = store.database()
        guard try await OrganizationRecord.find(organizationID, on: db) != nil else {
            throw HTTPFailure.notFound("No such organization.")
        }
        try await authorizer.require(.eventManage, on: .organization(organizationID), by: principal, database: db)
        let (name, address, capacity) = try validate(request)
        let venue = VenueRecord(
            organizationID: organizationID, name: name ?? "", address: address ?? "", capacity: capacity ?? 0, now: now)
        try await store.transaction { db in
            try await venue.create(on: db)
            try await audit.record(
                AuditEntry(
                    actor: AuditActor(principal), action: "venue.created", targetType: "venue",
                    targetID: try venue.requireID().uuidString, organizationID: organizationID),
                from: meta, at: now, on: db)
        }
        return VenueDTO(venue)
    }

    func update(_ venueID: UUID, _ request: VenueChanges, by principal: Principal, now: Date, meta: RequestMetadata)
        async throws -> VenueDTO
    {
        let db = store.database()
        let venue = try await existing(venueID, by: principal, on: db)
        let (name, address, capacity) = try validate(request)
        if let name { venue.name = name }
        if let address { venue.address = address }
        if let capacity { venue.capacity = capacity }
        venue.updatedAt = now
        try await store.transaction { db in
            try await venue.update(on: db)
            try await audit.record(
                AuditEntry(
                    actor: AuditActor(principal), action: "venue.updated", targetType: "venue",
                    targetID: venueID.uuidString, organizationID: venue.organizationID),
                from: meta, at: now, on: db)
        }
        return VenueDTO(venue)
    }

    /// Deletes a venue; events held there keep their data and lose only the venue reference.
    func delete(_ venueID: UUID, by principal: Principal, now: Date, meta: RequestMetadata) async throws {
        let db = store.database()
        let venue = try await existing(venueID, by: principal, on: db)
        try await store.transaction { db in
            try await venue.delete(on: db)
            try await audit.record(
                AuditEntry(
                    actor: AuditActor(principal), action: "venue.deleted", targetType: "venue",
                    targetID: venueID.uuidString, organizationID: venue.organizationID,
                    details: ["name": .string(venue.name)]),
                from: meta, at: now, on: db)
        }
    }

    private func existing(_ venueID: UUID, by principal: Principal, on db: any Database) async throws -> VenueRecord {
        guard let venue = try await VenueRecord.find(venueID, on: db) else { throw CatalogError.venueNotFound }
        try await authorizer.require(.eventManage, on: .organization(venue.organizationID), by: principal, database: db)
        return venue
    }

    /// What the document cannot state: a name that trimming leaves empty (422). Text is kept trimmed.
    private func validate(_ request: VenueChanges) throws -> (String?, String?, Int?) {
        var problems = FieldProblems()
        let name = request.name.map { problems.requireText($0, "name", lengths: 1...200, singleLine: true) }
        try problems.throwIfAny()
        return (name, request.address?.trimmingCharacters(in: .whitespacesAndNewlines), request.capacity)
    }
}
