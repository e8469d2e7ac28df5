public import Domain
import Foundation
public import HTTPCore
public import Hummingbird
import Identity
public import Logging
public import Orders
public import PaymentGateway
public import Persistence
public import Tickets
import WireTypes

/// The payments feature's services, built once by the composition root: one `CardPayments` (and so one batch of the
/// processor's words) per instance, whoever brings a word: the checkout, the webhooks, the reconciler.
public struct PaymentsServices: Sendable {
    let store: DatabaseStore
    /// Card payments through the configured processor; the webhooks and the reconciler use the same one.
    public let cardPayments: CardPayments
    let refunds: RefundService
    public let webhooks: PaymentWebhooks
    /// What orders ask of the payments; the orders feature is built with it.
    public var forOrders: PaymentsForOrders { PaymentsForOrders(cardPayments: cardPayments) }

    public init(store: DatabaseStore, gateway: any PaymentGateway, ticketKeys: TicketKeys, logger: Logger) {
        self.store = store
        self.cardPayments = CardPayments(store: store, gateway: gateway, ticketKeys: ticketKeys, logger: logger)
        self.refunds = RefundService(store: store)
        self.webhooks = PaymentWebhooks(payments: cardPayments, store: store)
    }
}

/// An order's payments and refunds: `GET` and `POST /api/orders/{orderId}/payments` (its buyer, or the event's
/// managers, read them; the buyer starts a card payment), and an organizer's refund,
/// `POST /api/orders/{orderId}/refunds`. The processor's webhooks are `PaymentWebhookRoutes`.
public struct PaymentsRoutes: Sendable {
    let payments: OrderPaymentsService
    let refunds: RefundService
    let clientAddress: ClientAddress
    let clock: AppClock

    /// - Parameter orders: the orders feature's services, whose queries decide who may see an order's payments.
    public init(services: PaymentsServices, orders: OrdersServices, clientAddress: ClientAddress, clock: AppClock) {
        self.payments = OrderPaymentsService(
            store: services.store, queries: orders.queries, cardPayments: services.cardPayments)
        self.refunds = services.refunds
        self.clientAddress = clientAddress
        self.clock = clock
    }

    public func register(on router: some RouterMethods<AppRequestContext>) {
        let users = router.group(context: UserRequestContext.self)
        router.get("/api/orders/:orderId/payments") { request, context in
            try await payments.payments(
                of: context.pathUUID("orderId"), viewer: viewer(request, context), now: clock.now())
        }
        router.post("/api/orders/:orderId/payments") { request, context in
            let id = try context.pathUUID("orderId")
            let body = try await request.decode(as: Components.Schemas.PayOrderRequest.self, context: context)
            return EditedResponse(
                status: .created,
                response: try await payments.pay(id, body, viewer: viewer(request, context), now: clock.now()))
        }
        users.post("/api/orders/:orderId/refunds") { request, context in
            let id = try context.pathUUID("orderId")
            let body = try await request.decode(as: Components.Schemas.RefundOrderRequest.self, context: context)
            return EditedResponse(
                status: .created,
                response: try await refunds.refund(
                    id, body, by: context.identity, now: clock.now(), meta: clientAddress.metadata(request, context)))
        }
    }

    private func viewer(_ request: Request, _ context: AppRequestContext) -> OrderViewer {
        OrderViewer(principal: context.identity, accessTokenHash: request.headers[.orderToken].map(OpaqueToken.hash))
    }
}
