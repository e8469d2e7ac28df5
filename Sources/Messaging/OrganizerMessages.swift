import Audit
import Domain
import FluentKit
public import Foundation
import HTTPCore
public import Hummingbird
import Identity
import Persistence
import SQLKit
import WireTypes

/// An organizer's message to the attendees of chosen sessions, as sent.
public struct OrganizerMessageDTO: Codable, Sendable, Equatable, ResponseEncodable {
    public var messageId: UUID
    public var subject: String
    public var body: String
    public var sessionIds: [UUID]
    /// How many addresses it goes to: counted when it was sent, then as written down.
    public var recipients: Int
    /// `queued` while its recipients are being written down, `sent` once each has their own message queued.
    public var state: String
    public var createdAt: Date
}

public struct OrganizerMessageListDTO: Codable, Sendable, ResponseEncodable {
    public var messages: [OrganizerMessageDTO]
}

/// How many addresses a message to these sessions would reach now.
public struct RecipientCountDTO: Codable, Sendable, Equatable, ResponseEncodable {
    public var sessionIds: [UUID]
    public var recipients: Int
}

/// `POST /api/events/{eventId}/messages`: an organizer writes to the buyers (whose order vouches for their address) of paid orders whose valid
/// tickets open one of the chosen sessions; each address receives it once. The recipient count is previewed by
/// `GET /api/events/{eventId}/messages/recipients?sessionIds=…`.
struct OrganizerMessages: Sendable {
    let store: DatabaseStore
    let authorizer = Authorizer()
    let audit = AuditTrail()

    func recipients(_ eventID: UUID, sessions raw: String?, by principal: Principal) async throws -> RecipientCountDTO {
        let db = store.database()
        let event = try await manage(eventID, by: principal, on: db)
        let references = (raw ?? "").split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        let sessionIDs = try await resolve(references, field: "sessionIds", in: event, on: db)
        let count = try await Broadcasts.count(
            Broadcasts.audience(
                kind: .organizerMessage, organizationID: event.organizationID, eventID: eventID, sessionIDs: sessionIDs),
            on: store.sql())
        return RecipientCountDTO(sessionIds: sessionIDs, recipients: count)
    }

    /// Messages one event's organizers may send to its attendees in 24 hours: the installation's sender carries them,
    /// so a stolen or careless organizer account cannot make it a spam cannon.
    public static let perEventPerDay = 3

    /// Refuses a message past the day's cap. Decided on the event's row, locked (PostgreSQL; SQLite has one writer), so
    /// two organizers sending at once on two instances count one after the other.
    static func withinDailyCap(_ eventID: UUID, now: Date, on sql: any SQLDatabase) async throws {
        let sent = try await Broadcasts.sentInADay(.organizerMessage, of: eventID, now: now, on: sql)
        guard sent < perEventPerDay else { throw MessagingError.messageLimit(perDay: perEventPerDay) }
    }

