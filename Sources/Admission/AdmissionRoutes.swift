public import Domain
import FluentKit
import Foundation
public import HTTPCore
import HTTPTypes
public import Hummingbird
public import Identity
import NIOCore
public import Persistence
import QRCode

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

    /// The paths a kiosk token may use; the authentication middleware refuses it (403) everywhere else.
    public static let kioskPaths = [
        "/api/checkin", "/api/tickets/:ticketId/checkin", "/api/kiosk/me", "/api/kiosk/offline-bundle",
        "/api/kiosk/attendees",
        "/api/kiosk/sync", "/api/events/:eventId/checkins/stats",
    ]

    public init(store: DatabaseStore, ticketKeys: TicketKeys, clientAddress: ClientAddress, clock: AppClock) {
        let checkIn = CheckInService(store: store)
        self.passes = TicketPassService(store: store, keys: ticketKeys)
        self.checkIn = checkIn
        self.management = DoorManagementService(store: store, signingKeys: EventSigningKeys(keys: ticketKeys))
        self.kiosks = KioskService(store: store, checkIn: checkIn)
        self.reports = DoorReports(store: store)
        self.store = store
        self.clientAddress = clientAddress
        self.clock = clock
    }

    public func register(on router: some RouterMethods<AppRequestContext>) {
        registerHolderRoutes(on: router)
        registerCheckInRoutes(on: router)
        registerManagementRoutes(on: router)
        registerKioskRoutes(on: router)
    }

    private func registerHolderRoutes(on router: some RouterMethods<AppRequestContext>) {
        router.get("/api/tickets/:ticketId/pass") { request, context in
            try await passes.pass(context.pathUUID("ticketId"), holder: holder(request, context), now: clock.now())
        }
        router.get("/api/tickets/:ticketId/qr.svg") { request, context in
            let pass = try await passes.pass(
                context.pathUUID("ticketId"), holder: holder(request, context), now: clock.now())
            return image(Array(try QRCode(text: pass.qrText).svg().utf8), type: "image/svg+xml")
        }
        router.get("/api/tickets/:ticketId/qr.png") { request, context in
            let pass = try await passes.pass(
                context.pathUUID("ticketId"), holder: holder(request, context), now: clock.now())
            return image(try QRCode(text: pass.qrText).png(), type: "image/png")
        }
        router.post("/api/tickets/:ticketId/reissue") { request, context in
            try await passes.reissue(
                context.pathUUID("ticketId"), holder: holder(request, context), now: clock.now(),
                meta: clientAddress.metadata(request, context))
        }
    }

    private func registerCheckInRoutes(on router: some RouterMethods<AppRequestContext>) {
        router.post("/api/checkin") { request, context in
            try signedInOrKiosk(context)
            let body = try await request.decode(as: CheckinRequest.self, context: context)
            var problems = FieldProblems()
            problems.require(
                !(body.secret ?? "").trimmingCharacters(in: .whitespaces).isEmpty, "secret",
                "is required: the text of the ticket's QR code")
            try validate(body, &problems)
            let now = clock.now()
            return try await checkIn.admit(
                .init(
                    credential: .text(body.secret ?? ""), session: body.sessionId, gate: body.gate, nonce: body.nonce,
                    method: "scan",
                    scannedAt: now, expectedEventID: body.eventId),
                by: context.identity, now: now, meta: clientAddress.metadata(request, context))
        }
        router.put("/api/tickets/:ticketId/checkin") { request, context in
            try signedInOrKiosk(context)
            if case .kiosk(let kiosk) = context.identity, !kiosk.canSearch {
                throw HTTPFailure.forbidden(
                    "This kiosk may only scan; manual check-in needs the scan_search capability.")
            }
            let ticketID = try context.pathUUID("ticketId")
            let body = try await request.decode(as: CheckinRequest.self, context: context)
            var problems = FieldProblems()
            try validate(body, &problems)
            let now = clock.now()
            return try await checkIn.admit(
                .init(
                    credential: .ticket(ticketID), session: body.sessionId, gate: body.gate, nonce: body.nonce,
                    method: "manual",
                    scannedAt: now, expectedEventID: body.eventId),
                by: context.identity, now: now, meta: clientAddress.metadata(request, context))
        }
        router.delete("/api/checkins/:checkinId") { request, context in
            try context.requireUser()
            try await management.undo(
                context.pathUUID("checkinId"), by: context.identity, now: clock.now(),
                meta: clientAddress.metadata(request, context))
            return Response(status: .noContent)
        }
        router.get("/api/events/:eventId/checkins/stats") { _, context in
            try signedInOrKiosk(context)
            let eventID = try context.pathUUID("eventId")
            _ = try await management.event(eventID, .eventCheckIn, by: context.identity, on: store.database())
            return try await reports.stats(eventID)
        }
        router.get("/api/events/:eventId/checkins/conflicts") { _, context in
            try context.requireUser()
            let eventID = try context.pathUUID("eventId")
            _ = try await management.event(eventID, .eventManage, by: context.identity, on: store.database())
            return try await reports.conflicts(eventID)
        }
    }

    private func registerManagementRoutes(on router: some RouterMethods<AppRequestContext>) {
        router.get("/api/events/:eventId/door-settings") { _, context in
            try context.requireUser()
            return try await management.settings(context.pathUUID("eventId"), by: context.identity)
        }
        router.put("/api/events/:eventId/door-settings") { request, context in
            try context.requireUser()
            let body = try await request.decode(as: DoorSettingsRequest.self, context: context)
            return try await management.update(
                context.pathUUID("eventId"), body, by: context.identity, now: clock.now(),
                meta: clientAddress.metadata(request, context))
        }
        router.post("/api/events/:eventId/kiosk-tokens") { request, context in
            try context.requireUser()
            let body = try await request.decode(as: KioskTokenRequest.self, context: context)
            let kiosk = try await management.createKiosk(
                context.pathUUID("eventId"), body, by: context.identity, now: clock.now(),
                meta: clientAddress.metadata(request, context))
            return EditedResponse(status: .created, response: kiosk)
        }
        router.get("/api/events/:eventId/kiosk-tokens") { _, context in
            try context.requireUser()
            return try await management.kiosks(context.pathUUID("eventId"), by: context.identity, now: clock.now())
        }
        router.delete("/api/events/:eventId/kiosk-tokens/:kioskId") { request, context in
            try context.requireUser()
            try await management.revokeKiosk(
                context.pathUUID("eventId"), context.pathUUID("kioskId"), by: context.identity, now: clock.now(),
                meta: clientAddress.metadata(request, context))
            return Response(status: .noContent)
        }
    }

    private func registerKioskRoutes(on router: some RouterMethods<AppRequestContext>) {
        router.get("/api/kiosk/me") { _, context in
            try await kiosks.me(try kiosk(context))
        }
        router.get("/api/kiosk/offline-bundle") { request, context in
            try await kiosks.offlineBundle(
                try kiosk(context), now: clock.now(), meta: clientAddress.metadata(request, context))
        }
        router.get("/api/kiosk/attendees") { request, context in
            try await kiosks.search(
                try kiosk(context), query: request.uri.queryParameters.get("q") ?? "", now: clock.now(),
                meta: clientAddress.metadata(request, context))
        }
        router.post("/api/kiosk/sync") { request, context in
            let kiosk = try kiosk(context)
            let body = try await request.decode(as: SyncRequest.self, context: context)
            return try await kiosks.sync(kiosk, body, now: clock.now(), meta: clientAddress.metadata(request, context))
        }
    }

    // MARK: - Helpers

    private func holder(_ request: Request, _ context: AppRequestContext) -> TicketPassService.Holder {
        let token = request.headers[.orderToken] ?? request.uri.queryParameters.get("orderToken")
        return .init(principal: context.identity, orderTokenHash: token.map(OpaqueToken.hash))
    }

    private func signedInOrKiosk(_ context: AppRequestContext) throws {
        if case .kiosk = context.identity { return }
        try context.requireUser()
    }

    private func kiosk(_ context: AppRequestContext) throws -> KioskIdentity {
        switch context.identity {
        case .kiosk(let kiosk): return kiosk
        case .user:
            throw HTTPFailure.forbidden(
                "Only a kiosk token can use the kiosk routes; create one under /api/events/{eventId}/kiosk-tokens.")
        case .anonymous, .system:
            throw HTTPFailure.unauthorized("Send a kiosk token as `Authorization: Bearer kiosk_…`.")
        }
    }

    private func validate(_ body: CheckinRequest, _ problems: inout FieldProblems) throws {
        if let gate = body.gate { problems.require(gate.count <= 80, "gate", "must be at most 80 characters") }
        if let nonce = body.nonce {
            problems.require(!nonce.isEmpty && nonce.count <= 100, "nonce", "must be 1–100 characters")
        }
        try problems.throwIfAny()
    }

    private func image(_ bytes: [UInt8], type: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
