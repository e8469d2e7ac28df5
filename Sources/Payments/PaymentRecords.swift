import Domain
import FluentKit
public import Foundation
import HTTPCore
public import Hummingbird
public import Orders
import Persistence
import SQLKit

public struct RefundDTO: Codable, Sendable, Equatable {
    public var refundId: UUID
    public var orderId: UUID
    public var paymentId: UUID?
    public var amount: Decimal
    public var amountMinor: Int
    public var currency: String
    public var reason: String
    /// `pending` (asked of the processor), `succeeded`, `failed`, or `manual` (to be paid back outside BoxOffice).
    public var status: String
    public var failureReason: String?
    public var createdAt: Date
    public var updatedAt: Date
}

public struct OrderPaymentsDTO: Codable, Sendable, Equatable, ResponseEncodable {
    public var orderId: UUID
    public var currency: String
    /// Paid in by the payments that succeeded.
    public var paidMinor: Int
    /// Refunded or being refunded.
    public var refundedMinor: Int
    /// What an organizer may still refund.
    public var refundableMinor: Int
    public var payments: [PaymentDTO]
    public var refunds: [RefundDTO]
}

public struct RefundListDTO: Codable, Sendable, Equatable, ResponseEncodable {
    public var refunds: [RefundDTO]
}

/// A payment row as BoxOffice keeps it.
struct PaymentRow: Sendable, Decodable {
    var id: UUID
    var orderID: UUID
    var provider: String
    var method: String
    var providerRef: String?
    var amountMinor: Int
    var currency: String
    var status: PaymentStatus
    var clientSecret: String?
    var failureReason: String?
    var refundedMinor: Int
    var createdAt: Date
    var updatedAt: Date
    var succeededAt: Date?

    static let columns = """
        id, order_id, provider, method, provider_ref, amount_minor, currency, status, client_secret, failure_reason,
        refunded_minor, created_at, updated_at, succeeded_at
        """

    /// The columns, named as row types name them (`orderId` reads `order_id`).
    private enum CodingKeys: String, CodingKey {
        case id
        case orderID = "orderId"
        case provider, method, providerRef, amountMinor, currency, status, clientSecret, failureReason, refundedMinor
        case createdAt, updatedAt, succeededAt
    }

    /// A row as stored; a status BoxOffice does not know reads as pending.
    init(from decoder: any Decoder) throws {
        let row = try decoder.container(keyedBy: CodingKeys.self)
        id = try row.decode(UUID.self, forKey: .id)
        orderID = try row.decode(UUID.self, forKey: .orderID)
        provider = try row.decode(String.self, forKey: .provider)
        method = try row.decode(String.self, forKey: .method)
        providerRef = try row.decodeIfPresent(String.self, forKey: .providerRef)
        amountMinor = try row.decode(Int.self, forKey: .amountMinor)
        currency = try row.decode(String.self, forKey: .currency)
        status = PaymentStatus(rawValue: try row.decode(String.self, forKey: .status)) ?? .pending
        clientSecret = try row.decodeIfPresent(String.self, forKey: .clientSecret)
        failureReason = try row.decodeIfPresent(String.self, forKey: .failureReason)
        refundedMinor = try row.decode(Int.self, forKey: .refundedMinor)
        createdAt = try row.decode(Date.self, forKey: .createdAt)
        updatedAt = try row.decode(Date.self, forKey: .updatedAt)
        succeededAt = try row.decodeIfPresent(Date.self, forKey: .succeededAt)
    }

    static func find(_ id: UUID, on sql: any SQLDatabase) async throws -> PaymentRow? {
        try await sql.raw("SELECT \(unsafeRaw: columns) FROM payments WHERE id = \(bind: id)")
            .first(row: PaymentRow.self)
    }

    static func find(provider: String, reference: String, on sql: any SQLDatabase) async throws -> PaymentRow? {
        try await sql.raw(
            """
            SELECT \(unsafeRaw: columns) FROM payments WHERE provider = \(bind: provider) AND provider_ref = \(bind: reference)
            """
        ).first(row: PaymentRow.self)
    }

    /// What the succeeded payments of an order still allow refunding.
    static func refundable(_ payments: [PaymentRow]) -> Int {
        payments.filter { $0.status == .succeeded }.reduce(0) { $0 + $1.amountMinor - $1.refundedMinor }
    }

    static func of(order orderID: UUID, on sql: any SQLDatabase) async throws -> [PaymentRow] {
        try await sql.raw(
            """
            SELECT \(unsafeRaw: columns) FROM payments WHERE order_id = \(bind: orderID) ORDER BY created_at, id
            """
        ).all(rows: PaymentRow.self)
    }

