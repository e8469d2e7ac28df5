public import Domain
import FluentKit
import Foundation
public import Mail
public import Outbox
public import Persistence
import SQLKit

/// Mail to many: an organizer's message to the attendees of chosen sessions, an event's change to its ticket holders,
/// a newsletter campaign. A broadcast is one row; its recipients are written down a page at a time by the fan-out
/// worker (`BroadcastFanOut`), each with one outbox message of their own (`BroadcastMail`), so a recipient's mail is
/// retried alone and a broadcast of ten thousand never holds one long transaction. The recipients' key (broadcast,
/// address) makes everyone receive it once, however often a page is retried and whichever instance runs it.
enum Broadcasts {
    enum Kind: String, Sendable {
        case organizerMessage = "organizer_message"
        case eventChanged = "event_changed"
        case campaign
    }

    /// Recipients written per fan-out delivery.
    static let pageSize = 500

    struct Row: Sendable {
        var id: UUID
        var organizationID: UUID
        var eventID: UUID?
        var kind: Kind
        var subject: String
        var body: String
        var sessionIDs: [UUID]
        var recipients: Int
        var createdAt: Date
        var fannedOutAt: Date?

        init(_ columns: Columns) {
            id = columns.id
            organizationID = columns.organizationId
            eventID = columns.eventId
            kind = Kind(rawValue: columns.kind) ?? .organizerMessage
            subject = columns.subject
            body = columns.body
            sessionIDs = (columns.sessionIds ?? "").split(separator: ",").compactMap { UUID(uuidString: String($0)) }
            recipients = columns.recipients
            createdAt = columns.createdAt
            fannedOutAt = columns.fannedOutAt
        }

        static func find(_ id: UUID, on sql: any SQLDatabase) async throws -> Row? {
            try await sql.raw("SELECT * FROM mail_broadcasts WHERE id = \(bind: id)")
                .first(row: Columns.self).map(Row.init)
        }
    }

    /// A `mail_broadcasts` row as `SELECT *` reads it, for `Row`.
    struct Columns: Decodable {
        var id: UUID
        var organizationId: UUID
        var eventId: UUID?
        var kind: String
        var subject: String
        var body: String
        /// The sessions' IDs, comma-separated.
        var sessionIds: String?
        var recipients: Int
        var createdAt: Date
        var fannedOutAt: Date?
    }

    /// How many broadcasts of `kind` the event sent in the 24 hours before `now`, decided on the event's row, locked
    /// (PostgreSQL; SQLite has one writer), so that two senders on two instances count one after the other. `FOR NO
    /// KEY UPDATE` leaves the key-share locks of sales (orders, holds and tickets reference the event) alone.
    static func sentInADay(_ kind: Kind, of eventID: UUID, now: Date, on sql: any SQLDatabase) async throws -> Int {
        if sql.dialect.name == "postgresql" {
            try await sql.raw("SELECT id FROM events WHERE id = \(bind: eventID) FOR NO KEY UPDATE").run()
        }
        return try await sql.raw(
            """
            SELECT COUNT(*) AS sent FROM mail_broadcasts WHERE event_id = \(bind: eventID)
              AND kind = \(bind: kind.rawValue) AND created_at > \(bind: now.addingTimeInterval(-86_400))
            """
        ).first(row: SentRow.self)?.sent ?? 0
    }

    /// Writes a broadcast and queues its fan-out, in the caller's transaction.
    static func create(
        id: UUID = UUID.random(), organizationID: UUID, eventID: UUID?, kind: Kind, subject: String, body: String,
        sessionIDs: [UUID], createdBy: UUID?, now: Date, on db: any Database
    ) async throws {
        let sessions = sessionIDs.isEmpty ? nil : sessionIDs.map(\.uuidString).joined(separator: ",")
        try await db.sql.raw(
            """
            INSERT INTO mail_broadcasts (id, organization_id, event_id, kind, subject, body, session_ids, created_by,
              created_at, recipients)
            VALUES (\(bind: id), \(bind: organizationID), \(bind: eventID), \(bind: kind.rawValue), \(bind: subject),
              \(bind: body), \(bind: sessions), \(bind: createdBy), \(bind: now), 0)
            """
        ).run()
        try await Outbox.enqueue(BroadcastQueued(broadcastId: id), now: now, on: db)
    }