    func send(
        _ eventID: UUID, _ body: Components.Schemas.OrganizerMessageRequest, by principal: Principal, now: Date,
        request: RequestMetadata
    ) async throws -> OrganizerMessageDTO {
        let db = store.database()
        let event = try await manage(eventID, by: principal, on: db)
        var problems = FieldProblems()
        // The document states lengths, required fields and text without markup; left are text that trimming leaves
        // empty, a subject of one line, and session codes that name this event's sessions.
        let subject = body.subject.trimmingCharacters(in: .whitespacesAndNewlines)
        let text = body.body.trimmingCharacters(in: .whitespacesAndNewlines)
        problems.require(!subject.isEmpty, "subject", "must not be blank")
        problems.require(!subject.contains(where: \.isNewline), "subject", "must be one line")
        problems.require(!text.isEmpty, "body", "must not be blank")
        guard problems.isEmpty else { throw HTTPFailure.unprocessable(problems) }
        let sessionIDs = try await resolve(body.sessionIds, field: "sessionIds", in: event, on: db)
        let audience = Broadcasts.audience(
            kind: .organizerMessage, organizationID: event.organizationID, eventID: eventID, sessionIDs: sessionIDs)
        let id = UUID.random()
        let sender: UUID? = if case .user(let user) = principal { user.id } else { nil }
        let count = try await store.transaction { db in
            let sql = db.sql
            try await Self.withinDailyCap(eventID, now: now, on: sql)
            try await Broadcasts.create(
                id: id, organizationID: event.organizationID, eventID: eventID, kind: .organizerMessage,
                subject: subject, body: text, sessionIDs: sessionIDs, createdBy: sender, now: now, on: db)
            let count = try await Broadcasts.count(audience, on: sql)
            try await sql.raw(
                "UPDATE mail_broadcasts SET recipients = \(bind: count) WHERE id = \(bind: id)"
            ).run()
            try await audit.record(
                AuditEntry(
                    actor: AuditActor(principal), action: "event.message.sent", targetType: "event",
                    targetID: eventID.uuidString, organizationID: event.organizationID,
                    details: [
                        "messageId": .string(id.uuidString), "recipients": .int(count),
                        "sessionIds": .array(sessionIDs.map { .string($0.uuidString) }),
                    ]),
                from: request, at: now, on: db)
            return count
        }
        return OrganizerMessageDTO(
            messageId: id, subject: subject, body: text, sessionIds: sessionIDs, recipients: count, state: "queued",
            createdAt: now)
    }

    func list(_ eventID: UUID, by principal: Principal) async throws -> OrganizerMessageListDTO {
        let db = store.database()
        _ = try await manage(eventID, by: principal, on: db)
        let rows = try await store.sql().raw(
            """
            SELECT * FROM mail_broadcasts WHERE event_id = \(bind: eventID) AND kind = 'organizer_message'
            ORDER BY created_at DESC, id LIMIT 200
            """
        ).all(rows: Broadcasts.Columns.self).map(Broadcasts.Row.init)
        return OrganizerMessageListDTO(
            messages: rows.map {
                OrganizerMessageDTO(
                    messageId: $0.id, subject: $0.subject, body: $0.body, sessionIds: $0.sessionIDs,
                    recipients: $0.recipients, state: $0.fannedOutAt == nil ? "queued" : "sent", createdAt: $0.createdAt
                )
            })
    }

    private func manage(_ eventID: UUID, by principal: Principal, on db: any Database) async throws -> EventRecord {
        guard let event = try await EventRecord.find(eventID, on: db) else { throw MessagingError.eventNotFound }
        try await authorizer.require(
            .eventManage, on: .event(organizationID: event.organizationID, eventID: eventID), by: principal,
            database: db)
        return event
    }

    /// Session IDs or codes (`S1`) of the event, in its sessions' order; at least one, each the event's own.
    private func resolve(_ references: [String], field: String, in event: EventRecord, on db: any Database)
        async throws -> [UUID]
    {
        let eventID = try event.requireID()
        let sessions = try await SessionRecord.query(on: db).filter(\.$eventID == eventID).sort(\.$number).all()
        var problems = FieldProblems()
        problems.require(!references.isEmpty, field, "must name at least one session (an ID or a code such as S1)")
        problems.require(references.count <= 100, field, "must name at most 100 sessions")
        var chosen: Set<UUID> = []
        for (index, reference) in references.enumerated() {
            let match = sessions.first {
                $0.id?.uuidString.caseInsensitiveCompare(reference) == .orderedSame
                    || SessionCode(number: $0.number).description.caseInsensitiveCompare(reference) == .orderedSame
            }
            if let match {
                chosen.insert(try match.requireID())
            } else {
                problems.add("\(field)[\(index)]", "is not a session of this event")
            }
        }
        guard problems.isEmpty else { throw HTTPFailure.unprocessable(problems) }
        return sessions.compactMap(\.id).filter(chosen.contains)
    }
}
