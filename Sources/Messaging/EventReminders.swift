import Audit
import Domain
import FluentKit
import Foundation
import HTTPCore
public import Hummingbird
import Identity
import Persistence
import WireTypes

/// When an event's ticket holders are reminded before each session.
public struct ReminderSettingsDTO: Codable, Sendable, Equatable, ResponseEncodable {
    /// Minutes before each session's start, longest first.
    public var offsetsMinutes: [Int]
    /// True: the installation's offsets (`REMINDER_OFFSETS`), the event set none of its own.
    public var inherited: Bool
}

/// `PUT /api/events/{id}/reminders`: `offsetsMinutes` of the event's own (an empty list sends no reminders), or null
/// to follow the installation's again.
/// An event's reminder offsets (organizers read and set them); the reminder worker reads them from the event's row.
struct EventReminders: Sendable {
    let store: DatabaseStore
    /// The installation's offsets, which an event without its own follows.
    let installationOffsets: [Int]
    let authorizer = Authorizer()
    let audit = AuditTrail()

    /// The longest offset an event may set: two weeks (the reminder worker looks that far ahead).
    static let longest = 20160

    func get(_ eventID: UUID, by principal: Principal) async throws -> ReminderSettingsDTO {
        let db = store.database()
        let event = try await existing(eventID, on: db)
        try await authorizer.require(
            .eventManage, on: .event(organizationID: event.organizationID, eventID: eventID), by: principal,
            database: db)
        return dto(event)
    }

    func set(
        _ eventID: UUID, _ body: Components.Schemas.ReminderSettingsRequest, by principal: Principal, now: Date,
        request: RequestMetadata
    ) async throws -> ReminderSettingsDTO {
        let db = store.database()
        let event = try await existing(eventID, on: db)
        try await authorizer.require(
            .eventManage, on: .event(organizationID: event.organizationID, eventID: eventID), by: principal,
            database: db)
        // The document states the offsets' rules (at most 5, none repeated, each from 1 minute to two weeks).
        return try await store.transaction { db in
            let event = try await existing(eventID, on: db)
            event.reminderOffsets = body.offsetsMinutes.map { $0.sorted(by: >).map(String.init).joined(separator: ",") }
            event.updatedAt = now
            try await event.update(on: db)
            try await audit.record(
                AuditEntry(
                    actor: AuditActor(principal), action: "event.reminders.updated", targetType: "event",
                    targetID: eventID.uuidString, organizationID: event.organizationID,
                    details: ["offsetsMinutes": body.offsetsMinutes.map { .array($0.map(JSONValue.int)) } ?? .null]),
                from: request, at: now, on: db)
            return dto(event)
        }
    }

    private func existing(_ eventID: UUID, on db: any Database) async throws -> EventRecord {
        guard let event = try await EventRecord.find(eventID, on: db) else { throw MessagingError.eventNotFound }
        return event
    }

    private func dto(_ event: EventRecord) -> ReminderSettingsDTO {
        guard let stored = event.reminderOffsets else {
            return ReminderSettingsDTO(offsetsMinutes: installationOffsets.sorted(by: >), inherited: true)
        }
        let offsets = stored.split(separator: ",").compactMap { Int($0) }
        return ReminderSettingsDTO(offsetsMinutes: offsets.sorted(by: >), inherited: false)
    }
}
