public import Domain
import FluentKit
import Foundation
public import HTTPCore
import HTTPTypes
public import Hummingbird
public import Identity
public import Logging
public import PaymentGateway
public import Persistence
import SQLKit
import Sales

/// The orders feature's services, built once by the composition root: one checkout (and so one purchase batcher) per
/// instance, whatever reads it.
public struct OrdersServices: Sendable {
    let checkout: CheckoutService
    let statuses: OrderStatusService
    let tickets: TicketService
    let refunds: RefundService
    let payments: OrderPaymentsService
    let emails: OrderEmails
    public let queries: OrderQueries
    public let guests: GuestConfirmations
    /// Card payments through the configured processor; the webhooks and the reconciler use the same one.
    public let cardPayments: CardPayments

    public init(
        store: DatabaseStore, settings: SaleSettings, ticketKeys: TicketKeys, gateway: any PaymentGateway,
        logger: Logger
    ) {
        self.cardPayments = CardPayments(store: store, gateway: gateway, ticketKeys: ticketKeys, logger: logger)
        self.checkout = CheckoutService(
            store: store, settings: settings, ticketKeys: ticketKeys, cardPayments: cardPayments, logger: logger)
        self.statuses = OrderStatusService(store: store)
        self.tickets = TicketService(store: store)
        self.refunds = RefundService(store: store)
        self.queries = OrderQueries(store: store, tickets: tickets)
        self.payments = OrderPaymentsService(store: store, queries: queries, cardPayments: cardPayments)
        self.emails = OrderEmails(store: store, queries: queries)
        self.guests = GuestConfirmations(store: store, paymentWindow: settings.paymentWindow)
    }
}

/// Checkout and orders: seed 002's purchase, seed 003/004's orders, reading and changing orders, and the
/// registrations of a session.
public struct OrdersRoutes: Sendable {
    let checkout: CheckoutService
    let statuses: OrderStatusService
    let tickets: TicketService
    let refunds: RefundService
    let payments: OrderPaymentsService
    let emails: OrderEmails
    let queries: OrderQueries
    let clientAddress: ClientAddress
    let clock: AppClock

    public init(services: OrdersServices, clientAddress: ClientAddress, clock: AppClock) {
        self.checkout = services.checkout
        self.statuses = services.statuses
        self.tickets = services.tickets
        self.refunds = services.refunds
        self.payments = services.payments
        self.emails = services.emails
        self.queries = services.queries
        self.clientAddress = clientAddress
        self.clock = clock
    }

