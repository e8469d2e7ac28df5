import Domain
import FluentKit
public import Foundation
import HTTPCore
public import Hummingbird
import Identity
import Outbox
import Persistence
import SQLKit

/// One email as the outbox carries it, with its state as an email log says it (`pending`, `processing`, `sent`,
/// `failed`).
public struct EmailDTO: Codable, Sendable, Equatable {
    public var emailId: UUID
    public var topic: String
    /// `pending` (waiting, or waiting for a retry), `processing` (a worker has it now), `sent`, `failed`.
    public var state: String
    public var attempts: Int
    public var lastError: String?
    /// The order it is about, when it is about one.
    public var orderId: UUID?
    /// Who it goes to: the buyer's address, the password reset's address, or `organizers`.
    public var recipient: String?
    public var createdAt: Date
    public var sentAt: Date?
    public var failedAt: Date?
}

public struct EmailPageDTO: Codable, Sendable, ResponseEncodable {
    public var emails: [EmailDTO]
    public var page: Int
    public var perPage: Int
}

public struct ResendDTO: Codable, Sendable, ResponseEncodable {
    public var message: String
    public var emailId: UUID
}

/// The email log (an `email_outbox` as clients know it, read from the outbox itself) and re-sending an order's confirmation.
/// Admins see every email; an event's managers see those of one of its orders (`orderId` then required).
struct OrderEmails: Sendable {
    let store: DatabaseStore
    let queries: OrderQueries
    let authorizer = Authorizer()

    enum State: String, CaseIterable {
        case pending, processing, sent, failed
    }

    struct Filter {
        var orderID: UUID?
        var organizationID: UUID?
        var recipient: String?
        var state: State?
        var topic: String?
        var page: Int
        var perPage: Int

        init(_ query: QueryReader) throws {
            var reader = query
            orderID = reader.uuid("orderId")
            organizationID = reader.uuid("organizationId")
            // A search: an address as the accounts spell it, else the text as given (trimmed, lower case), which
            // matches only what was sent to exactly that.
            recipient = reader.string("recipient").map {
                EmailAddress($0)?.value ?? $0.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            }
            state = reader.choice("state", as: State.self)
            // The document lists the email topics a search takes.
            topic = reader.string("topic")
            page = reader.integerOrDefault("page")
            perPage = reader.integerOrDefault("perPage")
            try reader.throwIfAny()
        }
    }