    /// Who a broadcast reaches: rows of an address (lowercased) and a name, an address possibly on several rows:
    /// - an organizer's message: buyers of paid orders whose valid tickets open one of its sessions;
    /// - an event's change: buyers of paid or pending orders with tickets still valid or waiting for payment (of the
    ///   changed session, when a session changed);
    /// each only where the order vouches for the buyer's address (see below);
    /// - a campaign: the organization's confirmed newsletter subscribers.
    static func audience(
        kind: Kind, organizationID: UUID, eventID: UUID?, sessionIDs: [UUID]
    ) -> SQLQueryString {
        switch kind {
        case .campaign:
            return """
                SELECT lower(email) AS email, name FROM newsletter_subscribers
                WHERE organization_id = \(bind: organizationID) AND status = 'subscribed'
                """
        case .organizerMessage, .eventChanged:
            // A pending order's tickets are `pending` until it is paid: its holder is told of a change all the same.
            let statuses: SQLQueryString =
                kind == .organizerMessage
                ? "o.status = 'paid' AND t.status = 'valid'"
                : "o.status IN ('paid', 'pending') AND t.status IN ('valid', 'pending')"
            let sessions: SQLQueryString =
                sessionIDs.isEmpty
                ? ""
                : """
                 AND EXISTS (SELECT 1 FROM ticket_type_sessions x WHERE x.ticket_type_id = t.ticket_type_id
                  AND x.session_id IN (\(binds: sessionIDs)))
                """
            // Only buyers whose order vouches for their address: a signed-in buyer's own account address, a guest who
            // followed their order's link, a card payer. Attendees' and other typed addresses are anybody's (an
            // organizer could name strangers as attendees of free tickets to their own event): they hear from the
            // buyer, not from the installation's sender.
            let holders: SQLQueryString = """
                FROM orders o JOIN tickets t ON t.order_id = o.id
                WHERE o.event_id = \(bind: eventID) AND \(statuses) AND (
                  EXISTS (SELECT 1 FROM users u WHERE u.id = o.user_id AND lower(u.email) = lower(o.buyer_email))
                  OR EXISTS (SELECT 1 FROM guest_confirmations g WHERE g.order_id = o.id AND g.confirmed_at IS NOT NULL)
                  OR (o.provider NOT IN ('free', 'offline') AND EXISTS (
                    SELECT 1 FROM payments p WHERE p.order_id = o.id AND p.status = 'succeeded')))
                """
            return "SELECT DISTINCT lower(o.buyer_email) AS email, o.buyer_name AS name " + holders + sessions
        }
    }

    /// How many addresses a broadcast would reach now.
    static func count(_ audience: SQLQueryString, on sql: any SQLDatabase) async throws -> Int {
        try await sql.raw(
            "SELECT COUNT(DISTINCT a.email) AS n FROM (" + audience + ") a WHERE a.email <> ''"
        ).first(row: CountRow.self)?.n ?? 0
    }

    private struct SentRow: Decodable {
        var sent: Int
    }
}

/// Delivers `broadcast.fan_out`: writes down the broadcast's next page of recipients (those not written yet) and queues
/// one `email.broadcast_copy` each, in one transaction; queues itself again while pages remain, and records the total
/// when none does.
public struct BroadcastFanOut: MessageHandler {
    public var name: String { "broadcast-fan-out" }
    public var retry: RetryPolicy { .mail }

    let store: DatabaseStore
    let clock: AppClock

    public init(store: DatabaseStore, clock: AppClock) {
        self.store = store
        self.clock = clock
    }

