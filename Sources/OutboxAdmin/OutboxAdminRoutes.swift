import Audit
import Domain
import FluentKit
public import Foundation
public import HTTPCore
public import Hummingbird
import Identity
import Outbox
import Persistence
import SQLKit

/// One outbox message as the admin API shows it.
public struct OutboxMessageDTO: Codable, Sendable, Equatable {
    public var id: UUID
    public var topic: String
    /// `pending`, `delivered` or `failed`.
    public var state: String
    public var attempts: Int
    public var lastError: String?
    public var createdAt: Date
    /// When a pending message is next due.
    public var availableAt: Date
    public var deliveredAt: Date?
    public var failedAt: Date?
    public var payload: JSONValue
}

/// How many messages each topic has in each state.
public struct OutboxCountDTO: Codable, Sendable, Equatable {
    public var topic: String
    public var state: String
    public var count: Int
}

public struct OutboxListDTO: Codable, Sendable, ResponseEncodable {
    public var items: [OutboxMessageDTO]
    public var counts: [OutboxCountDTO]
}

/// `GET /api/admin/outbox` and `POST /api/admin/outbox/{id}/retry`: admins see what is owed, delivered and failed, and
/// queue a failed message again.
public struct OutboxAdminRoutes: Sendable {
    let service: OutboxAdministration
    let clientAddress: ClientAddress

    public init(service: OutboxAdministration, clientAddress: ClientAddress) {
        self.service = service
        self.clientAddress = clientAddress
    }

    public func register(on router: some RouterMethods<AppRequestContext>) {
        let users = router.group(context: UserRequestContext.self)
        users.get("/api/admin/outbox") { request, context in
            var reader = QueryReader(request, context: context)
            let topic = reader.choice("topic", as: OutboxTopic.self)
            let state = reader.choice("state", as: OutboxAdministration.OutboxState.self)
            let limit = reader.integerOrDefault("limit")
            try reader.throwIfAny()
            return try await service.list(
                topic: topic?.rawValue, state: state?.rawValue, limit: limit, by: context.identity)
        }
        users.post("/api/admin/outbox/:id/retry") { request, context in
            try await service.retry(
                try context.pathUUID("id"), by: context.identity, meta: clientAddress.metadata(request, context))
        }
    }
}
