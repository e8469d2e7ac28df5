import Audit
import Domain
import FluentKit
import Foundation
import HTTPCore
import Identity
import Outbox
import Persistence
import SQLKit
import Tickets
import WireTypes

/// What organizers set up for their doors: door settings (signed tickets, check-in window), kiosk tokens, and undoing
/// a check-in.
struct DoorManagementService: Sendable {
    let store: DatabaseStore
    let signingKeys: EventSigningKeys
    let authorizer = Authorizer()
    let audit = AuditTrail()

    static let maximumKioskMinutes = 8 * 60
    static let defaultKioskMinutes = 4 * 60

    /// The event, once the caller may do `action` on it; 404 for an event that does not exist.
    func event(_ eventID: UUID, _ action: Action, by principal: Principal, on db: any Database) async throws
        -> EventRecord
    {
        guard let event = try await EventRecord.find(eventID, on: db) else { throw AdmissionError.eventNotFound }
        try await authorizer.require(
            action, on: .event(organizationID: event.organizationID, eventID: eventID), by: principal, database: db)
        return event
    }

    func settings(_ eventID: UUID, by principal: Principal) async throws -> DoorSettingsDTO {
        let db = store.database()
        _ = try await event(eventID, .eventManage, by: principal, on: db)
        return try await Self.settings(eventID, on: db)
    }

    func update(
        _ eventID: UUID, _ body: Components.Schemas.DoorSettingsRequest, by principal: Principal, now: Date,
        meta: RequestMetadata
    )
        async throws
        -> DoorSettingsDTO
    {
        // The document states both windows' range (a week at most).
        return try await store.transaction { db in
            let event = try await event(eventID, .eventManage, by: principal, on: db)
            let sql = db.sql
            if body.signedTickets == true { try await signingKeys.ensure(eventID, on: db) }
            if let signed = body.signedTickets {
                try await sql.raw("UPDATE events SET signed_tickets = \(bind: signed) WHERE id = \(bind: eventID)")
                    .run()
            }
            if let opens = body.checkinOpensMinutesBefore {
                try await sql.raw(
                    "UPDATE events SET checkin_opens_minutes = \(bind: opens) WHERE id = \(bind: eventID)"
                ).run()
            }
            if let closes = body.checkinClosesMinutesAfter {
                try await sql.raw(
                    "UPDATE events SET checkin_closes_minutes = \(bind: closes) WHERE id = \(bind: eventID)"
                ).run()
            }
            let settings = try await Self.settings(eventID, on: db)
            try await audit.record(
                AuditEntry(
                    actor: AuditActor(principal), action: "event.door_settings", targetType: "event",
                    targetID: eventID.uuidString,
                    organizationID: event.organizationID,
                    details: [
                        "signedTickets": .bool(settings.signedTickets),
                        "opens": .int(settings.checkinOpensMinutesBefore),
                        "closes": .int(settings.checkinClosesMinutesAfter),
                    ]),
                from: meta, at: now, on: db)
            return settings
        }
    }

    static func settings(_ eventID: UUID, on db: any Database) async throws -> DoorSettingsDTO {
        guard
            let row = try await db.sql.raw(
                """
                SELECT signed_tickets, signing_public_key, checkin_opens_minutes, checkin_closes_minutes, door_code FROM events WHERE id = \(bind: eventID)
                """
            ).first(row: DoorSettingsRow.self)
        else { throw AdmissionError.eventNotFound }
        return DoorSettingsDTO(
            eventId: eventID, signedTickets: row.signedTickets, publicKey: row.signingPublicKey,
            checkinOpensMinutesBefore: row.checkinOpensMinutes, checkinClosesMinutesAfter: row.checkinClosesMinutes,
            eventCode: row.doorCode)
    }

    // MARK: - Kiosk tokens

    func createKiosk(
        _ eventID: UUID, _ body: Components.Schemas.KioskTokenRequest, by principal: Principal, now: Date,
        meta: RequestMetadata
    ) async throws
        -> KioskTokenDTO
    {
        // The document requires a station name that is not blank, lists the capabilities and bounds the lifetime
        // (8 hours at most).
        let station = body.stationName.trimmingCharacters(in: .whitespacesAndNewlines)
        let capabilities = body.capabilities?.rawValue ?? "scan"
        let minutes = body.expiresInMinutes ?? Self.defaultKioskMinutes
        let token = KioskTokens.generate()
        return try await store.transaction { db in
            let event = try await event(eventID, .eventManage, by: principal, on: db)
            let code = try await Self.doorCode(eventID, on: db)
            let userID: UUID? = if case .user(let user) = principal { user.id } else { nil }
            let record = KioskTokenRecord(
                eventID: eventID, organizationID: event.organizationID, stationName: station,
                tokenHash: OpaqueToken.hash(token),
                capabilities: capabilities, createdBy: userID, now: now,
                expiresAt: now.addingTimeInterval(TimeInterval(minutes * 60)))
            try await record.create(on: db)
            let kioskID = try record.requireID()
            try await Outbox.enqueue(
                KioskChanged(eventId: eventID, kioskId: kioskID, change: "created"), now: now, on: db)
            try await audit.record(
                AuditEntry(
                    actor: AuditActor(principal), action: "kiosk.created", targetType: "kiosk",
                    targetID: kioskID.uuidString,
                    organizationID: event.organizationID,
                    details: [
                        "station": .string(station), "capabilities": .string(capabilities),
                        "eventId": .string(eventID.uuidString),
                    ]),
                from: meta, at: now, on: db)
            var dto = Self.dto(record, code: code, now: now)
            dto.token = token
            return dto
        }
    }

