public import Domain
import Foundation
public import HTTPCore
public import HTTPTypes
public import Hummingbird
import Identity
public import WireTypes

/// `/api/holds` and the signed-in reserve and release (`/api/events/tickets/reserve`, `…/release`).
public struct SalesRoutes: Sendable {
    let holds: HoldService
    let clientAddress: ClientAddress
    let clock: AppClock

    public init(holds: HoldService, clientAddress: ClientAddress, clock: AppClock) {
        self.holds = holds
        self.clientAddress = clientAddress
        self.clock = clock
    }

    public func register(on router: some RouterMethods<AppRequestContext>) {
        let users = router.group(context: UserRequestContext.self)
        router.post("/api/holds") { request, context in
            let body = try await request.decode(as: Components.Schemas.HoldRequest.self, context: context)
            // The document requires one of the two names (the live-updates protocol calls ticket types categories).
            let typeID = try WireValue.uuid(body.ticketTypeId ?? body.categoryId ?? "", field: "ticketTypeId")
            let (owner, newCartToken) = Self.owner(request, context, creating: true)
            var (hold, _) = try await holds.hold(
                ticketTypeID: typeID, quantity: body.quantity ?? 1, for: owner!,
                address: clientAddress.metadata(request, context).limitKey, now: clock.now())
            hold.cartToken = newCartToken
            return EditedResponse(status: .created, response: hold)
        }
        router.get("/api/holds/mine") { request, context in
            guard let owner = Self.owner(request, context, creating: false).0 else {
                throw HTTPFailure.unauthorized("Sign in, or send the cart's token as X-Cart-Token.")
            }
            return Components.Schemas.HoldList(holds: try await holds.mine(owner, now: clock.now()))
        }
        router.delete("/api/holds/:holdId") { request, context in
            guard let owner = Self.owner(request, context, creating: false).0 else {
                throw HTTPFailure.unauthorized("Sign in, or send the cart's token as X-Cart-Token.")
            }
            try await holds.release(try context.pathUUID("holdId"), for: owner, now: clock.now())
            return HTTPResponse.Status.noContent
        }
        users.post("/api/events/tickets/reserve") { request, context in
            let user = context.user
            let body = try await request.decode(as: Components.Schemas.ReserveRequest.self, context: context)
            let typeID = try WireValue.uuid(body.ticketTypeId ?? body.categoryId ?? "", field: "categoryId")
            let (hold, remaining) = try await holds.hold(
                ticketTypeID: typeID, quantity: body.quantity,
                eventID: try body.eventId.map { try WireValue.uuid($0, field: "eventId") },
                for: .user(user.id), address: clientAddress.metadata(request, context).limitKey, now: clock.now())
            return Components.Schemas.ReserveResponse(
                lockId: hold.holdId, availableSeats: remaining, success: true, holdId: hold.holdId,
                expiresAt: hold.expiresAt,
                message: "Reserved \(hold.quantity) until \(ISO8601Instant.string(hold.expiresAt)).")
        }
        users.post("/api/events/tickets/release") { request, context in
            let user = context.user
            let body = try await request.decode(as: Components.Schemas.ReleaseRequest.self, context: context)
            let id = try WireValue.uuid(body.holdId ?? body.lockId ?? "", field: "holdId")
            try await holds.release(id, for: .user(user.id), now: clock.now())
            return Components.Schemas.ReleaseResponse(message: "Released.", success: true)
        }
    }

    /// The signed-in user, else the cart of `X-Cart-Token`, else (when creating) a new cart and its token.
    static func owner(_ request: Request, _ context: AppRequestContext, creating: Bool) -> (HoldOwner?, String?) {
        if case .user(let user) = context.identity { return (.user(user.id), nil) }
        if let token = request.headers[.cartToken], !token.isEmpty {
            return (.cart(tokenHash: OpaqueToken.hash(token)), nil)
        }
        guard creating else { return (nil, nil) }
        let token = OpaqueToken.generate()
        return (.cart(tokenHash: OpaqueToken.hash(token)), token)
    }
}

extension HTTPField.Name {
    public static var cartToken: Self { .init("X-Cart-Token")! }
}
