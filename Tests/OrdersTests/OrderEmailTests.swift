import BoxOfficeApp
import Foundation
import HTTPCore
import HTTPTypes
import HummingbirdTesting
import Orders
import TestSupport
import Testing

/// The email log and the resend: each message with its state, for admins and for an order's managers.
@Suite struct OrderEmailTests {
    @Test(arguments: TestDatabase.all)
    func emailsAreListedWithTheirStateAndAConfirmationCanBeSentAgain(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let (_, _, day1, _) = try await fixture.workshop()
            let order = try await app.client.send(
                .post, "/api/orders",
                json: [
                    "ticketTypeId": .string(day1.ticketTypeId.uuidString), "quantity": 1, "buyerName": "Ada",
                    "buyerEmail": "ada@example.org", "paymentMethod": "offline",
                ] as [String: JSONValue]
            ).decode(OrderDTO.self)
            #expect(await eventually { app.mailer.sent.count == 1 })
            let path = "/api/admin/emails?orderId=\(order.orderId)"
            #expect(
                await eventually {
                    (try? await app.client.send(.get, path, headers: fixture.headers).decode(EmailPageDTO.self))?
                        .emails.first?.state == "sent"
                })
            let listed = try await app.client.send(.get, path, headers: fixture.headers).decode(EmailPageDTO.self)
            #expect(listed.emails.count == 1)
            #expect(
                listed.emails[0].topic == "email.order_confirmation" && listed.emails[0].recipient == "ada@example.org")
            #expect(listed.emails[0].attempts == 1 && listed.emails[0].sentAt != nil)

            let resent = try await app.client.send(
                .post, "/api/admin/orders/\(order.orderId)/resend-email", headers: fixture.headers)
            #expect(resent.status == .accepted)
            #expect(await eventually { app.mailer.sent(to: "ada@example.org").count == 2 })

            // Someone else sees nothing of it; without an order only admins may look.
            let stranger = try await app.signUp("stranger@example.org")
            #expect(try await app.client.send(.get, path, headers: stranger.bearer).status == .notFound)
            #expect(
                try await app.client.send(
                    .post, "/api/admin/orders/\(order.orderId)/resend-email", headers: stranger.bearer
                ).status == .notFound)
            #expect(try await app.client.send(.get, "/api/admin/emails", headers: fixture.headers).status == .forbidden)
            let admin = try await app.signInAdmin()
            let all = try await app.client.send(
                .get, "/api/admin/emails?recipient=ada@example.org&state=sent", headers: admin.bearer
            ).decode(EmailPageDTO.self)
            #expect(all.emails.count == 2)
            let bad = try await app.client.send(.get, "/api/admin/emails?state=lost", headers: admin.bearer)
            #expect(bad.status == .badRequest)

            // An order that no longer stands has nothing to confirm: said, not queued.
            _ = try await app.client.send(
                .put, "/api/admin/orders/\(order.orderId)/status", headers: fixture.headers,
                json: ["status": "cancelled"])
            let gone = try await app.client.send(
                .post, "/api/admin/orders/\(order.orderId)/resend-email", headers: fixture.headers)
            #expect(gone.status == .conflict, "\(gone.text)")
        }
    }
}