    public func register(on router: some RouterMethods<AppRequestContext>) {
        let users = router.group(context: UserRequestContext.self)
        router.post("/api/events/:eventId/tickets/purchase") { request, context in
            let eventID = try context.pathUUID("eventId")
            return try await create(request, context, eventID: eventID, requireHold: false)
        }
        router.post("/api/orders") { request, context in
            try await create(request, context, eventID: nil, requireHold: false)
        }
        router.post("/api/orders/with-lock") { request, context in
            try await create(request, context, eventID: nil, requireHold: true)
        }
        users.get("/api/orders") { _, context in
            try await queries.mine(context.user, now: clock.now())
        }
        users.get("/api/orders/all") { request, context in
            try await queries.all(try OrderPage(request), by: context.identity, now: clock.now())
        }
        users.get("/api/orders/event/:eventId") { request, context in
            try await queries.ofEvent(
                try context.pathUUID("eventId"), try OrderPage(request), by: context.identity, now: clock.now())
        }
        router.get("/api/orders/:orderId") { request, context in
            try await queries.order(
                try context.parameters.require("orderId"), viewer: viewer(request, context),
                email: request.uri.queryParameters.get("email"), now: clock.now())
        }
        users.get("/api/users/:userId/tickets") { _, context in
            try await queries.tickets(of: try context.pathUUID("userId"), by: context.user, now: clock.now())
        }
        router.put("/api/tickets/:ticketId/cancel") { request, context in
            try await tickets.cancel(context.pathUUID("ticketId"), viewer: viewer(request, context), now: clock.now())
        }
        router.post("/api/orders/:orderId/cancel") { request, context in
            try await statuses.cancelOwn(
                context.pathUUID("orderId"), viewer: viewer(request, context), now: clock.now(),
                meta: clientAddress.metadata(request, context))
        }
        users.put("/api/admin/orders/:orderId/status") { request, context in
            let id = try context.pathUUID("orderId")
            let body = try await request.decode(as: StatusChangeRequest.self, context: context)
            return try await statuses.set(
                id, to: body.status, reason: body.reason, by: context.identity, now: clock.now(),
                meta: clientAddress.metadata(request, context))
        }
        router.get("/api/orders/:orderId/payments") { request, context in
            try await payments.payments(
                of: context.pathUUID("orderId"), viewer: viewer(request, context), now: clock.now())
        }
        router.post("/api/orders/:orderId/payments") { request, context in
            let id = try context.pathUUID("orderId")
            let body = try await request.decode(as: PayOrderRequest.self, context: context)
            return EditedResponse(
                status: .created,
                response: try await payments.pay(id, body, viewer: viewer(request, context), now: clock.now()))
        }
        users.post("/api/orders/:orderId/refunds") { request, context in
            let id = try context.pathUUID("orderId")
            let body = try await request.decode(as: RefundOrderRequest.self, context: context)
            return EditedResponse(
                status: .created,
                response: try await refunds.refund(
                    id, body, by: context.identity, now: clock.now(), meta: clientAddress.metadata(request, context)))
        }
        router.put("/api/tickets/:ticketId/attendee") { request, context in
            let id = try context.pathUUID("ticketId")
            let body = try await request.decode(as: AttendeeRequest.self, context: context)
            return try await payments.nameAttendee(
                id, body, viewer: viewer(request, context), now: clock.now(),
                meta: clientAddress.metadata(request, context))
        }
        users.get("/api/admin/emails") { request, context in
            try await emails.list(try OrderEmails.Filter(request), by: context.identity, now: clock.now())
        }
        users.post("/api/admin/orders/:orderId/resend-email") { _, context in
            EditedResponse(
                status: .accepted,
                response: try await emails.resend(
                    try context.pathUUID("orderId"), by: context.identity, now: clock.now()))
        }
        users.get("/api/sessions/:sessionId/registrations") { _, context in
            try await queries.registrations(try context.pathUUID("sessionId"), by: context.identity, now: clock.now())
        }
    }

    private func create(_ request: Request, _ context: AppRequestContext, eventID: UUID?, requireHold: Bool)
        async throws
        -> EditedResponse<OrderDTO>
    {
        // The raw body is kept for the idempotency check: a retry must send the same bytes.
        let raw = try await request.body.collect(upTo: context.maxUploadSize)
        var replayable = request
        replayable.body = .init(buffer: raw)
        let body = try await replayable.decode(as: CheckoutRequest.self, context: context)
        if requireHold, body.holdId ?? body.lockId == nil {
            throw HTTPFailure.validationFailed(FieldProblems("lockId", "is required"))
        }
        let cart = request.headers[.cartToken].map(OpaqueToken.hash)
        let (order, created) = try await checkout.checkout(
            body, pathEventID: eventID, by: context.identity, cartTokenHash: cart,
            address: clientAddress.metadata(request, context).limitKey,
            idempotency: (request.headers[.idempotencyKey], Data(raw.readableBytesView)), now: clock.now())
        return EditedResponse(status: created ? .created : .ok, response: order)
    }

    private func viewer(_ request: Request, _ context: AppRequestContext) -> OrderViewer {
        OrderViewer(principal: context.identity, accessTokenHash: request.headers[.orderToken].map(OpaqueToken.hash))
    }

}
