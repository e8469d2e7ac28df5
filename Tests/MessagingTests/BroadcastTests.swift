import BoxOfficeApp
import Foundation
import HTTPCore
import HTTPTypes
import HummingbirdTesting
import Mail
import Messaging
import Orders
import Outbox
import SQLKit
import Sales
import TestSupport
import Testing

/// Mail to many: an organizer's message to chosen sessions, an event's change, a newsletter campaign. Each address
/// once, pages of recipients, the rules of who is reached.
@Suite struct BroadcastTests {
    /// A guest's order; `vouched` as if the guest followed the order's confirmation link (the tests' configuration
    /// asks none), which is what lets organizers' messages and event changes reach its buyer.
    static func buy(
        _ app: TestApp, _ type: UUID, buyer: String, attendees: [String] = [], quantity: Int = 1, vouched: Bool = true
    ) async throws -> OrderDTO {
        var body: [String: JSONValue] = [
            "ticketTypeId": .string(type.uuidString), "quantity": .int(quantity), "buyerName": .string(buyer),
            "buyerEmail": .string("\(buyer)@example.org"),
        ]
        if !attendees.isEmpty {
            body["attendees"] = .array(
                attendees.map { .object(["name": .string($0), "email": .string("\($0)@example.org")]) })
        }
        let response = try await app.client.send(.post, "/api/orders", json: body)
        guard response.status == .created else { throw TestSetupError("order: \(response.status) \(response.text)") }
        let order = try response.decode(OrderDTO.self)
        if vouched {
            try await app.store.sql().raw(
                """
                INSERT INTO guest_confirmations (order_id, token_hash, created_at, confirmed_at)
                VALUES (\(bind: order.orderId), \(bind: UUID().uuidString), \(bind: app.clock.now), \(bind: app.clock.now))
                """
            ).run()
            try await app.confirmAddress("\(buyer)@example.org")
        }
        return order
    }

    @Test(arguments: TestDatabase.all)
    func anOrganizerWritesToTheAttendeesOfChosenSessionsEachOnce(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let (event, full, day1, day2) = try await fixture.workshop()
            let free1 = try await fixture.addTicketType(event.eventId, name: "S1 free", sessions: ["S1"], price: 0)
            let free2 = try await fixture.addTicketType(event.eventId, name: "S2 free", sessions: ["S2"], price: 0)
            let freeAll = try await fixture.addTicketType(
                event.eventId, name: "All free", sessions: ["S1", "S2", "S3"], price: 0)
            _ = (full, day1, day2)
            // ada holds two S1 tickets (one for bob, whose address ada typed); cleo holds S2; dan holds everything;
            // eve's order is unpaid; frank never followed his order's link.
            _ = try await Self.buy(app, free1.ticketTypeId, buyer: "ada", attendees: ["ada", "bob"], quantity: 2)
            _ = try await Self.buy(app, free2.ticketTypeId, buyer: "cleo")
            _ = try await Self.buy(app, freeAll.ticketTypeId, buyer: "dan")
            _ = try await Self.buy(app, day1.ticketTypeId, buyer: "eve")
            _ = try await Self.buy(app, freeAll.ticketTypeId, buyer: "frank", vouched: false)

            let base = "/api/events/\(event.eventId)/messages"
            func count(_ sessions: String) async throws -> JSONValue? {
                try await app.client.send(.get, "\(base)/recipients?sessionIds=\(sessions)", headers: fixture.headers)
                    .json()["recipients"]
            }
            #expect(try await count("S1") == 2, "ada, dan: paid orders that vouch for their buyer only")
            #expect(try await count("S2") == 2)
            #expect(try await count("s1,S2") == 3)
            #expect(try await count("S3") == 1)
            let bad = try await app.client.send(.get, "\(base)/recipients?sessionIds=S9", headers: fixture.headers)
            #expect(bad.status == .unprocessableContent)
            #expect(try bad.json()["error"]?["details"]?["fields"]?["sessionIds[0]"] != nil)

            let sent = try await app.client.send(
                .post, base, headers: fixture.headers,
                json: ["subject": "Parking", "body": "Use the back entrance.", "sessionIds": ["S1", "S2"]]
                    as [String: JSONValue])
            #expect(sent.status == .accepted, "\(sent.text)")
            #expect(try sent.json()["recipients"] == 3)
            #expect(await eventually { app.mailer.sent(subject: "Parking").count == 3 })
            try await Task.sleep(for: .milliseconds(300))
            let to = app.mailer.sent(subject: "Parking").flatMap { $0.to.map(\.email) }.sorted()
            #expect(to == ["ada@example.org", "cleo@example.org", "dan@example.org"], "each once, bob and frank not")
            let one = try #require(app.mailer.sent(subject: "Parking").first)
            #expect(one.text.contains("S1 Foundation Day, S2 Advanced Techniques"))
            #expect(one.text.contains("> Use the back entrance."))
            let listed = try await app.client.send(.get, base, headers: fixture.headers)
            #expect(
                await eventually {
                    (try? await app.client.send(.get, base, headers: fixture.headers).json()["messages"]?.arrayValue?
                        .first?["state"])
                        == "sent"
                })
            #expect(try listed.json()["messages"]?.arrayValue?.count == 1)

