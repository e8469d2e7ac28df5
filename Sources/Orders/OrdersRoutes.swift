public import Domain
import FluentKit
import Foundation
public import HTTPCore
import HTTPTypes
public import Hummingbird
public import Identity
import Inventory
public import Logging
public import Persistence
import SQLKit

/// The orders feature's services, built once by the composition root: one checkout (and so one purchase batcher) per
/// instance, whatever reads it.
public struct OrdersServices: Sendable {
    let checkout: CheckoutService
    let statuses: OrderStatusService
    let tickets: TicketService
    let store: DatabaseStore

    /// - Parameter paymentWindow: how long an offline order keeps its places while the buyer pays.
    public init(store: DatabaseStore, paymentWindow: Duration, ticketKeys: TicketKeys, logger: Logger) {
        self.checkout = CheckoutService(
            store: store, paymentWindow: paymentWindow, ticketKeys: ticketKeys, logger: logger)
        self.statuses = OrderStatusService(store: store)
        self.tickets = TicketService(store: store)
        self.store = store
    }
}

/// Checkout and orders: seed 002's purchase, seed 003/004's orders, reading and changing orders, and the
/// registrations of a session.
public struct OrdersRoutes: Sendable {
    let checkout: CheckoutService
    let statuses: OrderStatusService
    let tickets: TicketService
    let store: DatabaseStore
    let clientAddress: ClientAddress
    let clock: AppClock
    let authorizer = Authorizer()

    public init(services: OrdersServices, clientAddress: ClientAddress, clock: AppClock) {
        self.checkout = services.checkout
        self.statuses = services.statuses
        self.tickets = services.tickets
        self.store = services.store
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
            let user = context.user
            let orders = try await OrderRecord.query(on: store.database()).filter(\.$userID == user.id).sort(
                \.$createdAt, .descending
            ).all()
            return OrderListDTO(orders: try await OrderReads.dtos(orders, now: clock.now(), on: store.database()))
        }
        users.get("/api/orders/all") { request, context in
            try await authorizer.require(
                .platformOrdersRead, on: .platform, by: context.identity, database: store.database())
            return try await page(OrderRecord.query(on: store.database()), request)
        }
        users.get("/api/orders/event/:eventId") { request, context in
            let eventID = try context.pathUUID("eventId")
            let db = store.database()
            guard let event = try await EventRecord.find(eventID, on: db) else { throw OrdersError.orderNotFound }
            try await authorizer.require(
                .eventManage, on: .event(organizationID: event.organizationID, eventID: eventID),
                by: context.identity, database: db)
            return try await page(OrderRecord.query(on: db).filter(\.$eventID == eventID), request)
        }
        router.get("/api/orders/:orderId") { request, context in
            let db = store.database()
            let raw = try context.parameters.require("orderId")
            let order: OrderRecord
            if let id = UUID(uuidString: raw) {
                guard let found = try await OrderRecord.find(id, on: db) else { throw OrdersError.orderNotFound }
                order = found
                if !viewer(request, context).owns(order) { try await requireManager(of: order, context.identity, db) }
            } else {
                // Seed 004's lookup by number: only with the buyer's email or the order's token, so numbers cannot be tried.
                guard let found = try await OrderRecord.query(on: db).filter(\.$number == raw.uppercased()).first()
                else {
                    throw OrdersError.orderNotFound
                }
                let email = request.uri.queryParameters.get("email").flatMap(EmailAddress.init)?.value
                guard email == found.buyerEmail || viewer(request, context).owns(found) else {
                    throw OrdersError.orderNotFound
                }
                order = found
            }
            return try await OrderReads.order(order.id!, now: clock.now(), on: db)
        }
        users.get("/api/users/:userId/tickets") { _, context in
            let caller = context.user
            let userID = try context.pathUUID("userId")
            if userID != caller.id {
                try await authorizer.require(
                    .platformOrdersRead, on: .platform, by: context.identity, database: store.database())
            }
            return try await tickets.tickets(of: userID, now: clock.now())
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
        users.get("/api/sessions/:sessionId/registrations") { _, context in
            return try await registrations(try context.pathUUID("sessionId"), principal: context.identity)
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
            idempotency: (request.headers[.idempotencyKey], Data(raw.readableBytesView)), now: clock.now())
        return EditedResponse(status: created ? .created : .ok, response: order)
    }

