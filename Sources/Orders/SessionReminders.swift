public import Domain
import FluentKit
import Foundation
public import Logging
public import Mail
public import Outbox
public import Persistence
import SQLKit
public import ServiceLifecycle

/// Reminds ticket holders before each session their tickets open, at the installation's offsets (`REMINDER_OFFSETS`,
/// minutes before the start; 24 hours and 2 hours by default). A session's reminders for an offset are queued once:
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

    /// Queues the reminders due now; returns how many messages.
    @discardableResult
    public func round() async throws -> Int {
        guard let longest = offsets.max() else { return 0 }
        let now = clock.now()
        let sessions = try await store.sql().raw(
            """
            SELECT s.id, s.starts_at FROM sessions s JOIN events e ON e.id = s.event_id
            WHERE e.status = 'published' AND s.active AND s.starts_at > \(bind: now)
              AND s.starts_at <= \(bind: now.addingTimeInterval(TimeInterval(longest * 60)))
            ORDER BY s.starts_at
            """
        ).all()
        var queued = 0
        for row in sessions {
            let sessionID = try row.decode(column: "id", as: UUID.self)
            let start = try row.decode(column: "starts_at", as: Date.self)
            let due = offsets.filter { start.addingTimeInterval(-TimeInterval($0 * 60)) <= now }
            guard let nearest = due.min() else { continue }
            queued += try await store.transaction { db -> Int in
                let sql = db as! any SQLDatabase
                guard
                    try await sql.raw(
                        """
                        INSERT INTO session_reminders (session_id, offset_minutes, queued_at, messages)
                        VALUES (\(bind: sessionID), \(bind: nearest), \(bind: now), 0)
                        ON CONFLICT DO NOTHING RETURNING session_id
                        """
                    ).first() != nil
                else { return 0 }
                for passed in due where passed != nearest {
                    try await sql.raw(
                        """
                        INSERT INTO session_reminders (session_id, offset_minutes, queued_at, messages)
                        VALUES (\(bind: sessionID), \(bind: passed), \(bind: now), 0) ON CONFLICT DO NOTHING
                        """
                    ).run()
                }
                let orders = try await sql.raw(
                    """
                    SELECT DISTINCT t.order_id FROM tickets t JOIN ticket_type_sessions x ON x.ticket_type_id = t.ticket_type_id
                    WHERE x.session_id = \(bind: sessionID) AND t.status = 'valid'
                    """
                ).all().map { try $0.decode(column: "order_id", as: UUID.self) }
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
public struct SessionReminderMail: OutboxHandler {
    public var name: String { "session-reminder-mail" }
    public var topics: Set<OutboxTopic> { [.sessionReminder] }
    public var retry: RetryPolicy { RetryPolicy(maxAttempts: 5, baseDelay: .seconds(30), maxDelay: .seconds(1800)) }

    let store: DatabaseStore
    let mailer: any Mailer
    let sender: MailAddress
    let ticketImages: OrderConfirmationMail.TicketImages?

    public init(
        store: DatabaseStore, mailer: any Mailer, sender: MailAddress,
        ticketImages: OrderConfirmationMail.TicketImages? = nil
    ) {
        self.store = store
        self.mailer = mailer
        self.sender = sender
        self.ticketImages = ticketImages
    }

    public func handle(_ message: OutboxDelivery) async throws {
        let reminder = try message.decode(SessionReminder.self)
        let db = store.database()
        guard let order = try await OrderRecord.find(reminder.orderId, on: db),
            let session = try await SessionRecord.find(reminder.sessionId, on: db),
            let event = try await EventRecord.find(session.eventID, on: db)
        else { return }
        let tickets = try await (db as! any SQLDatabase).raw(
            """
            SELECT t.id, t.attendee_name, tt.name FROM tickets t
            JOIN ticket_type_sessions x ON x.ticket_type_id = t.ticket_type_id JOIN ticket_types tt ON tt.id = t.ticket_type_id
            WHERE t.order_id = \(bind: order.id!) AND x.session_id = \(bind: session.id!) AND t.status = 'valid'
            ORDER BY t.created_at, t.id
            """
        ).all().map {
            (
                id: try $0.decode(column: "id", as: UUID.self),
                label:
                    "\(try $0.decode(column: "name", as: String.self)): \(try $0.decode(column: "attendee_name", as: String.self))"
            )
        }
        guard !tickets.isEmpty else { return }
        let when = ISO8601DateFormatter().string(from: session.startsAt)
        let lead =
            reminder.offsetMinutes >= 120 ? "\(reminder.offsetMinutes / 60) hours" : "\(reminder.offsetMinutes) minutes"
        var lines = [
            "Hello \(order.buyerName),", "",
            "\(event.title): S\(session.number) \(session.name) starts in about \(lead), at \(when).", "",
            "Your tickets for it (order \(order.number)):",
        ]
        lines += tickets.map { "- \($0.label)" }
        lines += ["", "Show each ticket's QR code at the door."]
        var mail = MailMessage(
            from: sender, to: [MailAddress(order.buyerEmail, name: order.buyerName)],
            subject: "Reminder: \(event.title), S\(session.number) \(session.name)", text: lines.joined(separator: "\n")
        )
        if let ticketImages {
            let wanted = Set(tickets.map(\.id))
            mail.attachTicketCodes(
                try await ticketImages(order.id!, message.createdAt).filter { wanted.contains($0.ticketID) },
                labels: Dictionary(uniqueKeysWithValues: tickets.map { ($0.id, $0.label) }))
        }
        try await mailer.send(mail)
    }
}
