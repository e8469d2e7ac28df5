public import Domain
public import Foundation

/// Delivers the messages of some topics: sends the email, calls the webhook, pushes the update. Throwing schedules a
/// retry (or, past the topic's limit, marks the message failed with the error); returning marks it delivered.
/// Handlers must tolerate the rare second delivery of a message whose worker died after delivering it but before
/// recording so (its lease then passes and another worker claims it).
public protocol OutboxHandler: Sendable {
    /// A name for logs and the admin API.
    var name: String { get }
    var topics: Set<OutboxTopic> { get }
    var retry: RetryPolicy { get }
    func handle(_ message: OutboxDelivery) async throws
}

/// The shape of almost every handler: one kind of message, read from the payload here. A handler states its name, its
/// retry policy (`.standard` unless it says otherwise, `.mail` for mail) and its work; its topic is its message's.
/// A handler of several topics (`ChangeFeedTopics`) is an `OutboxHandler` of its own.
public protocol MessageHandler: OutboxHandler {
    associatedtype Message: OutboxMessage
    /// Does the work for one message; `delivery` says which try this is and when the message was written.
    func handle(_ message: Message, delivery: OutboxDelivery) async throws
}

extension MessageHandler {
    public var topics: Set<OutboxTopic> { [Message.topic] }
    public var retry: RetryPolicy { .standard }

    public func handle(_ delivery: OutboxDelivery) async throws {
        try await handle(try delivery.decode(Message.self), delivery: delivery)
    }
}

/// A message as a worker hands it to its handler.
public struct OutboxDelivery: Sendable {
    public var id: UUID
    public var topic: OutboxTopic
    public var payload: String
    /// 1 for the first try.
    public var attempt: Int
    public var createdAt: Date

    public init(id: UUID, topic: OutboxTopic, payload: String, attempt: Int, createdAt: Date) {
        self.id = id
        self.topic = topic
        self.payload = payload
        self.attempt = attempt
        self.createdAt = createdAt
    }

    public func decode<Message: OutboxMessage>(_ type: Message.Type) throws -> Message {
        try JSONDecoder().decode(type, from: Data(payload.utf8))
    }
}

/// How often and how far apart a topic's deliveries are tried: exponential backoff from `baseDelay`, capped at
/// `maxDelay`, with jitter (half the delay fixed, half random) so that messages failing together do not retry together.
public struct RetryPolicy: Sendable, Equatable {
    public var maxAttempts: Int
    public var baseDelay: Duration
    public var maxDelay: Duration

    public init(maxAttempts: Int, baseDelay: Duration, maxDelay: Duration) {
        precondition(maxAttempts >= 1, "at least one attempt")
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// Eight tries over about an hour and a half: a mail server or partner down for a while still gets the message.
    public static let standard = RetryPolicy(maxAttempts: 8, baseDelay: .seconds(30), maxDelay: .seconds(3600))

    /// Email retries: up to five tries, 30 seconds apart at first, then longer; a permanent refusal (no
    /// such mailbox) fails at once.
    public static let mail = RetryPolicy(maxAttempts: 5, baseDelay: .seconds(30), maxDelay: .seconds(1800))

    /// Seconds to wait after failed attempt `attempt` (1-based); `unitRandom` is in 0..<1.
    public func delay(afterAttempt attempt: Int, unitRandom: Double) -> TimeInterval {
        let base = Double(baseDelay.components.seconds) + Double(baseDelay.components.attoseconds) / 1e18
        let cap = Double(maxDelay.components.seconds) + Double(maxDelay.components.attoseconds) / 1e18
        let full = min(cap, base * pow(2, Double(max(0, attempt - 1))))
        return full / 2 + full / 2 * min(max(unitRandom, 0), 1)
    }
}

/// The topics whose delivery is the change feed itself: their changes reached every instance's subscribers when the
/// writing transaction committed (`Outbox.announce`), so their rows are marked delivered. They stay in the outbox as
/// the record of what changed; partner webhooks (a later feature) add handlers of their own on the same topics.
/// `event.cancelled` is not among them: its handler is the cancellation cascade (orders cancelled and refunded).
public struct ChangeFeedTopics: OutboxHandler {
    public var name: String { "change-feed" }
    public var topics: Set<OutboxTopic> {
        [
            .availabilityChanged, .orderStatusChanged, .holdChanged, .checkinRecorded, .eventPublished, .eventChanged,
            .sessionChanged, .ticketTypeChanged, .kioskChanged, .memberChanged,
        ]
    }
    public var retry: RetryPolicy { .standard }

    public init() {}

    public func handle(_ message: OutboxDelivery) async throws {}
}
