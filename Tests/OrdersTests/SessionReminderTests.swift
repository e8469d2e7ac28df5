import BoxOfficeApp
import Foundation
import HTTPCore
import HummingbirdTesting
import Logging
import Mail
import Messaging
import Orders
import Outbox
import SQLKit
import TestSupport
import Testing

/// Reminders before sessions: at each offset once, to the holders of valid tickets that open the session, however
/// many workers look at once; a worker that was stopped sends only the nearest of the offsets it missed.
@Suite struct SessionReminderTests {
    @Test(arguments: TestDatabase.all)
    func holdersAreRemindedOncePerOffset(_ database: TestDatabase) async throws {
        try await withApp(database, configure: { $0.workers.runWorkers = false }) { app in
            let fixture = try await CatalogFixture.make(app)
            let (event, _, _, _) = try await fixture.workshop()
            let pass = try await fixture.addTicketType(event.eventId, name: "Pass", sessions: ["S1", "S2"], price: 0)
            for (buyer, quantity) in [("ada@example.org", 2), ("bob@example.org", 1)] {
                let order = try await app.client.send(
                    .post, "/api/orders",
                    json: [
                        "ticketTypeId": .string(pass.ticketTypeId.uuidString), "quantity": .int(quantity),
                        "buyerEmail": .string(buyer),
                    ] as [String: JSONValue])
                #expect(order.status == .created)
            }
            let reminders = SessionReminders(
                store: app.store, clock: app.clock.appClock, offsetsMinutes: [1440, 120],
                logger: Logger(label: "reminders"))
            #expect(try await reminders.round() == 0, "ten days ahead: nothing yet")

            // S1 starts at day 10, 18:00 (t0 is noon): 23 hours before, the 24-hour reminder is due, once, even with
            // two workers at it.
            let s1 = TestClock.t0.addingTimeInterval(10 * 86_400 + 6 * 3600)
            app.clock.set(s1.addingTimeInterval(-23 * 3600))
            async let first = reminders.round()
            async let second = reminders.round()
            #expect(try await first + second == 2, "one message per order, once")
            #expect(try await reminders.round() == 0)
            app.clock.set(s1.addingTimeInterval(-3600))
            #expect(try await reminders.round() == 2, "the 2-hour reminder")

            // S2 (a day later) was never looked at: an hour before it, only the nearest reminder goes.
            app.clock.set(s1.addingTimeInterval(86_400 - 3600))
            #expect(try await reminders.round() == 2)
            #expect(try await reminders.round() == 0)
            let rows = try await app.store.sql().raw("SELECT COUNT(*) AS n FROM session_reminders").first()!
                .decode(column: "n", as: Int.self)
            #expect(rows == 4, "S1 at both offsets; S2 at 2 hours, and its 24 hours marked as passed")

            let worker = OutboxWorker(
                store: app.store,
                handler: SessionReminderMail(
                    store: app.store, mailer: app.mailer,
                    composer: MailComposer(
                        store: app.store, sender: MailAddress("t@b.test"), publicURL: "http://localhost")),
                clock: app.clock.appClock, logger: app.boxOffice.logger)
            #expect(try await worker.deliverDue() == 6)
            let sent = app.mailer.sent
            #expect(sent.count == 6)
            #expect(
                sent.filter { $0.subject.contains("S1 ") }.count == 4
                    && sent.filter { $0.subject.contains("S2 ") }.count == 2)
            let ada = try #require(sent.first { $0.to.first?.email == "ada@example.org" })
            #expect(ada.text.components(separatedBy: "- Pass:").count == 3, "both of Ada's tickets")
        }
    }
}
