import Domain
import FluentKit
import Foundation
import HTTPCore
import Identity
import Persistence

/// Who may see and change what in the catalog, on top of `Authorizer`.
struct CatalogAccess: Sendable {
    let authorizer = Authorizer()

    /// Loads an event for reading. Published events are public; any other state is visible only to those who
    /// may read the organization's events, and looks missing (404) to everyone else, so drafts do not leak.
    /// Returns whether the caller sees internal detail (hidden ticket types).
    func readable(_ eventID: UUID, by principal: Principal, now: Date, on db: any Database, organizers: Bool = false)
        async throws
        -> (EventBundle, Bool)
    {
        guard let bundle = try await EventBundle.load(eventID, now: now, on: db, organizers: organizers) else {
            throw CatalogError.eventNotFound
        }
        let resource = Resource.event(organizationID: bundle.event.organizationId, eventID: eventID)
        let insider: Bool
        if case .user = principal {
            insider = (try? await authorizer.require(.eventRead, on: resource, by: principal, database: db)) != nil
        } else {
            insider = false
        }
        guard bundle.isPublished || insider else { throw CatalogError.eventNotFound }
        return (bundle, insider)
    }

    /// Loads an event for changing: 404 when it does not exist, then 401/403 unless the caller may manage it.
    func manageable(_ eventID: UUID, by principal: Principal, on db: any Database) async throws -> EventRecord {
        guard let event = try await EventRecord.find(eventID, on: db) else { throw CatalogError.eventNotFound }
        try await authorizer.require(
            .eventManage, on: .event(organizationID: event.organizationID, eventID: eventID), by: principal,
            database: db)
        return event
    }
}
