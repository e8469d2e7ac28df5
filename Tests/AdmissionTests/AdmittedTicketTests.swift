import Foundation
import HTTPCore
import HTTPTypes
import HummingbirdTesting
import TestSupport
import Testing

/// A ticket that opened a door stays the holder's: its buyer cannot cancel it for a refund (while they are inside, its
/// place would go back on sale); an organizer may still refund the order, and the admission stays on record.
@Suite struct AdmittedTicketTests {
    @Test(arguments: TestDatabase.all)
    func anAdmittedTicketCannotBeCancelledByItsBuyer(_ database: TestDatabase) async throws {
        try await withApp(database, configure: AdmissionFixture.configure) { app in
            let f = try await AdmissionFixture.make(app)
            // A refund cutoff shorter than the check-in window: the cancellation would be refunded in full.
            let rule = try await app.client.send(
                .put, "/api/events/\(f.event.eventId)", headers: f.organizer, json: ["refundCutoffHours": 1])
            #expect(rule.status == .ok)
            let order = try await f.buy(f.both, quantity: 2)
            let admittedTicket = order.tickets[0].ticketId
            let pass = try await f.pass(admittedTicket)
            app.clock.set(f.start(1).addingTimeInterval(-90 * 60))
            #expect(try await f.scan(pass.qrText, as: f.organizer).status == .ok)

            let refused = try await app.client.send(
                .put, "/api/tickets/\(admittedTicket)/cancel", headers: f.buyer.bearer)
            #expect(refused.status == .conflict && errorCode(refused) == "ALREADY_CHECKED_IN")
            // The other ticket, never scanned, is the buyer's to cancel under the refund rule (free: nothing to refund).
            let other = try await app.client.send(
                .put, "/api/tickets/\(order.tickets[1].ticketId)/cancel", headers: f.buyer.bearer)
            let otherStatus = try other.json()["status"]?.stringValue
            #expect(other.status == .ok && otherStatus == "cancelled")

            // The organizer refunds the order all the same; the admission stays on record.
            let refund = try await app.client.send(
                .put, "/api/admin/orders/\(order.orderId)/status", headers: f.organizer, json: ["status": "refunded"])
            #expect(refund.status == .ok, "\(refund.text)")
            let admissions = try await app.store.sql().raw(
                "SELECT COUNT(*) AS n FROM checkins WHERE ticket_id = \(bind: admittedTicket)"
            ).first()?.decode(column: "n", as: Int.self)
            #expect(admissions == 1)
        }
    }
}
