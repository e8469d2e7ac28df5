package import Domain
package import FluentKit
import Foundation
package import Persistence

/// Orders as the API shows them.
package enum OrderReads {
    package static func order(_ id: UUID, now: Date, on db: any Database) async throws -> OrderDTO {
        guard let order = try await OrderRecord.find(id, on: db) else { throw OrdersError.orderNotFound }
        return try await dtos([order], now: now, on: db)[0]
    }

    /// Orders with their items and tickets, in three queries.
    static func dtos(_ orders: [OrderRecord], now: Date, on db: any Database) async throws -> [OrderDTO] {
        guard !orders.isEmpty else { return [] }
        let ids = orders.map { $0.id! }
        let items = Dictionary(
            grouping: try await OrderItemRecord.query(on: db).filter(\.$orderID ~~ ids).all(), by: \.orderID)
        let tickets = Dictionary(
            grouping: try await TicketRecord.query(on: db).filter(\.$orderID ~~ ids).sort(\.$createdAt).all(),
            by: \.orderID)
        return orders.map { order in
            let currency = Currency.stored(order.currency)
            let status = effectiveStatus(order, now: now)
            return OrderDTO(
                orderId: order.id!, orderNumber: order.number, eventId: order.eventID, status: status.rawValue,
                buyerName: order.buyerName, buyerEmail: order.buyerEmail, provider: order.provider,
                total: Money(minorUnits: order.totalMinor, currency: currency).decimal, totalMinor: order.totalMinor,
                currency: currency.code, notes: order.notes, paymentDeadline: order.paymentDeadline,
                items: (items[order.id!] ?? []).map {
                    OrderItemDTO(
                        ticketTypeId: $0.ticketTypeID, quantity: $0.quantity,
                        unitPrice: Money(minorUnits: $0.unitPriceMinor, currency: currency).decimal,
                        unitPriceMinor: $0.unitPriceMinor, memberPrice: $0.memberPrice)
                },
                tickets: (tickets[order.id!] ?? []).map {
                    OrderTicketDTO(
                        ticketId: $0.id!, ticketTypeId: $0.ticketTypeID,
                        status: status == .expired ? OrderStatus.expired.ticketStatus.rawValue : $0.status,
                        attendeeName: $0.attendeeName, attendeeEmail: $0.attendeeEmail,
                        dietaryRestrictions: $0.dietaryRestrictions, emergencyContact: $0.emergencyContact)
                },
                createdAt: order.createdAt, paidAt: order.paidAt, accessToken: nil)
        }
    }

    package static func effectiveStatus(_ order: OrderRecord, now: Date) -> OrderStatus {
        (OrderStatus(rawValue: order.status) ?? .pending).effective(paymentDeadline: order.paymentDeadline, now: now)
    }
}
