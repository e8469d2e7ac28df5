public import Domain
import FluentKit
public import Foundation
public import HTTPCore
import HTTPTypes
public import Hummingbird
import Identity
import NIOCore
public import Persistence
import QRCode
public import Tickets
import WireTypes

/// The door's services, built once by the composition root.
public struct AdmissionServices: Sendable {
    let passes: TicketPassService
    let checkIn: CheckInService
    let management: DoorManagementService
    let kiosks: KioskService
    let reports: DoorReports
    let store: DatabaseStore

    /// Each valid ticket of an order as the PNG of the QR code the kiosk reads, for the order's confirmation mail.
    public func ticketImages(ofOrder orderID: UUID, now: Date) async throws -> [(ticketID: UUID, png: [UInt8])] {
        try await passes.codes(ofOrder: orderID, now: now).map {
            ($0.ticketID, try QRCode(text: $0.qrText).png(scale: 6))
        }
    }

    public init(store: DatabaseStore, ticketKeys: TicketKeys) {
        let checkIn = CheckInService(store: store)
        self.passes = TicketPassService(store: store, keys: ticketKeys)
        self.checkIn = checkIn
        self.management = DoorManagementService(store: store, signingKeys: EventSigningKeys(keys: ticketKeys))
        self.kiosks = KioskService(store: store, checkIn: checkIn)
        self.reports = DoorReports(store: store, management: management)
        self.store = store
    }
}

/// Tickets at the door: the holder's QR code and reissue, check-in by scan, by hand and offline, kiosks and their
/// tokens, door settings and door numbers.
public struct AdmissionRoutes: Sendable {
    let passes: TicketPassService
    let checkIn: CheckInService
    let management: DoorManagementService
    let kiosks: KioskService
    let reports: DoorReports
    let store: DatabaseStore
    let clientAddress: ClientAddress
    let clock: AppClock

    public init(services: AdmissionServices, clientAddress: ClientAddress, clock: AppClock) {
        self.passes = services.passes
        self.checkIn = services.checkIn
        self.management = services.management
        self.kiosks = services.kiosks
        self.reports = services.reports
        self.store = services.store
        self.clientAddress = clientAddress
        self.clock = clock
    }

    /// - Parameters:
    ///   - people: the public and signed-in surface (people's tokens).
    ///   - door: where people and kiosks both scan (either token).
    ///   - kiosks: the kiosks' own surface (kiosk tokens only).
    public func register(
        people: some RouterMethods<AppRequestContext>, door: some RouterMethods<AppRequestContext>,
        kiosks: some RouterMethods<AppRequestContext>
    ) {
        registerHolderRoutes(on: people)
        registerCheckInRoutes(on: door)
        registerManagementRoutes(on: people)
        registerKioskRoutes(on: kiosks.group(context: KioskRequestContext.self))
    }

    private func registerHolderRoutes(on router: some RouterMethods<AppRequestContext>) {
        router.get("/api/tickets/:ticketId/pass") { request, context in
            try await passes.pass(context.pathUUID("ticketId"), holder: try holder(request, context), now: clock.now())
        }
        router.get("/api/tickets/:ticketId/qr.svg") { request, context in
            let pass = try await passes.pass(
                context.pathUUID("ticketId"), holder: try holder(request, context), now: clock.now())
            return image(Array(try QRCode(text: pass.qrText).svg().utf8), type: "image/svg+xml")
        }
        router.get("/api/tickets/:ticketId/qr.png") { request, context in
            let pass = try await passes.pass(
                context.pathUUID("ticketId"), holder: try holder(request, context), now: clock.now())
            return image(try QRCode(text: pass.qrText).png(), type: "image/png")
        }
        router.post("/api/tickets/:ticketId/reissue") { request, context in
            try await passes.reissue(
                context.pathUUID("ticketId"), holder: try holder(request, context), now: clock.now(),
                meta: clientAddress.metadata(request, context))
        }
    }