    func list(_ filter: Filter, by principal: Principal, now: Date) async throws -> EmailPageDTO {
        let db = store.database()
        if let orderID = filter.orderID {
            guard let order = try await OrderRecord.find(orderID, on: db) else { throw OrdersError.orderNotFound }
            let admin =
                (try? await authorizer.require(.platformOrdersRead, on: .platform, by: principal, database: db)) != nil
            if !admin { try await queries.requireManager(of: order, principal, db) }
        } else if let organizationID = filter.organizationID {
            try await authorizer.require(.eventManage, on: .organization(organizationID), by: principal, database: db)
        } else {
            try await authorizer.require(.platformOrdersRead, on: .platform, by: principal, database: db)
        }
        var conditions: [SQLQueryString] = ["topic LIKE 'email.%'"]
        if let organizationID = filter.organizationID {
            conditions.append(Self.ofOrganization(organizationID))
        }
        if let orderID = filter.orderID { conditions.append("order_id = \(bind: orderID)") }
        if let topic = filter.topic { conditions.append("topic = \(bind: topic)") }
        if let recipient = filter.recipient {
            // The buyer's orders, and password resets asked for the address.
            let orders = try await store.sql().raw(
                "SELECT id FROM orders WHERE buyer_email = \(bind: recipient) ORDER BY created_at DESC LIMIT 100"
            ).all(rows: OrderIDRow.self).map(\.id)
            var any: [SQLQueryString] = orders.isEmpty ? [] : ["order_id IN (\(binds: orders))"]
            // Mail addressed by the payload itself: password resets, sign-up mail, a broadcast's copies.
            any.append("payload LIKE \(bind: "%\"email\":\"\(recipient)\"%")")
            conditions.append("(" + any.joined(separator: " OR ") + ")")
        }
        switch filter.state {
        case .pending?:
            conditions.append("state = 'pending' AND (lease_until IS NULL OR lease_until <= \(bind: now))")
        case .processing?: conditions.append("state = 'pending' AND lease_until > \(bind: now)")
        case .sent?: conditions.append("state = 'delivered'")
        case .failed?: conditions.append("state = 'failed'")
        case nil: break
        }
        let rows = try await store.sql().raw(
            """
            SELECT id, topic, state, attempts, last_error, created_at, delivered_at, failed_at, lease_until, payload, order_id
            FROM outbox
            WHERE
            """ + " " + conditions.joined(separator: " AND ") + """
                 ORDER BY created_at DESC, id LIMIT \(literal: filter.perPage) OFFSET \(literal: (filter.page - 1) * filter.perPage)
                """
        ).all(rows: MailRow.self)
        let payloads = rows.map {
            (try? JSONSerialization.jsonObject(with: Data($0.payload.utf8))) as? [String: Any] ?? [:]
        }
        // The buyers of the page's orders, in one query.
        let orderIDs = Set(rows.compactMap(\.orderId))
        let buyers = Dictionary(
            uniqueKeysWithValues: try await OrderRecord.query(on: db).filter(\.$id ~~ Array(orderIDs)).all().map {
                ($0.id!, $0.buyerEmail)
            })
        var emails: [EmailDTO] = []
        for (row, fields) in zip(rows, payloads) {
            let orderID = row.orderId
            var recipient: String?
            if fields["recipient"] as? String == "organizers" {
                recipient = "organizers"
            } else if let email = fields["email"] as? String {
                recipient = email
            } else if let orderID {
                recipient = buyers[orderID]
            }
            let stored = row.state
            let leased = row.leaseUntil.map { $0 > now } ?? false
            let state: State =
                switch stored {
                case "delivered": .sent
                case "failed": .failed
                default: leased ? .processing : .pending
                }
            emails.append(
                EmailDTO(
                    emailId: row.id, topic: row.topic, state: state.rawValue, attempts: row.attempts,
                    lastError: row.lastError, orderId: orderID, recipient: recipient, createdAt: row.createdAt,
                    sentAt: row.deliveredAt, failedAt: row.failedAt))
        }
        return EmailPageDTO(emails: emails, page: filter.page, perPage: filter.perPage)
    }

    /// The organization's mail, by the IDs its messages carry (the outbox's indexed columns, `OutboxIndexedIDs`): its
    /// events' orders, its broadcasts (organizers' messages, events' changes, campaigns), its newsletter's subscribers.
    static func ofOrganization(_ id: UUID) -> SQLQueryString {
        """
        (order_id IN (SELECT o.id FROM orders o JOIN events e ON e.id = o.event_id WHERE e.organization_id = \(bind: id))
          OR broadcast_id IN (SELECT b.id FROM mail_broadcasts b WHERE b.organization_id = \(bind: id))
          OR subscriber_id IN (SELECT s.id FROM newsletter_subscribers s WHERE s.organization_id = \(bind: id)))
        """
    }

    /// The order's confirmation again (as the order stands now), queued like the first.
    func resend(_ orderID: UUID, by principal: Principal, now: Date) async throws -> ResendDTO {
        let db = store.database()
        guard let order = try await OrderRecord.find(orderID, on: db) else { throw OrdersError.orderNotFound }
        try await queries.requireManager(of: order, principal, db)
        // Only an order that still stands has something to confirm; its cancellation or refund had its own message.
        let status = OrderReads.effectiveStatus(order, now: now)
        guard status == .pending || status == .paid else {
            throw HTTPFailure.conflict("Order \(order.number) is \(status.rawValue): it has no confirmation to send.")
        }
        let row = try Outbox.row(OrderConfirmation(orderId: orderID, eventId: order.eventID, asItStands: true))
        try await store.transaction { db in try await Outbox.enqueue([row], now: now, on: db) }
        return ResendDTO(message: "The confirmation of order \(order.number) is queued again.", emailId: row.id)
    }
}

/// An order of the recipient's, by its ID.
private struct OrderIDRow: Decodable {
    var id: UUID
}

/// A message of the mail outbox, as the mail log shows it.
private struct MailRow: Decodable {
    var id: UUID
    var topic: String
    var state: String
    var attempts: Int
    var lastError: String?
    var createdAt: Date
    var deliveredAt: Date?
    var failedAt: Date?
    var leaseUntil: Date?
    var payload: String
    var orderId: UUID?
}
