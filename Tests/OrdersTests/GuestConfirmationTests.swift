import BoxOfficeApp
import Foundation
import HTTPCore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Orders
import Sales
import TestSupport
import Testing

/// A guest's offline order keeps its places for GUEST_CONFIRM_WINDOW only, unless the buyer confirms their email
/// through the link mailed with the order (#13: two made-up emails kept a session's places for 72 hours).
@Suite struct GuestConfirmationTests {
    static func confirming(_ config: inout AppConfig) {
        config.sales.guestConfirmSeconds = 1800
    }

    func order(_ app: TestApp, _ type: UUID, email: String, headers: HTTPFields = [:]) async throws -> JSONValue {
        let response = try await app.client.send(
            .post, "/api/orders", headers: headers,
            json: [
                "ticketTypeId": .string(type.uuidString), "quantity": 2, "buyerName": "Guest",
                "buyerEmail": .string(email), "paymentMethod": "offline",
            ] as [String: JSONValue])
        #expect(response.status == .created, "\(response.text)")
        return try response.json()
    }

    func mail(to email: String, _ app: TestApp) async throws -> String {
        for _ in 0..<600 where !app.mailer.sent.contains(where: { $0.to.first?.email == email }) {
            try await Task.sleep(for: .milliseconds(50))
        }
        return try #require(app.mailer.sent.first { $0.to.first?.email == email }).text
    }

    @Test(arguments: TestDatabase.all)
    func unconfirmedGuestOrdersAreReleasedConfirmedOnesKeepTheirPlaces(_ database: TestDatabase) async throws {
        try await withApp(database, configure: Self.confirming) { app in
            let fixture = try await CatalogFixture.make(app)
            let workshop = try await fixture.workshop()
            let type = workshop.day1.ticketTypeId
            let t0 = app.clock.now
            let kept = try await order(app, type, email: "real@example.org")
            let forgotten = try await order(app, type, email: "made-up@example.org")
            #expect(kept["paymentDeadline"]?.stringValue == ISO8601Instant.string(t0.addingTimeInterval(1800)))

            // The link is in the confirmation mail; following it shows a button, it confirms nothing by itself.
            let text = try await mail(to: "real@example.org", app)
            let link = try #require(text.split(separator: "\n").first { $0.contains("/orders/confirm-email?token=") })
            let path = String(link[link.range(of: "/orders/confirm-email")!.lowerBound...])
            let page = try await app.client.send(.get, path)
            #expect(page.status == .ok && page.text.contains(kept["orderNumber"]?.stringValue ?? "?"))
            let csrf = try #require(
                page.headers[values: .setCookie].first { $0.hasPrefix("bx_csrf=") }?.split(separator: ";")[0]
                    .dropFirst("bx_csrf=".count))
            let token = String(path.split(separator: "=").last!)
            app.clock.advance(by: 600)
            let confirmed = try await app.client.send(
                .post, "/orders/confirm-email",
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "bx_csrf=\(csrf)"],
                raw: "_csrf=\(csrf)&token=\(token)")
            #expect(confirmed.status == .ok && confirmed.text.contains("Email confirmed"))

            // Past the window, the sweep releases the unconfirmed order's places; the confirmed one keeps them.
            app.clock.advance(by: 1201)
            _ = try await HoldSweeper(store: app.store, clock: app.clock.appClock, logger: app.boxOffice.logger).sweep()
            func status(_ order: JSONValue) async throws -> String? {
                let id = order["orderId"]?.stringValue ?? ""
                let token = order["accessToken"]?.stringValue ?? ""
                return try await app.client.send(.get, "/api/orders/\(id)", headers: [.orderToken: token]).json()[
                    "status"]?.stringValue
            }
            #expect(try await status(kept) == "pending")
            #expect(try await status(forgotten) == "expired")
            let availability = try await app.client.send(.get, "/api/events/\(workshop.event.eventId)/availability")
            let day1 = try availability.json()["ticketTypes"]?.arrayValue?.first {
                $0["ticketTypeId"]?.stringValue == type.uuidString
            }
            #expect(day1?["availableQuantity"] == .int(18), "the forgotten order's two places are back")

            // The released order's own link is gone, shown and posted; a made-up token too.
            let forgottenText = try await mail(to: "made-up@example.org", app)
            let forgottenLink = try #require(
                forgottenText.split(separator: "\n").first { $0.contains("/orders/confirm-email?token=") })
            let forgottenToken = String(forgottenLink.split(separator: "=").last!)
            let late = try await app.client.send(.get, "/orders/confirm-email?token=\(forgottenToken)")
            #expect(late.status == .notFound && late.headers[.contentType]?.hasPrefix("text/html") == true)
            let latePost = try await app.client.send(
                .post, "/orders/confirm-email",
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "bx_csrf=\(csrf)"],
                raw: "_csrf=\(csrf)&token=\(forgottenToken)")
            #expect(latePost.status == .notFound)
            #expect(try await status(forgotten) == "expired")
            #expect(try await app.client.send(.get, "/orders/confirm-email?token=\(token)x").status == .notFound)

            // A signed-in buyer's offline order asks no confirmation.
            let member = try await app.signUp("member@example.org")
            let theirs = try await order(app, type, email: "member@example.org", headers: member.bearer)
            let memberDeadline = try #require(theirs["paymentDeadline"]?.stringValue)
            #expect(memberDeadline == ISO8601Instant.string(app.clock.now.addingTimeInterval(72 * 3600)))
        }
    }

    /// A guest's hold turned into an offline order asks the same confirmation, with the same window.
    @Test(arguments: TestDatabase.all)
    func aGuestsHoldTurnedIntoAnOrderAsksTheConfirmationToo(_ database: TestDatabase) async throws {
        try await withApp(database, configure: Self.confirming) { app in
            let fixture = try await CatalogFixture.make(app)
            let workshop = try await fixture.workshop()
            let hold = try await app.client.send(
                .post, "/api/holds", headers: [.cartToken: "guest-cart"],
                json: ["ticketTypeId": .string(workshop.day1.ticketTypeId.uuidString), "quantity": 2]
                    as [String: JSONValue])
            let holdID = try #require(try hold.json()["holdId"]?.stringValue)
            let order = try await app.client.send(
                .post, "/api/orders/with-lock", headers: [.cartToken: "guest-cart"],
                json: ["lockId": .string(holdID), "buyerName": "Guest", "buyerEmail": "held@example.org"]
                    as [String: JSONValue])
            #expect(order.status == .created, "\(order.text)")
            #expect(
                try order.json()["paymentDeadline"]?.stringValue
                    == ISO8601Instant.string(app.clock.now.addingTimeInterval(1800)))
            #expect(try await mail(to: "held@example.org", app).contains("/orders/confirm-email?token="))
        }
    }
}
