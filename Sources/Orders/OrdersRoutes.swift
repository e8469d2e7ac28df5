public import Domain
import FluentKit
import Foundation
public import HTTPCore
import HTTPTypes
public import Hummingbird
import Identity
public import Logging
public import Persistence
import SQLKit
import Sales
public import Tickets
import WireTypes

/// The orders feature's services, built once by the composition root: one checkout (and so one purchase batcher) per
/// instance, whatever reads it.
public struct OrdersServices: Sendable {
    let checkout: CheckoutService
    let statuses: OrderStatusService
    let tickets: TicketService
    let attendees: AttendeeService
    let emails: OrderEmails
    public let queries: OrderQueries
    public let guests: GuestConfirmations

    /// - Parameter payments: the payments feature, as orders use it (card payments, refunds, manual payments).
    public init(
        store: DatabaseStore, settings: SaleSettings, ticketKeys: TicketKeys, payments: any OrderPayments,
        logger: Logger
    ) {
        self.checkout = CheckoutService(
            store: store, settings: settings, ticketKeys: ticketKeys, payments: payments, logger: logger)
        self.statuses = OrderStatusService(store: store, payments: payments)
        self.tickets = TicketService(store: store, payments: payments)
        self.queries = OrderQueries(store: store, tickets: tickets)
        self.attendees = AttendeeService(store: store, queries: queries)
        self.emails = OrderEmails(store: store, queries: queries)
        self.guests = GuestConfirmations(store: store, paymentWindow: settings.paymentWindow)
    }
}

/// Checkout and orders: the three ways to buy (`POST /api/orders`, the event's `tickets/purchase` with attendees, an
/// order from a hold), reading and changing orders, and the registrations of a session. An order's payments and
/// refunds are the payments feature's (`PaymentsRoutes`).
public struct OrdersRoutes: Sendable {
    let checkout: CheckoutService
    let statuses: OrderStatusService
    let tickets: TicketService
    let attendees: AttendeeService
    let emails: OrderEmails
    let queries: OrderQueries
    let clientAddress: ClientAddress
    let clock: AppClock

    public init(services: OrdersServices, clientAddress: ClientAddress, clock: AppClock) {
        self.checkout = services.checkout
        self.statuses = services.statuses
        self.tickets = services.tickets
        self.attendees = services.attendees
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
            try await queries.all(
                try OrderPage(QueryReader(request, context: context)), by: context.identity, now: clock.now())
        }
        users.get("/api/orders/event/:eventId") { request, context in
            try await queries.ofEvent(
                try context.pathUUID("eventId"), try OrderPage(QueryReader(request, context: context)),
                by: context.identity, now: clock.now())
        }
        router.get("/api/orders/:orderId") { request, context in
            var query = QueryReader(request, context: context)
            let email = query.string("email")
            try query.throwIfAny()
            return try await queries.order(
                try context.pathString("orderId"), viewer: viewer(request, context), email: email, now: clock.now())
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
            let body = try await request.decode(as: Components.Schemas.StatusChangeRequest.self, context: context)
            return try await statuses.set(
                id, to: body.status.rawValue, reason: body.reason, by: context.identity, now: clock.now(),
                meta: clientAddress.metadata(request, context))
        }
        router.put("/api/tickets/:ticketId/attendee") { request, context in
            let id = try context.pathUUID("ticketId")
            let body = try await request.decode(as: Components.Schemas.AttendeeRequest.self, context: context)
            return try await attendees.nameAttendee(
                id, body, viewer: viewer(request, context), now: clock.now(),
                meta: clientAddress.metadata(request, context))
        }
        users.get("/api/admin/emails") { request, context in
            try await emails.list(
                try OrderEmails.Filter(QueryReader(request, context: context)), by: context.identity, now: clock.now())
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
        // Each route's body is checked against its own operation's schema (the with-lock order's requires its hold,
        // holdId or lockId; the others' a ticket type and quantity or a hold); the two schemas have the same fields,
        // so one generated type reads both.
        let body = try CheckoutOrder(
            try await replayable.decode(as: Components.Schemas.CheckoutRequest.self, context: context))
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