    public func handle(_ queued: BroadcastQueued, delivery message: OutboxDelivery) async throws {
        let now = clock.now()
        try await store.transaction { db in
            let sql = db.sql
            guard let broadcast = try await Broadcasts.Row.find(queued.broadcastId, on: sql),
                broadcast.fannedOutAt == nil
            else { return }
            let audience = Broadcasts.audience(
                kind: broadcast.kind, organizationID: broadcast.organizationID, eventID: broadcast.eventID,
                sessionIDs: broadcast.sessionIDs)
            let unwritten: SQLQueryString = """
                 a WHERE a.email <> '' AND NOT EXISTS (SELECT 1 FROM mail_broadcast_recipients r
                  WHERE r.broadcast_id = \(bind: broadcast.id) AND r.email = a.email)
                """
            // The next page of addresses not written down yet, in one statement (an address may be buyer and attendee
            // at once: one row each). A page written meanwhile by another delivery of this message conflicts, and its
            // addresses get no second copy.
            let written = try await sql.raw(
                """
                INSERT INTO mail_broadcast_recipients (broadcast_id, email, name)
                SELECT \(bind: broadcast.id), a.email, MIN(a.name) FROM (
                """ + audience + ")" + unwritten + """
                     GROUP BY a.email ORDER BY a.email LIMIT \(literal: Broadcasts.pageSize)
                    ON CONFLICT DO NOTHING RETURNING email
                    """
            ).all(rows: WrittenRecipientRow.self).map(\.email)
            try await Outbox.enqueue(
                try written.map { try Outbox.row(BroadcastCopy(broadcastId: broadcast.id, email: $0)) }, now: now,
                on: db)
            let more = try await sql.raw("SELECT a.email FROM (" + audience + ")" + unwritten + " LIMIT 1").first()
            if more != nil {
                try await Outbox.enqueue(BroadcastQueued(broadcastId: broadcast.id), now: now, on: db)
            } else {
                try await sql.raw(
                    """
                    UPDATE mail_broadcasts SET fanned_out_at = \(bind: now),
                      recipients = (SELECT COUNT(*) FROM mail_broadcast_recipients WHERE broadcast_id = \(bind: broadcast.id))
                    WHERE id = \(bind: broadcast.id)
                    """
                ).run()
            }
        }
    }
}

/// Delivers `email.broadcast_copy`: one recipient's copy of a broadcast, in the organization's language and layout.
/// A campaign's copy carries its unsubscribe links (`List-Unsubscribe` with RFC 8058's one-click) and is not sent to a
/// subscriber who left meanwhile.
public struct BroadcastMail: MessageHandler {
    public var name: String { "broadcast-mail" }
    public var retry: RetryPolicy { .mail }

    let store: DatabaseStore
    let mailer: any Mailer
    let composer: MailComposer

    public init(store: DatabaseStore, mailer: any Mailer, composer: MailComposer) {
        self.store = store
        self.mailer = mailer
        self.composer = composer
    }

    public func handle(_ copy: BroadcastCopy, delivery message: OutboxDelivery) async throws {
        let sql = store.sql()
        guard let broadcast = try await Broadcasts.Row.find(copy.broadcastId, on: sql),
            let recipient = try await sql.raw(
                """
                SELECT email, name FROM mail_broadcast_recipients
                WHERE broadcast_id = \(bind: copy.broadcastId) AND email = \(bind: copy.email)
                """
            ).first(row: RecipientRow.self)
        else { return }
        let name = recipient.name
        let brand = try await composer.brand(organizationID: broadcast.organizationID)
        var values: [String: String] = ["subject": broadcast.subject]
        if let name, !name.isEmpty { values["name"] = name }
        var headers: [(name: String, value: String)] = []
        let content: MailContent
        switch broadcast.kind {
        case .campaign:
            // A subscriber who left since the campaign was sent gets nothing.
            guard
                let token = try await sql.raw(
                    """
                    SELECT unsubscribe_token FROM newsletter_subscribers
                    WHERE organization_id = \(bind: broadcast.organizationID) AND lower(email) = \(bind: copy.email)
                      AND status = 'subscribed'
                    """
                ).first(row: UnsubscribeTokenRow.self)?
                .unsubscribeToken
            else { return }
            let page = composer.link("/newsletter/unsubscribe?token=\(token)")
            headers = [
                ("List-Unsubscribe", "<\(composer.link("/api/newsletter/unsubscribe?token=\(token)"))>"),
                ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                ("List-Id", "<\(broadcast.organizationID.uuidString.lowercased()).newsletter.boxoffice>"),
                ("Precedence", "bulk"),
            ]
            content = MailContent(.newsletterCampaign, values: values, body: broadcast.body, unsubscribeLink: page)
        case .organizerMessage:
            guard let eventID = broadcast.eventID, let event = try await EventRecord.find(eventID, on: store.database())
            else { return }
            values["eventTitle"] = event.title
            let sessions = try await SessionRecord.query(on: store.database()).filter(\.$eventID == eventID)
                .filter(\.$id ~~ broadcast.sessionIDs).sort(\.$number).all()
            values["sessions"] = sessions.map { "\(SessionCode(number: $0.number)) \($0.name)" }.joined(separator: ", ")
            content = MailContent(.organizerMessage, values: values, body: broadcast.body)
        case .eventChanged:
            guard let eventID = broadcast.eventID,
                let event = try await EventRecord.find(eventID, on: store.database()),
                let change = try? JSONDecoder().decode(EventScheduleChanged.self, from: Data(broadcast.body.utf8))
            else { return }
            values["eventTitle"] = event.title
            // The recipient's order of the event, bought or attended (the earliest, when several).
            if let number = try await sql.raw(
                """
                SELECT o.number FROM orders o WHERE o.event_id = \(bind: eventID) AND (lower(o.buyer_email) = \(bind: copy.email)
                  OR EXISTS (SELECT 1 FROM tickets t WHERE t.order_id = o.id AND lower(t.attendee_email) = \(bind: copy.email)))
                ORDER BY o.created_at, o.id LIMIT 1
                """
            ).first(row: OrderNumberRow.self)?.number {
                values["orderNumber"] = number
            }
            content = MailContent(
                .eventChanged, values: values, items: try await changeLines(change, brand: brand))
        }
        // Campaigns reach subscribers confirmed by their opt-in; organizers' words and event changes reach buyers whose
        // order vouched for their address (`audience`), unless they said "not me".
        try await composer.send(
            content, to: [MailAddress(copy.email, name: name)],
            as: broadcast.kind == .campaign ? .confirmedOnly : .vouched, brand: brand, via: mailer,
            headers: headers, now: message.createdAt)
    }

