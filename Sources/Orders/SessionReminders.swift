public import Domain
import FluentKit
import Foundation
public import Logging
public import Mail
public import Outbox
public import Persistence
import SQLKit
public import ServiceLifecycle

/// Reminds ticket holders before each session their tickets open, at the event's offsets (`PUT
/// /api/events/{id}/reminders`) or else the installation's (`REMINDER_OFFSETS`, minutes before the start; 24 hours and
/// 2 hours by default). A session's reminders for an offset are queued once:
/// the row of `session_reminders` is inserted in the transaction that queues the messages, so two instances, or one
/// restarted, never queue them twice. When several offsets are due at once (the worker was stopped), only the nearest
/// is sent and the others are marked as passed.
public struct SessionReminders: Service {
    let store: DatabaseStore
    let clock: AppClock
    let offsets: [Int]
    let interval: Duration
    let logger: Logger

    public init(
        store: DatabaseStore, clock: AppClock, offsetsMinutes: [Int], interval: Duration = .seconds(60), logger: Logger
    ) {
        self.store = store
        self.clock = clock
        self.offsets = offsetsMinutes.filter { $0 > 0 }
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                try await round()
            } catch {
                logger.warning("session reminders failed", metadata: ["error": "\(error)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }

    /// The longest offset an event may set: two weeks.
    public static let longestEventOffset = 20160

    /// An event's offsets as stored: minutes, comma-separated; empty sends none.
    public static func parse(_ stored: String) -> [Int] {
        stored.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }.filter { $0 > 0 }
    }

    /// Queues the reminders due now; returns how many messages.
    @discardableResult
    public func round() async throws -> Int {
        let longest = max(offsets.max() ?? 0, Self.longestEventOffset)
        let now = clock.now()
        let sessions = try await store.sql().raw(
            """
            SELECT s.id, s.starts_at, e.reminder_offsets FROM sessions s JOIN events e ON e.id = s.event_id
            WHERE e.status = 'published' AND s.active AND s.starts_at > \(bind: now)
              AND s.starts_at <= \(bind: now.addingTimeInterval(TimeInterval(longest * 60)))
            ORDER BY s.starts_at
            """
        ).all(rows: UpcomingSessionRow.self)
        var queued = 0
        for row in sessions {
            let sessionID = row.id
            let start = row.startsAt
            let offsets = row.reminderOffsets.map(Self.parse) ?? self.offsets
            let due = offsets.filter { start.addingTimeInterval(-TimeInterval($0 * 60)) <= now }
            guard let nearest = due.min() else { continue }
            // Most rounds find the due offsets recorded already: a read says so without a write transaction.
            let recorded = try await store.sql().raw(
                "SELECT offset_minutes FROM session_reminders WHERE session_id = \(bind: sessionID)"
            ).all(rows: RecordedOffsetRow.self).map(\.offsetMinutes)
            if Set(due).isSubset(of: recorded) { continue }
            queued += try await store.transaction { db -> Int in
                let sql = db.sql
                // The offsets passed are marked first (even when the nearest was queued already, so that a round
                // finds them all recorded afterwards), then the nearest's row decides whether this round queues.
                for passed in due.sorted(by: >) where passed != nearest {
                    try await sql.raw(
                        """
                        INSERT INTO session_reminders (session_id, offset_minutes, queued_at, messages)
                        VALUES (\(bind: sessionID), \(bind: passed), \(bind: now), 0) ON CONFLICT DO NOTHING
                        """
                    ).run()
                }
                guard
                    try await sql.raw(
                        """
                        INSERT INTO session_reminders (session_id, offset_minutes, queued_at, messages)
                        VALUES (\(bind: sessionID), \(bind: nearest), \(bind: now), 0)
                        ON CONFLICT DO NOTHING RETURNING session_id
                        """
                    ).first() != nil
                else { return 0 }
                let orders = try await sql.raw(
                    """
                    SELECT DISTINCT t.order_id FROM tickets t JOIN ticket_type_sessions x ON x.ticket_type_id = t.ticket_type_id
                    WHERE x.session_id = \(bind: sessionID) AND t.status = 'valid'
                    """
                ).all(rows: ReminderOrderRow.self).map(\.orderId)
                try await Outbox.enqueue(
                    try orders.map {
                        try Outbox.row(SessionReminder(orderId: $0, sessionId: sessionID, offsetMinutes: nearest))
                    }, now: now, on: db)
                try await sql.raw(
                    """
                    UPDATE session_reminders SET messages = \(bind: orders.count)
                    WHERE session_id = \(bind: sessionID) AND offset_minutes = \(bind: nearest)
                    """
                ).run()
                return orders.count
            }
        }
        return queued
    }
}

/// Delivers `email.session_reminder`: the buyer's valid tickets that open the session, with their QR codes, and when
/// it starts. A ticket cancelled since is left out; an order with none left is not reminded.
public struct SessionReminderMail: MessageHandler {
    public var name: String { "session-reminder-mail" }
    public var retry: RetryPolicy { .mail }

    let buyer: BuyerMail
    var store: DatabaseStore { buyer.store }
    var composer: any MailComposing { buyer.composer }

    public init(
        store: DatabaseStore, mailer: any Mailer, composer: any MailComposing,
        ticketImages: OrderConfirmationMail.TicketImages? = nil
    ) {
        buyer = BuyerMail(store: store, mailer: mailer, composer: composer, ticketImages: ticketImages)
    }

    public func handle(_ reminder: SessionReminder, delivery message: OutboxDelivery) async throws {
        guard let facts = try await OrderMailFacts.load(reminder.orderId, store: store),
            let session = try await SessionRecord.find(reminder.sessionId, on: store.database())
        else { return }
        let tickets = facts.validTickets.filter { $0.sessions.contains { $0.number == session.number } }
        guard !tickets.isEmpty else { return }
        let brand = try await composer.brand(organizationID: facts.event.organizationID)
        var values = facts.values(brand.format)
        values["sessionLabel"] = "\(SessionCode(number: session.number)) \(session.name)"
        values["startsAt"] = brand.format.dateTime(session.startsAt)
        values["lead"] = brand.format.lead(minutes: reminder.offsetMinutes)
        let content = MailContent(
            .sessionReminder, values: values, items: facts.ticketLines(tickets, brand.format, withSessions: false))
        try await buyer.send(content, about: facts, brand: brand, codesOf: tickets, at: message.createdAt)
    }
}

/// A session that starts within the longest reminder offset, with its event's offsets (nil: the default ones).
private struct UpcomingSessionRow: Decodable {
    var id: UUID
    var startsAt: Date
    var reminderOffsets: String?
}

/// An offset whose reminder is recorded for a session.
private struct RecordedOffsetRow: Decodable {
    var offsetMinutes: Int
}

/// An order with a valid ticket for the session.
private struct ReminderOrderRow: Decodable {
    var orderId: UUID
}
