import Domain
import Foundation
import Outbox
import Testing

/// Every message's indexed IDs (the outbox row's `order_id`, `broadcast_id`, `subscriber_id`) are its payload's
/// `orderId`, `broadcastId` and `subscriberId`: what the email log found in the JSON before, it finds in the columns.
@Suite struct OutboxIndexedIDsTests {
    /// One message of every topic, with every optional field set.
    static let messages: [any OutboxMessage] = [
        OrderConfirmation(orderId: UUID(), eventId: UUID(), emailConfirmationToken: "t", asItStands: true),
        AvailabilityChanged(eventId: UUID()),
        OrderStatusChanged(orderId: UUID(), eventId: UUID(), from: .pending, to: .paid, actor: "user"),
        HoldChanged(holdId: UUID(), eventId: UUID(), ticketTypeId: UUID(), status: .active),
        CheckinRecorded(eventId: UUID(), ticketId: UUID(), sessionId: UUID(), undone: false),
        EventPublished(eventId: UUID(), organizationId: UUID()),
        EventChanged(eventId: UUID(), organizationId: UUID()),
        EventCancelled(eventId: UUID(), organizationId: UUID()),
        SessionChanged(eventId: UUID(), sessionId: UUID()),
        TicketTypeChanged(eventId: UUID(), ticketTypeId: UUID()),
        KioskChanged(eventId: UUID(), kioskId: UUID(), change: "created"),
        MemberChanged(organizationId: UUID(), userId: UUID(), change: "added"),
        RefundRequested(refundId: UUID(), orderId: UUID()),
        PaymentNotice(kind: .refundIssued, recipient: .buyer, orderId: UUID(), refundId: UUID()),
        SessionReminder(orderId: UUID(), sessionId: UUID(), offsetMinutes: 60),
        PasswordResetRequested(email: "a@example.org"),
        OrderNotice(orderId: UUID(), from: .pending, to: .cancelled, actor: .user(UUID()), reason: "r"),
        TicketReissued(ticketId: UUID(), orderId: UUID()),
        EventScheduleChanged(eventId: UUID(), sessionId: UUID(), startsAt: Date(), endsAt: Date(), venue: "v"),
        BroadcastQueued(broadcastId: UUID()),
        BroadcastCopy(broadcastId: UUID(), email: "a@example.org"),
        NewsletterSubscribed(subscriberId: UUID()),
        RegistrationMail(email: "a@example.org", created: true),
        Ping(note: "n"),
    ]

    @Test func everyTopicHasItsMessageHere() {
        let topics = Set(Self.messages.map { type(of: $0).topic })
        #expect(topics == Set(OutboxTopic.allCases))
    }

    @Test(arguments: OutboxIndexedIDsTests.messages.indices)
    func indexedIDsAreThePayloadsOwn(_ index: Int) throws {
        let row = try Self.row(Self.messages[index])
        let fields = try #require(
            try JSONSerialization.jsonObject(with: Data(row.payload.utf8)) as? [String: Any])
        func field(_ key: String) -> UUID? { (fields[key] as? String).flatMap(UUID.init(uuidString:)) }
        #expect(row.indexedIDs.orderID == field("orderId"), "\(row.topic)")
        #expect(row.indexedIDs.broadcastID == field("broadcastId"), "\(row.topic)")
        #expect(row.indexedIDs.subscriberID == field("subscriberId"), "\(row.topic)")
    }

    private static func row<Message: OutboxMessage>(_ message: Message) throws -> Outbox.Row {
        try Outbox.row(message)
    }
}