    /// A page of orders, newest first (`page`, `perPage` up to 100, optional `status`).
    private func page(_ query: QueryBuilder<OrderRecord>, _ request: Request) async throws -> OrderPageDTO {
        var reader = QueryReader(request.uri.queryParameters)
        let pageNumber = reader.integer("page", in: 1...1_000_000, default: 1)
        let perPage = reader.integer("perPage", in: 1...100, default: 50)
        let status = reader.choice("status", as: OrderStatus.self, allowed: "an order status")?.rawValue
        try reader.throwIfAny()
        var query = query
        if let status { query = query.filter(\.$status == status) }
        let total = try await query.copy().count()
        let orders = try await query.sort(\.$createdAt, .descending).sort(\.$id)
            .range(lower: (pageNumber - 1) * perPage, upper: pageNumber * perPage - 1).all()
        return OrderPageDTO(
            orders: try await OrderReads.dtos(orders, now: clock.now(), on: store.database()),
            page: pageNumber, perPage: perPage, total: total)
    }

    private func viewer(_ request: Request, _ context: AppRequestContext) -> OrderViewer {
        OrderViewer(principal: context.identity, accessTokenHash: request.headers[.orderToken].map(OpaqueToken.hash))
    }

    private func requireManager(of order: OrderRecord, _ principal: Principal, _ db: any Database) async throws {
        guard case .user = principal, let event = try await EventRecord.find(order.eventID, on: db) else {
            throw OrdersError.orderNotFound
        }
        do {
            try await authorizer.require(
                .eventManage, on: .event(organizationID: event.organizationID, eventID: event.id!),
                by: principal, database: db)
        } catch {
            // To anyone else the order does not exist: numbers and IDs reveal nothing.
            throw OrdersError.orderNotFound
        }
    }

    /// Everyone registered for a session: the tickets, paid or awaiting payment, whose ticket type includes it.
    private func registrations(_ sessionID: UUID, principal: Principal) async throws -> RegistrationListDTO {
        let db = store.database()
        guard let session = try await SessionRecord.find(sessionID, on: db),
            let event = try await EventRecord.find(session.eventID, on: db)
        else { throw OrdersError.sessionNotFound }
        try await authorizer.require(
            .eventManage, on: .event(organizationID: event.organizationID, eventID: event.id!),
            by: principal, database: db)
        let rows = try await (db as! any SQLDatabase).raw(
            """
            SELECT t.id, t.ticket_type_id, t.status, t.attendee_name, t.attendee_email, t.dietary_restrictions, t.emergency_contact,
                   o.number, o.status AS order_status, o.payment_deadline, tt.name AS type_name
            FROM tickets t
            JOIN ticket_type_sessions tts ON tts.ticket_type_id = t.ticket_type_id
            JOIN orders o ON o.id = t.order_id
            JOIN ticket_types tt ON tt.id = t.ticket_type_id
            WHERE tts.session_id = \(bind: sessionID) AND t.status IN ('valid', 'pending')
            ORDER BY t.attendee_name, t.id
            """
        ).all()
        let now = clock.now()
        var registrations: [RegistrationDTO] = []
        for row in rows {
            let orderStatus = OrderStatus(rawValue: try row.decode(column: "order_status", as: String.self)) ?? .pending
            if orderStatus.effective(paymentDeadline: try row.optional("payment_deadline", Date.self), now: now)
                == .expired
            {
                continue
            }
            registrations.append(
                RegistrationDTO(
                    ticketId: try row.decode(column: "id", as: UUID.self),
                    orderNumber: try row.decode(column: "number", as: String.self),
                    ticketTypeId: try row.decode(column: "ticket_type_id", as: UUID.self),
                    ticketTypeName: try row.decode(column: "type_name", as: String.self),
                    status: try row.decode(column: "status", as: String.self),
                    attendeeName: try row.decode(column: "attendee_name", as: String.self),
                    attendeeEmail: try row.decode(column: "attendee_email", as: String.self),
                    dietaryRestrictions: try row.optional("dietary_restrictions", String.self),
                    emergencyContact: try row.optional("emergency_contact", String.self)))
        }
        return RegistrationListDTO(sessionId: "S\(session.number)", eventId: event.id!, registrations: registrations)
    }
}