    private func registerCheckInRoutes(on router: some RouterMethods<AppRequestContext>) {
        let door = router.group(context: DoorRequestContext.self)
        let users = router.group(context: UserRequestContext.self)
        door.post("/api/checkin") { request, context in
            // The document requires the QR code's text (not blank) and states every length.
            let body = try await request.decode(as: Components.Schemas.ScanRequest.self, context: context)
            let now = clock.now()
            return try await checkIn.admit(
                .init(
                    credential: .text(body.secret), session: body.sessionId, gate: body.gate, nonce: body.nonce,
                    method: "scan",
                    scannedAt: now, expectedEventID: try body.eventId.map { try WireValue.uuid($0, field: "eventId") }),
                by: context.identity, now: now, meta: clientAddress.metadata(request, context))
        }
        door.put("/api/tickets/:ticketId/checkin") { request, context in
            let ticketID = try context.pathUUID("ticketId")
            let body = try await request.decode(as: Components.Schemas.CheckinRequest.self, context: context)
            let now = clock.now()
            return try await checkIn.admit(
                .init(
                    credential: .ticket(ticketID), session: body.sessionId, gate: body.gate, nonce: body.nonce,
                    method: "manual",
                    scannedAt: now, expectedEventID: try body.eventId.map { try WireValue.uuid($0, field: "eventId") }),
                by: context.identity, now: now, meta: clientAddress.metadata(request, context))
        }
        users.delete("/api/checkins/:checkinId") { request, context in
            try await management.undo(
                context.pathUUID("checkinId"), by: context.identity, now: clock.now(),
                meta: clientAddress.metadata(request, context))
            return Response(status: .noContent)
        }
        door.get("/api/events/:eventId/checkins/stats") { _, context in
            try await reports.stats(try context.pathUUID("eventId"), by: context.identity)
        }
        users.get("/api/events/:eventId/checkins/conflicts") { _, context in
            try await reports.conflicts(try context.pathUUID("eventId"), by: context.identity)
        }
    }

    private func registerManagementRoutes(on router: some RouterMethods<AppRequestContext>) {
        let users = router.group(context: UserRequestContext.self)
        users.get("/api/events/:eventId/door-settings") { _, context in
            return try await management.settings(context.pathUUID("eventId"), by: context.identity)
        }
        users.put("/api/events/:eventId/door-settings") { request, context in
            let body = try await request.decode(as: Components.Schemas.DoorSettingsRequest.self, context: context)
            return try await management.update(
                context.pathUUID("eventId"), body, by: context.identity, now: clock.now(),
                meta: clientAddress.metadata(request, context))
        }
        users.post("/api/events/:eventId/kiosk-tokens") { request, context in
            let body = try await request.decode(as: Components.Schemas.KioskTokenRequest.self, context: context)
            let kiosk = try await management.createKiosk(
                context.pathUUID("eventId"), body, by: context.identity, now: clock.now(),
                meta: clientAddress.metadata(request, context))
            return EditedResponse(status: .created, response: kiosk)
        }
        users.get("/api/events/:eventId/kiosk-tokens") { _, context in
            return try await management.kiosks(context.pathUUID("eventId"), by: context.identity, now: clock.now())
        }
        users.delete("/api/events/:eventId/kiosk-tokens/:kioskId") { request, context in
            try await management.revokeKiosk(
                context.pathUUID("eventId"), context.pathUUID("kioskId"), by: context.identity, now: clock.now(),
                meta: clientAddress.metadata(request, context))
            return Response(status: .noContent)
        }
    }

    private func registerKioskRoutes(on router: some RouterMethods<KioskRequestContext>) {
        router.get("/api/kiosk/me") { _, context in
            try await kiosks.me(context.kiosk)
        }
        router.get("/api/kiosk/offline-bundle") { request, context in
            try await kiosks.offlineBundle(
                context.kiosk, now: clock.now(), meta: clientAddress.metadata(request, context))
        }
        router.get("/api/kiosk/attendees") { request, context in
            var query = QueryReader(request, context: context)
            let text = query.string("q") ?? ""
            try query.throwIfAny()
            return try await kiosks.search(
                context.kiosk, query: text, now: clock.now(), meta: clientAddress.metadata(request, context))
        }
        router.post("/api/kiosk/sync") { request, context in
            let kiosk = context.kiosk
            let body = try await request.decode(as: Components.Schemas.SyncRequest.self, context: context)
            return try await kiosks.sync(kiosk, body, now: clock.now(), meta: clientAddress.metadata(request, context))
        }
    }

    // MARK: - Helpers

    /// Who asks for a ticket's pass: the signed-in caller, or a guest by the order's token (the `X-Order-Token` header,
    /// or `?orderToken=` where a link cannot send a header, as an `<img src>` of the QR code).
    private func holder(_ request: Request, _ context: AppRequestContext) throws -> TicketPassService.Holder {
        var query = QueryReader(request, context: context)
        let token = request.headers[.orderToken] ?? query.string("orderToken")
        try query.throwIfAny()
        return .init(principal: context.identity, orderTokenHash: token.map(OpaqueToken.hash))
    }

    private func image(_ bytes: [UInt8], type: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
