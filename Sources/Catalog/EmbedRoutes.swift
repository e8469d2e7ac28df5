public import Domain
import Foundation
public import HTTPCore
public import Hummingbird

/// The embeds surface: pages a partner's site frames, such as an event's availability widget. Its answers may be framed
/// only by the origins the event's organization allows (`PUT /api/organizations/{organizationId}/embedding`); every
/// other answer of BoxOffice stays unframeable.
public struct EmbedFramingMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext

    let events: EventService

    public init(services: CatalogServices) {
        self.events = services.events
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var response = try await next(request, context)
        var origins: [String] = []
        if let raw = context.parameters.get("eventId"), let eventID = UUID(uuidString: raw) {
            origins = try await events.embedOrigins(of: eventID)
        }
        response.headers[.contentSecurityPolicy] =
            "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors \(EmbedOrigins.frameAncestors(origins))"
        return response
    }
}

/// `GET /embed/events/{eventId}`: a published event's availability as a small HTML page for a partner's iframe: its
/// sessions, and each ticket type with its price and what is left. Public: drafts are not found.
public struct EmbedRoutes: Sendable {
    let events: EventService
    let clock: AppClock

    public init(services: CatalogServices, clock: AppClock) {
        self.events = services.events
        self.clock = clock
    }

    public func register(on router: some RouterMethods<AppRequestContext>) {
        router.get("/embed/events/:eventId") { _, context in
            let eventID = try context.pathUUID("eventId")
            let now = clock.now()
            let details = try await events.details(eventID, by: .anonymous, now: now)
            let availability = try await events.availability(eventID, by: .anonymous, now: now)
            let html = Self.page(details, availability)
            return Response(
                status: .ok,
                headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(string: html)))
        }
    }

    static func page(_ event: EventDetailsDTO, _ availability: AvailabilityDTO) -> String {
        let types = availability.ticketTypes.map { type in
            let left = type.isAvailable ? "\(type.availableQuantity) left" : "sold out"
            return
                "<li><span class=\"name\">\(escape(type.name))</span> <span class=\"left\">\(escape(left))</span></li>"
        }
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(event.title))</title>
            <style>body{font-family:system-ui,sans-serif;margin:0;padding:1rem}ul{padding:0;list-style:none}li{display:flex;justify-content:space-between;padding:.25rem 0}</style>
            </head><body>
            <h1>\(escape(event.title))</h1>
            <ul class="ticket-types">\(types.joined())</ul>
            </body></html>
            """
    }

    static func escape(_ text: String) -> String { HTMLEscaping.escape(text) }
}
