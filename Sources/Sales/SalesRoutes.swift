public import Domain
import Foundation
public import HTTPCore
public import HTTPTypes
public import Hummingbird
import Identity

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
            let body = try await request.decode(as: HoldRequest.self, context: context)
            guard let typeID = body.ticketTypeId ?? body.categoryId else {
                throw HTTPFailure.validationFailed(FieldProblems("ticketTypeId", "is required"))
            }
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
            return HoldListDTO(holds: try await holds.mine(owner, now: clock.now()))
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
            let body = try await request.decode(as: HoldRequest.self, context: context)
            var problems = FieldProblems()
            problems.require(body.ticketTypeId ?? body.categoryId != nil, "categoryId", "is required")
            problems.require(body.quantity != nil, "quantity", "is required")
            try problems.throwIfAny()
            let (hold, remaining) = try await holds.hold(
                ticketTypeID: (body.ticketTypeId ?? body.categoryId)!, quantity: body.quantity!, eventID: body.eventId,
                for: .user(user.id), address: clientAddress.metadata(request, context).limitKey, now: clock.now())
            return ReserveResponse(
                success: true, availableSeats: remaining,
                message: "Reserved \(hold.quantity) until \(ISO8601Instant.string(hold.expiresAt)).",
                holdId: hold.holdId, lockId: hold.holdId, expiresAt: hold.expiresAt)
        }
        users.post("/api/events/tickets/release") { request, context in
            let user = context.user
            let body = try await request.decode(as: ReleaseRequest.self, context: context)
            guard let id = body.holdId ?? body.lockId else {
                throw HTTPFailure.validationFailed(FieldProblems("holdId", "is required"))
            }
            try await holds.release(id, for: .user(user.id), now: clock.now())
            return ReleaseResponse(success: true, message: "Released.")
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
