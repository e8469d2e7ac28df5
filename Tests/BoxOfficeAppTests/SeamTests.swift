import Accounts
import BoxOfficeApp
import Domain
import Foundation
import HTTPCore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Mail
import Messaging
import NIOCore
import Orders
import Outbox
import Persistence
import Synchronization
import TestSupport
import Testing

/// The composition root takes every seam from the outside when handed one: the change feed, files, randomness.
@Suite struct SeamTests {
    func order(_ app: TestApp) async throws -> String {
        let fixture = try await CatalogFixture.make(app)
        let workshop = try await fixture.workshop()
        let response = try await app.client.send(
            .post, "/api/orders",
            json: [
                "ticketTypeId": .string(workshop.day1.ticketTypeId.uuidString), "quantity": 2, "buyerName": "Ada Guest",
                "buyerEmail": "ada@example.org",
            ] as [String: JSONValue])
        return try #require(try response.json()["orderNumber"]?.stringValue)
    }

    func firstMail(_ app: TestApp) async throws -> MailMessage {
        for _ in 0..<100 where app.mailer.sent.isEmpty { try await Task.sleep(for: .milliseconds(50)) }
        return try #require(app.mailer.sent.first)
    }

    /// One seeded source of randomness: the same requests make the same order number and the same email, run after run.
    /// (The workers run by hand here: background ones would draw from the source whenever they happen to wake.)
    @Test func aSeededSourceMakesOrdersAndEmailsReproducible() async throws {
        let seen = Mutex<[(String, MailMessage)]>([])
        for _ in 0..<2 {
            try await withApp(
                configure: { $0.workers.runWorkers = false }, seams: .init(random: SeededRandomSource(seed: 2026))
            ) { app in
                let number = try await order(app)
                let mailer = RecordingMailer()
                let worker = OutboxWorker(
                    store: app.store,
                    handler: OrderConfirmationMail(
                        store: app.store, mailer: mailer,
                        composer: MailComposer(
                            store: app.store, sender: MailAddress("tickets@example.org"), publicURL: "http://localhost")
                    ),
                    clock: app.clock.appClock, logger: app.boxOffice.logger)
                #expect(try await worker.deliverDue() == 1)
                let mail = try #require(mailer.sent.first)
                seen.withLock { $0.append((number, mail)) }
            }
        }
        let runs = seen.withLock { $0 }
        #expect(runs.count == 2 && runs[0].0 == runs[1].0)
        #expect(runs[0].1 == runs[1].1)
        #expect(runs[0].1.subject.contains(runs[0].0))
    }

    /// A handed-in change feed is the workers' only wake-up call: nothing is mailed until it announces.
    @Test func workersWakeOnTheChangeFeedTheyAreGiven() async throws {
        let bus = DrivenEventBus()
        try await withApp(configure: { $0.workers.outboxPollSeconds = 3600 }, seams: .init(eventBus: bus)) { app in
            #expect(app.boxOffice.eventBus is DrivenEventBus)
            _ = try await order(app)
            try await Task.sleep(for: .milliseconds(400))
            #expect(app.mailer.sent.isEmpty, "the database's own feed is not the one this app listens to")
            bus.announce(Change(topic: .orderConfirmation, subjects: []))
            #expect(try await firstMail(app).to.first?.email == "ada@example.org")
        }
    }

    @Test func aHandedInBlobStoreKeepsTheFiles() async throws {
        let blobs = InMemoryBlobStore()
        try await withApp(seams: .init(blobs: blobs)) { app in
            let fixture = try await CatalogFixture.make(app)
            var headers = fixture.headers
            headers[.contentType] = "image/png"
            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]
            let base = "/api/organizations/\(fixture.organization.organizationId)/logo"
            #expect(
                try await app.client.executeRequest(
                    uri: base, method: .put, headers: headers, body: ByteBuffer(bytes: png)
                ).status == .ok)
            #expect(blobs.keys.count == 1)
            #expect(
                try await app.client.send(.get, base).headers[.location]?.hasPrefix("memory://organizations/") == true)
        }
    }

    /// The processor's webhooks are not counted by the general rate limit: a burst of them is never 429.
    @Test func webhooksAreNotRateLimited() async throws {
        try await withApp(configure: {
            $0.auth.apiRequests = 2
            $0.auth.apiWindowSeconds = 60
        }) { app in
            for _ in 0..<5 {
                let response = try await app.client.send(
                    .post, "/api/webhooks/stripe", headers: [.contentType: "application/json"], raw: "{}")
                #expect(response.status == .badRequest)
            }
            var statuses: [Int] = []
            for _ in 0..<3 { statuses.append(Int(try await app.client.send(.get, "/api/events").status.code)) }
            #expect(statuses == [200, 200, 429])
            // Every other surface counts too (here the web pages), and the health probes never do.
            #expect(try await app.client.send(.get, "/account/sign-in").status == .tooManyRequests)
            #expect(try await app.client.send(.get, "/health/live").status == .ok)
        }
    }
}