    func kiosks(_ eventID: UUID, by principal: Principal, now: Date) async throws -> KioskTokenListDTO {
        let db = store.database()
        _ = try await event(eventID, .eventManage, by: principal, on: db)
        let code = try await Self.doorCode(eventID, on: db)
        let records = try await KioskTokenRecord.query(on: db).filter(\.$eventID == eventID).sort(
            \.$createdAt, .descending
        ).all()
        return KioskTokenListDTO(kiosks: records.map { Self.dto($0, code: code, now: now) })
    }

    /// Revoked at once: the token is checked in the database on every request.
    func revokeKiosk(_ eventID: UUID, _ kioskID: UUID, by principal: Principal, now: Date, meta: RequestMetadata)
        async throws
    {
        try await store.transaction { db in
            let event = try await event(eventID, .eventManage, by: principal, on: db)
            guard let record = try await KioskTokenRecord.find(kioskID, on: db), record.eventID == eventID else {
                throw AdmissionError.kioskNotFound
            }
            guard record.revokedAt == nil else { return }
            record.revokedAt = now
            if case .user(let user) = principal { record.revokedBy = user.id }
            try await record.update(on: db)
            try await Outbox.enqueue(
                KioskChanged(eventId: eventID, kioskId: kioskID, change: "revoked"), now: now, on: db)
            try await audit.record(
                AuditEntry(
                    actor: AuditActor(principal), action: "kiosk.revoked", targetType: "kiosk",
                    targetID: kioskID.uuidString,
                    organizationID: event.organizationID, details: ["station": .string(record.stationName)]),
                from: meta, at: now, on: db)
        }
    }

    /// The event's short door code, made on first need: six Crockford base32 characters that staff read off a kiosk.
    static func doorCode(_ eventID: UUID, on db: any Database) async throws -> String {
        let sql = db.sql
        let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
        for _ in 0..<5 {
            if let code = try await sql.raw("SELECT door_code FROM events WHERE id = \(bind: eventID)")
                .first(row: DoorCodeRow.self)?.doorCode
            {
                return code
            }
            var generator = Randomness.Generator()
            let candidate = String((0..<6).map { _ in alphabet.randomElement(using: &generator)! })
            if try await sql.raw("SELECT 1 AS taken FROM events WHERE door_code = \(bind: candidate)").first() == nil {
                try await sql.raw(
                    "UPDATE events SET door_code = \(bind: candidate) WHERE id = \(bind: eventID) AND door_code IS NULL"
                ).run()
            }
        }
        throw AdmissionError.eventNotFound
    }

    static func dto(_ record: KioskTokenRecord, code: String, now: Date) -> KioskTokenDTO {
        let status = record.revokedAt != nil ? "revoked" : (record.expiresAt <= now ? "expired" : "active")
        return KioskTokenDTO(
            kioskId: record.id!, eventId: record.eventID, eventCode: code, stationName: record.stationName,
            capabilities: record.capabilities,
            status: status, createdAt: record.createdAt, expiresAt: record.expiresAt, revokedAt: record.revokedAt,
            token: nil)
    }

    // MARK: - Undo

    /// A supervisor (whoever may manage the event) takes an admission back, so the ticket can be admitted again; the
    /// audit record keeps what was undone.
    func undo(_ checkinID: UUID, by principal: Principal, now: Date, meta: RequestMetadata) async throws {
        try await store.transaction { db in
            guard let checkin = try await CheckinRecord.find(checkinID, on: db) else {
                throw AdmissionError.checkinNotFound
            }
            let event = try await event(checkin.eventID, .eventManage, by: principal, on: db)
            try await checkin.delete(on: db)
            try await Outbox.enqueue(
                CheckinRecorded(
                    eventId: checkin.eventID, ticketId: checkin.ticketID, sessionId: checkin.sessionID,
                    undone: true), now: now, on: db)
            try await audit.record(
                AuditEntry(
                    actor: AuditActor(principal), action: "checkin.undone", targetType: "ticket",
                    targetID: checkin.ticketID.uuidString,
                    organizationID: event.organizationID,
                    details: [
                        "checkinId": .string(checkinID.uuidString), "sessionId": .string(checkin.sessionID.uuidString),
                        "checkedInAt": .string(ISO8601Instant.string(checkin.scannedAt)),
                        "gate": checkin.gate.map(JSONValue.string) ?? .null,
                        "station": checkin.station.map(JSONValue.string) ?? .null,
                    ]),
                from: meta, at: now, on: db)
        }
    }
}

/// An event's door settings.
private struct DoorSettingsRow: Decodable {
    var signedTickets: Bool
    var signingPublicKey: String?
    var checkinOpensMinutes: Int
    var checkinClosesMinutes: Int
    var doorCode: String?
}

private struct DoorCodeRow: Decodable {
    var doorCode: String?
}
