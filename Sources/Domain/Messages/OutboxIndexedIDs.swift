public import Foundation

/// The IDs an outbox row is found by, written beside its JSON payload into indexed columns of its own (`order_id`,
/// `broadcast_id`, `subscriber_id`): the email log asks for an organization's mail in plain SQL, the same on every
/// database, instead of reading each payload's JSON in each dialect. Each is the payload's own field of that name
/// (`orderId`, `broadcastId`, `subscriberId`), so the columns say nothing the payload does not.
public struct OutboxIndexedIDs: Sendable, Equatable {
    public var orderID: UUID?
    public var broadcastID: UUID?
    public var subscriberID: UUID?

    public init(orderID: UUID? = nil, broadcastID: UUID? = nil, subscriberID: UUID? = nil) {
        self.orderID = orderID
        self.broadcastID = broadcastID
        self.subscriberID = subscriberID
    }
}

extension OutboxMessage {
    /// Most messages concern none of them.
    public var indexedIDs: OutboxIndexedIDs { OutboxIndexedIDs() }
}

// The messages that carry one: their payload's `orderId`, `broadcastId` or `subscriberId`, and nothing else.
// (`OutboxIndexedIDsTests` holds every topic's message to this.)

extension OrderConfirmation {
    public var indexedIDs: OutboxIndexedIDs { OutboxIndexedIDs(orderID: orderId) }
}

extension OrderStatusChanged {
    public var indexedIDs: OutboxIndexedIDs { OutboxIndexedIDs(orderID: orderId) }
}

extension RefundRequested {
    public var indexedIDs: OutboxIndexedIDs { OutboxIndexedIDs(orderID: orderId) }
}

extension PaymentNotice {
    public var indexedIDs: OutboxIndexedIDs { OutboxIndexedIDs(orderID: orderId) }
}

extension SessionReminder {
    public var indexedIDs: OutboxIndexedIDs { OutboxIndexedIDs(orderID: orderId) }
}

extension OrderNotice {
    public var indexedIDs: OutboxIndexedIDs { OutboxIndexedIDs(orderID: orderId) }
}

extension TicketReissued {
    public var indexedIDs: OutboxIndexedIDs { OutboxIndexedIDs(orderID: orderId) }
}

extension BroadcastQueued {
    public var indexedIDs: OutboxIndexedIDs { OutboxIndexedIDs(broadcastID: broadcastId) }
}

extension BroadcastCopy {
    public var indexedIDs: OutboxIndexedIDs { OutboxIndexedIDs(broadcastID: broadcastId) }
}

extension NewsletterSubscribed {
    public var indexedIDs: OutboxIndexedIDs { OutboxIndexedIDs(subscriberID: subscriberId) }
}