            // What the API document refuses (markup, no session) is malformed, what a rule refuses (a subject of
            // spaces) is not; both are named. Strangers cannot write or look.
            let invalid = try await app.client.send(
                .post, base, headers: fixture.headers,
                json: ["subject": " ", "body": "<b>hi</b>", "sessionIds": .array([])] as [String: JSONValue])
            #expect(invalid.status == .badRequest)
            #expect(
                Set(try invalid.json()["error"]?["details"]?["fields"]?.objectValue?.keys.map { $0 } ?? []) == [
                    "body", "sessionIds",
                ])
            let blank = try await app.client.send(
                .post, base, headers: fixture.headers,
                json: ["subject": " ", "body": "Hi", "sessionIds": ["S1"]] as [String: JSONValue])
            #expect(blank.status == .unprocessableContent)
            #expect(
                Set(try blank.json()["error"]?["details"]?["fields"]?.objectValue?.keys.map { $0 } ?? []) == [
                    "subject"
                ])
            // The organization's email log lists them, with its orders' mail; organizers of others see none of it.
            let log = "/api/admin/emails?organizationId=\(fixture.organization.organizationId)"
            let page = try await app.client.send(.get, log + "&perPage=100", headers: fixture.headers)
            #expect(page.status == .ok, "\(page.text)")
            let topics = try page.decode(EmailPageDTO.self).emails.map(\.topic)
            #expect(topics.filter { $0 == "email.broadcast_copy" }.count == 3)
            #expect(topics.contains("email.order_confirmation"))
            let copies = try await app.client.send(
                .get, log + "&recipient=cleo@example.org", headers: fixture.headers
            ).decode(EmailPageDTO.self).emails
            #expect(
                copies.map(\.topic).contains("email.broadcast_copy") && copies.first?.recipient == "cleo@example.org")
            let stranger = try await app.signUp("stranger@example.org")
            #expect(try await app.client.send(.get, log, headers: stranger.bearer).status == .forbidden)
            #expect(try await app.client.send(.get, base, headers: stranger.bearer).status == .forbidden)
            #expect(
                try await app.client.send(
                    .post, base, headers: stranger.bearer,
                    json: ["subject": "Spam", "body": "Spam", "sessionIds": ["S1"]] as [String: JSONValue]
                ).status == .forbidden)
            #expect(app.mailer.sent(subject: "Spam").isEmpty)
        }
    }

    /// A session's new time reaches the holders of that session only; a draft event's change reaches nobody.
    @Test(arguments: TestDatabase.all)
    func anEventsChangeReachesItsHolders(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let (event, _, _, _) = try await fixture.workshop()
            let free1 = try await fixture.addTicketType(event.eventId, name: "S1 free", sessions: ["S1"], price: 0)
            let free2 = try await fixture.addTicketType(event.eventId, name: "S2 free", sessions: ["S2"], price: 0)
            _ = try await Self.buy(app, free1.ticketTypeId, buyer: "ada")
            _ = try await Self.buy(app, free2.ticketTypeId, buyer: "cleo")
            let moved = try await app.client.send(
                .put, "/api/events/\(event.eventId)/sessions/S2", headers: fixture.headers,
                json: ["startsAt": .string(CatalogFixture.day(11, hour: 20))] as [String: JSONValue])
            #expect(moved.status == .ok, "\(moved.text)")
            // A rename is no change of time: nobody is told.
            _ = try await app.client.send(
                .put, "/api/events/\(event.eventId)/sessions/S1", headers: fixture.headers,
                json: ["sessionName": "Foundations"])
            let subject = "Advanced Rope Workshop has changed"
            #expect(await eventually { app.mailer.sent(subject: subject).count == 1 })
            try await Task.sleep(for: .milliseconds(300))
            let mail = try #require(app.mailer.sent(subject: subject).first)
            #expect(mail.to.map(\.email) == ["cleo@example.org"])
            #expect(mail.text.contains("S2 Advanced Techniques: now"))

            let draft = try await fixture.createEvent("Quiet draft")
            try await fixture.addSession(draft.eventId, name: "Only", day: 20, capacity: 5)
            _ = try await app.client.send(
                .put, "/api/events/\(draft.eventId)/sessions/S1", headers: fixture.headers,
                json: ["startsAt": .string(CatalogFixture.day(20, hour: 10))] as [String: JSONValue])
            try await Task.sleep(for: .milliseconds(300))
            #expect(app.mailer.sent(subject: "Quiet draft has changed").isEmpty)

            // A new venue reaches every holder of the event, unpaid orders' too.
            let unpaid = try await Self.buy(app, try await Self.day1(of: app, event.eventId), buyer: "dora")
            #expect(unpaid.status == "pending")
            let venue = try await app.client.send(
                .post, "/api/organizations/\(fixture.organization.organizationId)/venues", headers: fixture.headers,
                json: ["name": "Hall B", "address": "2 Knot Lane", "capacity": 100] as [String: JSONValue])
            let venueID = try #require(try venue.json()["venueId"]?.stringValue ?? venue.json()["id"]?.stringValue)
            let placed = try await app.client.send(
                .put, "/api/events/\(event.eventId)", headers: fixture.headers,
                json: ["venueId": .string(venueID)] as [String: JSONValue])
            #expect(placed.status == .ok, "\(placed.text)")
            #expect(await eventually { app.mailer.sent(subject: subject).count == 4 })
            let told = app.mailer.sent(subject: subject).suffix(3)
            #expect(
                Set(told.flatMap { $0.to.map(\.email) }) == ["ada@example.org", "cleo@example.org", "dora@example.org"])
            #expect(told.allSatisfy { $0.text.contains("Venue: now Hall B, 2 Knot Lane") })
        }
    }

    /// The "Day 1 Only" type of the workshop (priced: its orders wait for payment).
    static func day1(of app: TestApp, _ event: UUID) async throws -> UUID {
        try await app.store.sql().raw(
            "SELECT id FROM ticket_types WHERE event_id = \(bind: event) AND name = 'Day 1 Only'"
        ).first()!.decode(column: "id", as: UUID.self)
    }

    /// A campaign to more addresses than a page holds is written down page by page, each address once, however often
    /// the pages' deliveries run.
    @Test(arguments: TestDatabase.all)
    func aCampaignLargerThanAPageReachesEachSubscriberOnce(_ database: TestDatabase) async throws {
        try await withApp(database, configure: { $0.workers.runWorkers = false }) { app in
            let fixture = try await CatalogFixture.make(app)
            let org = fixture.organization.organizationId
            let now = app.clock.now
            let total = 1_050
            for chunk in stride(from: 0, to: total, by: 350) {
                let rows = (chunk..<min(chunk + 350, total)).map { index -> SQLQueryString in
                    "(\(bind: UUID()), \(bind: org), \(bind: "reader\(index)@example.org"), 'subscribed', \(bind: "unsub-\(index)"), \(bind: now), \(bind: now))"
                }
                try await app.store.sql().raw(
                    """
                    INSERT INTO newsletter_subscribers (id, organization_id, email, status, unsubscribe_token, created_at,
                      updated_at) VALUES
                    """ + " " + rows.dropFirst().reduce(rows[0]) { $0 + ", " + $1 }
                ).run()
            }
            // Subscribed through the double opt-in: their addresses are confirmed (as the confirmation link does).
            try await app.store.sql().raw(
                """
                INSERT INTO mail_addresses (email, confirmed_at, links_in_window, created_at)
                SELECT email, \(bind: now), 0, \(bind: now) FROM newsletter_subscribers WHERE status = 'subscribed'
                """
            ).run()
            try await app.store.sql().raw(
                """
                INSERT INTO newsletter_subscribers (id, organization_id, email, status, unsubscribe_token, created_at, updated_at)
                VALUES (\(bind: UUID()), \(bind: org), 'pending@example.org', 'pending', 'unsub-pending', \(bind: now), \(bind: now))
                """
            ).run()
            let campaign = try await app.client.send(
                .post, "/api/organizations/\(org)/newsletter/campaigns", headers: fixture.headers,
                json: ["subject": "News", "body": "Hello readers."])
            #expect(campaign.status == .accepted)
            #expect(try campaign.json()["recipients"] == .int(total), "confirmed subscribers only")
            let fanOut = OutboxWorker(
                store: app.store, handler: BroadcastFanOut(store: app.store, clock: app.clock.appClock),
                clock: app.clock.appClock, logger: app.boxOffice.logger)
            // The first page's message delivered twice at once (as when a worker's lease ran out while it worked): the
            // recipients' key lets each address through once. Then the remaining pages.
            let queued = try #require(
                try await app.store.sql().raw(
                    "SELECT id, payload, created_at FROM outbox WHERE topic = 'broadcast.fan_out'"
                ).first())
            let delivery = OutboxDelivery(
                id: try queued.decode(column: "id", as: UUID.self), topic: .broadcast,
                payload: try queued.decode(column: "payload", as: String.self), attempt: 1,
                createdAt: try queued.decode(column: "created_at", as: Date.self))
            let handler = BroadcastFanOut(store: app.store, clock: app.clock.appClock)
            async let once: Void = handler.handle(delivery)
            async let twice: Void = handler.handle(delivery)
            _ = try await (once, twice)
            try await app.store.sql().raw("DELETE FROM outbox WHERE id = \(bind: delivery.id)").run()
            for _ in 0..<4 { _ = try await fanOut.deliverDue() }
            let copies = try await app.store.sql().raw(
                "SELECT payload FROM outbox WHERE topic = 'email.broadcast_copy'"
            ).all().map { try $0.decode(column: "payload", as: String.self) }
            #expect(copies.count == total)
            #expect(Set(copies).count == total, "each address once")
            let state = try await app.client.send(
                .get, "/api/organizations/\(org)/newsletter/campaigns", headers: fixture.headers)
            #expect(try state.json()["campaigns"]?.arrayValue?.first?["state"] == "sent")
            #expect(try state.json()["campaigns"]?.arrayValue?.first?["recipients"] == .int(total))
            let mail = OutboxWorker(
                store: app.store, handler: BroadcastMail(store: app.store, mailer: app.mailer, composer: .test(app)),
                clock: app.clock.appClock, logger: app.boxOffice.logger)
            #expect(try await mail.deliverDue() > 0)
            let first = try #require(app.mailer.sent(subject: "News").first)
            #expect(first.headers.contains { $0.name == "List-Unsubscribe-Post" })
            #expect(first.text.contains("/newsletter/unsubscribe?token=unsub-"))
        }
    }
}