    /// Writes a new payment in the caller's transaction.
    static func insert(
        id: UUID, orderID: UUID, provider: String, method: String, amountMinor: Int, currency: String,
        status: PaymentStatus, now: Date, on sql: any SQLDatabase
    ) async throws {
        try await sql.raw(
            """
            INSERT INTO payments (id, order_id, provider, method, amount_minor, currency, status, refunded_minor, created_at,
              updated_at, succeeded_at)
            VALUES (\(bind: id), \(bind: orderID), \(bind: provider), \(bind: method), \(bind: amountMinor), \(bind: currency),
              \(bind: status.rawValue), 0, \(bind: now), \(bind: now), \(bind: status == .succeeded ? now : nil as Date?))
            """
        ).run()
    }

    func dto(showSecret: Bool, nextAction: String? = nil) -> PaymentDTO {
        let currency = Currency.stored(currency)
        return PaymentDTO(
            paymentId: id, orderId: orderID, provider: provider, method: method, status: status.rawValue,
            amount: Money(minorUnits: amountMinor, currency: currency).decimal, amountMinor: amountMinor,
            refundedMinor: refundedMinor, currency: currency.code, providerReference: providerRef,
            clientSecret: showSecret && !status.isFinal ? clientSecret : nil,
            nextAction: nextAction.flatMap { try? JSONCoding.decoder.decode(JSONValue.self, from: Data($0.utf8)) },
            failureReason: failureReason, createdAt: createdAt, updatedAt: updatedAt, succeededAt: succeededAt)
    }
}

/// A refund row as BoxOffice keeps it.
struct RefundRow: Sendable, Decodable {
    var id: UUID
    var orderID: UUID
    var paymentID: UUID?
    var amountMinor: Int
    var currency: String
    var reason: String
    var status: RefundStatus
    var providerRef: String?
    var failureReason: String?
    var createdAt: Date
    var updatedAt: Date

    static let columns = """
        id, order_id, payment_id, amount_minor, currency, reason, status, provider_ref, failure_reason, created_at, updated_at
        """

    /// The columns, named as row types name them (`orderId` reads `order_id`).
    private enum CodingKeys: String, CodingKey {
        case id
        case orderID = "orderId"
        case paymentID = "paymentId"
        case amountMinor, currency, reason, status, providerRef, failureReason, createdAt, updatedAt
    }

    /// A row as stored; a status BoxOffice does not know reads as pending.
    init(from decoder: any Decoder) throws {
        let row = try decoder.container(keyedBy: CodingKeys.self)
        id = try row.decode(UUID.self, forKey: .id)
        orderID = try row.decode(UUID.self, forKey: .orderID)
        paymentID = try row.decodeIfPresent(UUID.self, forKey: .paymentID)
        amountMinor = try row.decode(Int.self, forKey: .amountMinor)
        currency = try row.decode(String.self, forKey: .currency)
        reason = try row.decode(String.self, forKey: .reason)
        status = RefundStatus(rawValue: try row.decode(String.self, forKey: .status)) ?? .pending
        providerRef = try row.decodeIfPresent(String.self, forKey: .providerRef)
        failureReason = try row.decodeIfPresent(String.self, forKey: .failureReason)
        createdAt = try row.decode(Date.self, forKey: .createdAt)
        updatedAt = try row.decode(Date.self, forKey: .updatedAt)
    }

    static func find(_ id: UUID, on sql: any SQLDatabase) async throws -> RefundRow? {
        try await sql.raw("SELECT \(unsafeRaw: columns) FROM refunds WHERE id = \(bind: id)")
            .first(row: RefundRow.self)
    }

    /// The refund the processor knows by `reference` (its `re_…`).
    static func find(reference: String, on sql: any SQLDatabase) async throws -> RefundRow? {
        try await sql.raw(
            "SELECT \(unsafeRaw: columns) FROM refunds WHERE provider_ref = \(bind: reference)"
        ).first(row: RefundRow.self)
    }

    static func of(order orderID: UUID, on sql: any SQLDatabase) async throws -> [RefundRow] {
        try await sql.raw(
            "SELECT \(unsafeRaw: columns) FROM refunds WHERE order_id = \(bind: orderID) ORDER BY created_at, id"
        ).all(rows: RefundRow.self)
    }

    var dto: RefundDTO {
        let currency = Currency.stored(currency)
        return RefundDTO(
            refundId: id, orderId: orderID, paymentId: paymentID,
            amount: Money(minorUnits: amountMinor, currency: currency).decimal, amountMinor: amountMinor,
            currency: currency.code, reason: reason, status: status.rawValue, failureReason: failureReason,
            createdAt: createdAt, updatedAt: updatedAt)
    }
}

/// A ticket type an order's items or tickets name, for locking its seats.
struct TicketTypeIDRow: Decodable {
    var ticketTypeId: UUID
}
