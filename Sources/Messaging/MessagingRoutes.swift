public import Domain
import Foundation
public import HTTPCore
public import Hummingbird
import Mail
public import Persistence
public import RateLimiting
import WireTypes

/// The messaging feature's services, built once in the composition root.
public struct MessagingServices: Sendable {
    let settings: EmailSettingsService
    let previews: TemplatePreviews
    let reminders: EventReminders
    let messages: OrganizerMessages
    public let newsletter: Newsletter

    public init(
        store: DatabaseStore, composer: MailComposer, reminderOffsets: [Int], limiter: RateLimiter,
        attemptLimit: RateLimitRule
    ) {
        settings = EmailSettingsService(store: store, composer: composer)
        previews = TemplatePreviews(store: store, composer: composer)
        reminders = EventReminders(store: store, installationOffsets: reminderOffsets)
        messages = OrganizerMessages(store: store)
        newsletter = Newsletter(store: store, limiter: limiter, rule: attemptLimit)
    }
}

/// Email settings and previews, event reminders and organizer messages, the newsletter.
public struct MessagingRoutes: Sendable {
    let services: MessagingServices
    let clientAddress: ClientAddress
    let clock: AppClock

    public init(services: MessagingServices, clientAddress: ClientAddress, clock: AppClock) {
        self.services = services
        self.clientAddress = clientAddress
        self.clock = clock
    }

    public func register(on router: some RouterMethods<AppRequestContext>) {
        let users = router.group(context: UserRequestContext.self)
        users.get("/api/organizations/:organizationId/email-settings") { _, context in
            try await services.settings.get(try context.pathUUID("organizationId"), by: context.identity)
        }
        users.put("/api/organizations/:organizationId/email-settings") { request, context in
            let body = try await request.decode(as: Components.Schemas.EmailSettingsRequest.self, context: context)
            return try await services.settings.set(
                try context.pathUUID("organizationId"), body, by: context.identity, now: clock.now(),
                request: clientAddress.metadata(request, context))
        }
        users.get("/api/admin/email-templates") { _, context in
            try await services.previews.list(by: context.identity)
        }
        users.get("/api/admin/email-templates/:name/preview") { request, context in
            try await services.previews.preview(
                try context.pathString("name"), query: QueryReader(request, context: context),
                by: context.identity)
        }
        users.get("/api/events/:eventId/reminders") { _, context in
            try await services.reminders.get(try context.pathUUID("eventId"), by: context.identity)
        }
        users.put("/api/events/:eventId/reminders") { request, context in
            let body = try await request.decode(as: Components.Schemas.ReminderSettingsRequest.self, context: context)
            return try await services.reminders.set(
                try context.pathUUID("eventId"), body, by: context.identity, now: clock.now(),
                request: clientAddress.metadata(request, context))
        }
        users.get("/api/events/:eventId/messages/recipients") { request, context in
            var query = QueryReader(request, context: context)
            let sessions = query.string("sessionIds")
            try query.throwIfAny()
            return try await services.messages.recipients(
                try context.pathUUID("eventId"), sessions: sessions, by: context.identity)
        }
        users.get("/api/events/:eventId/messages") { _, context in
            try await services.messages.list(try context.pathUUID("eventId"), by: context.identity)
        }
        users.post("/api/events/:eventId/messages") { request, context in
            let body = try await request.decode(as: Components.Schemas.OrganizerMessageRequest.self, context: context)
            let sent = try await services.messages.send(
                try context.pathUUID("eventId"), body, by: context.identity, now: clock.now(),
                request: clientAddress.metadata(request, context))
            return EditedResponse(status: .accepted, response: sent)
        }
        registerNewsletter(on: router, users: users)
    }

    private func registerNewsletter(
        on router: some RouterMethods<AppRequestContext>, users: RouterGroup<UserRequestContext>
    ) {
        router.post("/api/newsletter/subscribe") { request, context in
            let body = try await request.decode(as: Components.Schemas.SubscribeRequest.self, context: context)
            try await services.newsletter.subscribe(
                body, now: clock.now(), request: clientAddress.metadata(request, context))
            return EditedResponse(
                status: .accepted,
                response: NewsletterAnswerDTO(
                    message: "Check your inbox: the subscription starts once you follow the link we have sent."))
        }
        router.post("/api/newsletter/confirm") { request, context in
            let body = try await request.decode(as: Components.Schemas.NewsletterTokenRequest.self, context: context)
            return try await services.newsletter.confirm(
                token: body.token, now: clock.now(), request: clientAddress.metadata(request, context))
        }
        // RFC 8058: a mail client's one-click POST carries the token in the URL and `List-Unsubscribe=One-Click` as a
        // form body; an app may send `{"token": …}` instead.
        router.post("/api/newsletter/unsubscribe") { request, context in
            var query = QueryReader(request, context: context)
            var token = query.string("token")
            try query.throwIfAny()
            if request.headers[.contentType]?.lowercased().hasPrefix("application/json") == true {
                token =
                    try await request.decode(as: Components.Schemas.NewsletterUnsubscribeRequest.self, context: context)
                    .token ?? token
            } else {
                _ = try await request.body.collect(upTo: 1024)
            }
            return try await services.newsletter.unsubscribe(
                token: token, now: clock.now(), request: clientAddress.metadata(request, context))
        }
        users.get("/api/organizations/:organizationId/newsletter/subscribers") { request, context in
            try await services.newsletter.subscribers(
                try context.pathUUID("organizationId"), query: QueryReader(request, context: context),
                by: context.identity)
        }
        users.get("/api/organizations/:organizationId/newsletter/subscribers/export") { _, context in
            let csv = try await services.newsletter.export(try context.pathUUID("organizationId"), by: context.identity)
            return Response(
                status: .ok,
                headers: [
                    .contentType: "text/csv; charset=utf-8",
                    .contentDisposition: "attachment; filename=\"subscribers.csv\"",
                ],
                body: ResponseBody(byteBuffer: ByteBuffer(string: csv)))
        }
        users.delete("/api/organizations/:organizationId/newsletter/subscribers/:subscriberId") { request, context in
            try await services.newsletter.remove(
                try context.pathUUID("subscriberId"), from: try context.pathUUID("organizationId"),
                by: context.identity, now: clock.now(), request: clientAddress.metadata(request, context))
            return Response(status: .noContent)
        }
        users.get("/api/organizations/:organizationId/newsletter/campaigns") { _, context in
            try await services.newsletter.campaigns(try context.pathUUID("organizationId"), by: context.identity)
        }
        users.post("/api/organizations/:organizationId/newsletter/campaigns") { request, context in
            let body = try await request.decode(as: Components.Schemas.CampaignRequest.self, context: context)
            let campaign = try await services.newsletter.sendCampaign(
                try context.pathUUID("organizationId"), body, by: context.identity, now: clock.now(),
                request: clientAddress.metadata(request, context))
            return EditedResponse(status: .accepted, response: campaign)
        }
    }
}