extension MailComposer {
    static func test(_ app: TestApp) -> MailComposer {
        MailComposer(store: app.store, sender: MailAddress("tickets@boxoffice.test"), publicURL: "http://localhost")
    }
}

/// The buyer hears of each thing once: a move another message tells is passed over by the order's own notice.
@Suite struct OrderNoticeTests {
    @Test(arguments: TestDatabase.all)
    func anEventsCancellationIsToldOnceAndAPaymentLaterOnce(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let (event, _, day1, _) = try await fixture.workshop()
            let free = try await fixture.addTicketType(event.eventId, name: "Free", sessions: ["S1"], price: 0)
            _ = try await BroadcastTests.buy(app, free.ticketTypeId, buyer: "ada")
            let pending = try await BroadcastTests.buy(app, day1.ticketTypeId, buyer: "bea")
            #expect(await eventually { app.mailer.sent(to: "bea@example.org").count == 1 })
            _ = try await app.client.send(
                .put, "/api/admin/orders/\(pending.orderId)/status", headers: fixture.headers, json: ["status": "paid"])
            #expect(await eventually { app.mailer.sent(to: "bea@example.org").count == 2 })
            _ = try await app.client.send(
                .put, "/api/events/\(event.eventId)", headers: fixture.headers, json: ["status": "cancelled"])
            #expect(await eventually { app.mailer.sent(to: "ada@example.org").count == 2 })
            #expect(await eventually { app.mailer.sent(to: "bea@example.org").count == 3 })
            try await Task.sleep(for: .milliseconds(500))
            #expect(
                app.mailer.sent(to: "ada@example.org").map(\.subject) == [
                    "Your tickets for Advanced Rope Workshop", "Advanced Rope Workshop is cancelled",
                ])
            #expect(
                app.mailer.sent(to: "bea@example.org").map(\.subject) == [
                    "Order \(pending.orderNumber) reserved: Advanced Rope Workshop",
                    "Payment received: your tickets for Advanced Rope Workshop",
                    "Advanced Rope Workshop is cancelled",
                ])
        }
    }
}