    /// The change in the reader's words: the session's new times, or the new venue.
    private func changeLines(_ change: EventScheduleChanged, brand: MailBrand) async throws -> [String] {
        var lines: [String] = []
        let common = MailCatalog.common(in: brand.language)
        if let sessionID = change.sessionId, let start = change.startsAt, let end = change.endsAt {
            let session = try await SessionRecord.find(sessionID, on: store.database())
            let label = session.map { "\(SessionCode(number: $0.number)) \($0.name)" } ?? ""
            lines.append(
                MailRenderer.fill(
                    common.changedSession,
                    [
                        "session": label, "startsAt": brand.format.dateTime(start),
                        "endsAt": brand.format.dateTime(end),
                    ]))
        }
        if let venue = change.venue {
            lines.append(MailRenderer.fill(common.changedVenue, ["venue": venue]))
        }
        return lines
    }
}

/// Delivers `event.schedule_changed`: the change becomes a broadcast to the event's ticket holders (of the session, when
/// a session changed), unless the event is not on sale (a draft has no holders to tell), or its holders were told of
/// `perEventPerDay` changes in the last 24 hours already (the change stands; an organizer who keeps editing does not
/// mail the holders each time). Its ID is the outbox message's, so a retried delivery finds the broadcast made already.
public struct EventChangeMail: MessageHandler {
    /// Change notices one event's holders get in 24 hours.
    public static let perEventPerDay = 10

    public var name: String { "event-change-mail" }
    public var retry: RetryPolicy { .mail }

    let store: DatabaseStore
    let clock: AppClock

    public init(store: DatabaseStore, clock: AppClock) {
        self.store = store
        self.clock = clock
    }

    public func handle(_ change: EventScheduleChanged, delivery message: OutboxDelivery) async throws {
        let now = clock.now()
        try await store.transaction { db in
            let sql = db.sql
            guard let event = try await EventRecord.find(change.eventId, on: db), event.status == "published",
                try await Broadcasts.Row.find(message.id, on: sql) == nil,
                try await Broadcasts.sentInADay(.eventChanged, of: change.eventId, now: now, on: sql)
                    < Self.perEventPerDay
            else { return }
            // The change itself, as the outbox carried it, is the broadcast's body.
            try await Broadcasts.create(
                id: message.id, organizationID: event.organizationID, eventID: event.id, kind: .eventChanged,
                subject: event.title, body: message.payload, sessionIDs: change.sessionId.map { [$0] } ?? [],
                createdBy: nil,
                now: now, on: db)
        }
    }
}

/// A recipient just written down.
private struct WrittenRecipientRow: Decodable {
    var email: String
}

private struct RecipientRow: Decodable {
    var email: String
    var name: String?
}

private struct UnsubscribeTokenRow: Decodable {
    var unsubscribeToken: String
}

private struct OrderNumberRow: Decodable {
    var number: String
}