/// A card payment that arrives after its order expired revives it with new ticket codes: the buyer gets the tickets.
@Suite struct LatePaymentMailTests {
    @Test(arguments: TestDatabase.all)
    func aRevivedOrderSendsItsNewTickets(_ database: TestDatabase) async throws {
        let gateway = PaymentGatewayDouble()
        try await withApp(database, seams: .init(payments: gateway)) { app in
            let fixture = try await CatalogFixture.make(app)
            let (event, _, _, _) = try await fixture.workshop()
            let type = try await BroadcastTests.day1(of: app, event.eventId)
            let response = try await app.client.send(
                .post, "/api/orders",
                json: [
                    "ticketTypeId": .string(type.uuidString), "quantity": 2, "buyerName": "Ada",
                    "buyerEmail": "ada@example.org", "paymentMethod": "card", "paymentToken": "pm_card_3ds",
                ] as [String: JSONValue])
            let order = try response.decode(OrderDTO.self)
            #expect(order.status == "pending" && order.payment?.status == "requires_action", "\(response.text)")
            let reference = try #require(order.payment?.providerReference)
            app.clock.advance(by: 3600)
            _ = try await HoldSweeper(store: app.store, clock: app.clock.appClock, logger: app.boxOffice.logger).sweep()
            #expect(await eventually { app.mailer.sent(subject: "Order \(order.orderNumber) expired").count == 1 })
            gateway.settle(reference, as: .succeeded)
            _ = try await app.boxOffice.paymentReconciler.reconcile()
            let tickets = "Your tickets for Advanced Rope Workshop"
            #expect(await eventually { app.mailer.sent(subject: tickets).count == 1 })
            #expect(
                await eventually {
                    app.mailer.sent(
                        subject: "Order \(order.orderNumber): your payment arrived late and your tickets are confirmed"
                    ).count == 1
                })
            let mail = try #require(app.mailer.sent(subject: tickets).first)
            #expect(mail.inline.count == 2, "each ticket's new QR code")
            try await Task.sleep(for: .milliseconds(300))
            #expect(app.mailer.sent(subject: "Payment received: your tickets for Advanced Rope Workshop").isEmpty)
        }
    }
}
