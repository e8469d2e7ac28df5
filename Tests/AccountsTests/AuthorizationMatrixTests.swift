import Accounts
import Catalog
import FluentKit
import Foundation
import HTTPCore
import HTTPTypes
import HummingbirdTesting
import Orders
import Persistence
import TestSupport
import Testing
import WireTypes

/// Sends every protected route the request of every kind of caller and expects exactly what
/// docs/permissions.md says: the success status when allowed, 403 when refused, 401 when not signed in.
@Suite struct AuthorizationMatrixTests {
    /// The people of the scenario: organization O with one of each role, and an organizer of another organization.
    struct Cast: Sendable {
        var organization: UUID
        var staffMember: UUID
        var spareMember: UUID
        var disposableMember: UUID
        var tokens: [String: Components.Schemas.TokenResponse]
        var event: UUID
        var disposableEvent: UUID
        var ticketType: UUID
        var disposableTicketType: UUID
        var venue: UUID
        var disposableVenue: UUID
        var session: UUID
        var order: UUID
        var onSaleEvent: UUID
    }

    /// One protected request: which row of the table decides it, and what success looks like.
    struct Probe: Sendable {
        var route: String
        var method: HTTPRequest.Method
        var path: @Sendable (Cast) -> String
        var body: @Sendable (Cast, String) -> [String: JSONValue]?
        var success: HTTPResponse.Status
    }

    static let probes: [Probe] = [
        Probe(
            route: "GET /api/auth/me", method: .get, path: { _ in "/api/auth/me" }, body: { _, _ in nil }, success: .ok),
        Probe(route: "GET /api/user", method: .get, path: { _ in "/api/user" }, body: { _, _ in nil }, success: .ok),
        Probe(
            route: "GET /api/organizations", method: .get, path: { _ in "/api/organizations" }, body: { _, _ in nil },
            success: .ok),
        Probe(
            route: "POST /api/auth/change-password", method: .post, path: { _ in "/api/auth/change-password" },
            body: { _, _ in ["currentPassword": .string(TestApp.password), "newPassword": .string(TestApp.password)] },
            success: .noContent),
        Probe(
            route: "POST /api/auth/logout", method: .post, path: { _ in "/api/auth/logout" }, body: { _, _ in nil },
            success: .noContent),
        Probe(
            route: "POST /api/organizations", method: .post, path: { _ in "/api/organizations" },
            body: { _, _ in ["name": "Another organization"] }, success: .created),
        Probe(
            route: "GET /api/organizations/{organizationId}", method: .get,
            path: { "/api/organizations/\($0.organization)" }, body: { _, _ in nil }, success: .ok),
        Probe(
            route: "GET /api/organizations/{organizationId}/members", method: .get,
            path: { "/api/organizations/\($0.organization)/members" }, body: { _, _ in nil }, success: .ok),
        Probe(
            route: "POST /api/organizations/{organizationId}/members", method: .post,
            path: { "/api/organizations/\($0.organization)/members" },
            body: { _, caller in ["email": .string("newcomer-\(caller)@example.org"), "role": "viewer"] },
            success: .created),
        Probe(
            route: "PUT /api/organizations/{organizationId}/members/{userId}", method: .put,
            path: { "/api/organizations/\($0.organization)/members/\($0.spareMember)" },
            body: { _, _ in ["role": "viewer"] }, success: .ok),
        Probe(
            route: "DELETE /api/organizations/{organizationId}/members/{userId}", method: .delete,
            path: { "/api/organizations/\($0.organization)/members/\($0.disposableMember)" }, body: { _, _ in nil },
            success: .noContent),
        Probe(
            route: "PUT /api/organizations/{organizationId}/members/{userId}/events", method: .put,
            path: { "/api/organizations/\($0.organization)/members/\($0.staffMember)/events" },
            body: { cast, _ in ["eventIds": [.string(cast.event.uuidString)]] }, success: .ok),
        Probe(
            route: "GET /api/admin/audit-logs?organizationId={organizationId}", method: .get,
            path: { "/api/admin/audit-logs?organizationId=\($0.organization)" }, body: { _, _ in nil }, success: .ok),
        Probe(
            route: "GET /api/admin/audit-logs", method: .get, path: { _ in "/api/admin/audit-logs" },
            body: { _, _ in nil },
            success: .ok),
        Probe(
            route: "GET /api/admin/events", method: .get, path: { _ in "/api/admin/events" }, body: { _, _ in nil },
            success: .ok),
        Probe(
            route: "GET /api/organizations/{organizationId}/venues", method: .get,
            path: { "/api/organizations/\($0.organization)/venues" }, body: { _, _ in nil }, success: .ok),
        Probe(
            route: "POST /api/organizations/{organizationId}/venues", method: .post,
            path: { "/api/organizations/\($0.organization)/venues" },
            body: { _, _ in ["name": "Annex", "address": "1 Side St", "capacity": 40] }, success: .created),
        Probe(
            route: "PUT /api/venues/{venueId}", method: .put, path: { "/api/venues/\($0.venue)" },
            body: { _, _ in ["capacity": 55] }, success: .ok),
        Probe(
            route: "DELETE /api/venues/{venueId}", method: .delete, path: { "/api/venues/\($0.disposableVenue)" },
            body: { _, _ in nil }, success: .noContent),
        Probe(
            route: "POST /api/events", method: .post, path: { _ in "/api/events" },
            body: { cast, _ in
                ["organizationId": .string(cast.organization.uuidString), "title": "Probe event", "eventType": "Class"]
            },
            success: .created),
        Probe(
            route: "PUT /api/events/{eventId}", method: .put, path: { "/api/events/\($0.event)" },
            body: { _, _ in ["title": "Renamed event"] }, success: .ok),
        Probe(
            route: "DELETE /api/events/{eventId}", method: .delete, path: { "/api/events/\($0.disposableEvent)" },
            body: { _, _ in nil }, success: .noContent),
        Probe(
            route: "POST /api/events/{eventId}/sessions", method: .post, path: { "/api/events/\($0.event)/sessions" },
            body: { _, _ in
                [
                    "sessionName": "Extra", "startsAt": "2026-07-01T18:00:00Z", "endsAt": "2026-07-01T21:00:00Z",
                    "capacity": 10,
                ]
            },
            success: .created),
        Probe(
            route: "PUT /api/events/{eventId}/sessions/{sessionId}", method: .put,
            path: { "/api/events/\($0.event)/sessions/S1" },
            body: { _, _ in ["capacity": 25] }, success: .ok),
        Probe(
            route: "DELETE /api/events/{eventId}/sessions/{sessionId}", method: .delete,
            path: { "/api/events/\($0.event)/sessions/S2" }, body: { _, _ in nil }, success: .noContent),
        Probe(
            route: "POST /api/events/{eventId}/ticket-types", method: .post,
            path: { "/api/events/\($0.event)/ticket-types" },
            body: { _, _ in
                ["name": "Probe", "includedSessions": ["S1"], "price": 5, "salesEndDate": "2026-07-01T00:00:00Z"]
            },
            success: .created),
        Probe(
            route: "PUT /api/events/{eventId}/ticket-types/{ticketTypeId}", method: .put,
            path: { "/api/events/\($0.event)/ticket-types/\($0.ticketType)" },
            body: { _, _ in ["name": "Renamed type"] }, success: .ok),
        Probe(
            route: "GET /api/organizations/{organizationId}/embedding", method: .get,
            path: { "/api/organizations/\($0.organization)/embedding" }, body: { _, _ in nil }, success: .ok),
        Probe(
            route: "PUT /api/organizations/{organizationId}/embedding", method: .put,
            path: { "/api/organizations/\($0.organization)/embedding" },
            body: { _, _ in ["allowedOrigins": ["https://partner.example.org"]] }, success: .ok),
        Probe(
            route: "GET /api/orders/all", method: .get, path: { _ in "/api/orders/all" }, body: { _, _ in nil },
            success: .ok),
        Probe(
            route: "GET /api/admin/outbox", method: .get, path: { _ in "/api/admin/outbox" }, body: { _, _ in nil },
            success: .ok),
        // Allowed callers get past authorization to the lookup: no message has this ID.
        Probe(
            route: "POST /api/admin/outbox/{id}/retry", method: .post,
            path: { _ in "/api/admin/outbox/\(UUID())/retry" },
            body: { _, _ in nil }, success: .notFound),
        Probe(
            route: "GET /api/orders/event/{eventId}", method: .get, path: { "/api/orders/event/\($0.onSaleEvent)" },
            body: { _, _ in nil }, success: .ok),
        Probe(
            route: "GET /api/sessions/{sessionId}/registrations", method: .get,
            path: { "/api/sessions/\($0.session)/registrations" }, body: { _, _ in nil }, success: .ok),
        Probe(
            route: "PUT /api/admin/orders/{orderId}/status", method: .put,
            path: { "/api/admin/orders/\($0.order)/status" },
            body: { _, _ in ["status": "paid"] }, success: .ok),
        Probe(
            route: "GET /api/events/{eventId}/checkins/stats", method: .get,
            path: { "/api/events/\($0.event)/checkins/stats" },
            body: { _, _ in nil }, success: .ok),
        Probe(
            route: "GET /api/events/{eventId}/checkins/conflicts", method: .get,
            path: { "/api/events/\($0.event)/checkins/conflicts" },
            body: { _, _ in nil }, success: .ok),
        Probe(
            route: "GET /api/events/{eventId}/door-settings", method: .get,
            path: { "/api/events/\($0.event)/door-settings" },
            body: { _, _ in nil }, success: .ok),
        Probe(
            route: "PUT /api/events/{eventId}/door-settings", method: .put,
            path: { "/api/events/\($0.event)/door-settings" },
            body: { _, _ in ["checkinOpensMinutesBefore": 90] }, success: .ok),
        Probe(
            route: "POST /api/events/{eventId}/kiosk-tokens", method: .post,
            path: { "/api/events/\($0.event)/kiosk-tokens" },
            body: { _, caller in ["stationName": .string("Door of \(caller)")] }, success: .created),
        Probe(
            route: "GET /api/events/{eventId}/kiosk-tokens", method: .get,
            path: { "/api/events/\($0.event)/kiosk-tokens" },
            body: { _, _ in nil }, success: .ok),
        Probe(
            route: "DELETE /api/events/{eventId}/ticket-types/{ticketTypeId}", method: .delete,
            path: { "/api/events/\($0.event)/ticket-types/\($0.disposableTicketType)" }, body: { _, _ in nil },
            success: .noContent),
        Probe(
            route: "GET /api/organizations/{organizationId}/email-settings", method: .get,
            path: { "/api/organizations/\($0.organization)/email-settings" }, body: { _, _ in nil }, success: .ok),
        Probe(
            route: "PUT /api/organizations/{organizationId}/email-settings", method: .put,
            path: { "/api/organizations/\($0.organization)/email-settings" },
            body: { _, _ in ["language": "de", "primaryColor": "#112233"] }, success: .ok),
        Probe(
            route: "GET /api/events/{eventId}/reminders", method: .get,
            path: { "/api/events/\($0.event)/reminders" }, body: { _, _ in nil }, success: .ok),
        Probe(
            route: "PUT /api/events/{eventId}/reminders", method: .put,
            path: { "/api/events/\($0.event)/reminders" }, body: { _, _ in ["offsetsMinutes": [60]] }, success: .ok),
        Probe(
            route: "GET /api/events/{eventId}/messages", method: .get,
            path: { "/api/events/\($0.event)/messages" }, body: { _, _ in nil }, success: .ok),
        Probe(
            route: "GET /api/events/{eventId}/messages/recipients", method: .get,
            path: { "/api/events/\($0.event)/messages/recipients?sessionIds=S1" }, body: { _, _ in nil },
            success: .ok),
        Probe(
            route: "POST /api/events/{eventId}/messages", method: .post,
            path: { "/api/events/\($0.event)/messages" },
            body: { _, _ in ["subject": "Doors", "body": "Open at six.", "sessionIds": ["S1"]] }, success: .accepted),
        Probe(
            route: "GET /api/organizations/{organizationId}/newsletter/subscribers", method: .get,
            path: { "/api/organizations/\($0.organization)/newsletter/subscribers" }, body: { _, _ in nil },
            success: .ok),
        Probe(
            route: "GET /api/organizations/{organizationId}/newsletter/subscribers/export", method: .get,
            path: { "/api/organizations/\($0.organization)/newsletter/subscribers/export" }, body: { _, _ in nil },
            success: .ok),
        // Allowed callers get past authorization to the lookup: no subscriber has this ID.
        Probe(
            route: "DELETE /api/organizations/{organizationId}/newsletter/subscribers/{subscriberId}", method: .delete,
            path: { "/api/organizations/\($0.organization)/newsletter/subscribers/\(UUID())" },
            body: { _, _ in nil }, success: .notFound),
        Probe(
            route: "GET /api/organizations/{organizationId}/newsletter/campaigns", method: .get,
            path: { "/api/organizations/\($0.organization)/newsletter/campaigns" }, body: { _, _ in nil },
            success: .ok),
        Probe(
            route: "POST /api/organizations/{organizationId}/newsletter/campaigns", method: .post,
            path: { "/api/organizations/\($0.organization)/newsletter/campaigns" },
            body: { _, _ in ["subject": "News", "body": "Hello."] }, success: .accepted),
    ]

    @Test func everyDocumentedRouteHasAProbeAndEveryProtectedRouteIsDocumented() throws {
        let table = try PermissionsTable.load()
        let documented = Set(table.rows.values.flatMap(\.routes))
        #expect(documented == Set(Self.probes.map(\.route)))
    }

    @Test(arguments: TestDatabase.all, PermissionsTable.columns)
    func eachCallerGetsWhatTheTableSays(_ database: TestDatabase, _ caller: String) async throws {
        let table = try PermissionsTable.load()
        let rows = Dictionary(uniqueKeysWithValues: table.rows.values.flatMap { row in row.routes.map { ($0, row) } })
        try await withApp(database) { app in
            let cast = try await Self.stage(app, signUpNewcomer: caller)
            for probe in Self.probes {
                let row = try #require(rows[probe.route], "\(probe.route) is in docs/permissions.md")
                let expected: HTTPResponse.Status =
                    switch PermissionsTable.Cell(row.cells[caller] ?? "") {
                    case .allow, .assigned: probe.success
                    case .deny: .forbidden
                    case .signIn: .unauthorized
                    }
                let headers = cast.tokens[caller]?.bearer ?? [:]
                let response: TestResponse
                if let json = probe.body(cast, caller) {
                    response = try await app.client.send(probe.method, probe.path(cast), headers: headers, json: json)
                } else {
                    response = try await app.client.send(probe.method, probe.path(cast), headers: headers)
                }
                #expect(response.status == expected, "\(caller) \(probe.route): \(response.text)")
            }
        }
    }

    /// Builds organization O with an owner, organizer, staff and viewer, plus an outsider organizer and an admin.
    static func stage(_ app: TestApp, signUpNewcomer caller: String) async throws -> Cast {
        var tokens: [String: Components.Schemas.TokenResponse] = [:]
        let owner = try await app.signUp("owner@example.org")
        let organization = try await app.client.send(
            .post, "/api/organizations", headers: owner.bearer, json: ["name": "Studio O"]
        )
        .decode(Components.Schemas.Organization.self).organizationId
        func join(_ email: String, _ role: String) async throws -> Components.Schemas.TokenResponse {
            let tokens = try await app.signUp(email)
            let added = try await app.client.send(
                .post, "/api/organizations/\(organization)/members", headers: owner.bearer,
                json: ["email": email, "role": role])
            guard added.status == .created else { throw TestSetupError("could not add \(email): \(added.text)") }
            return tokens
        }
        tokens["owner"] = owner
        tokens["organizer"] = try await join("organizer@example.org", "organizer")
        tokens["staff"] = try await join("staff@example.org", "staff")
        tokens["viewer"] = try await join("viewer@example.org", "viewer")
        let spare = try await join("spare@example.org", "viewer")
        let disposable = try await join("disposable@example.org", "viewer")
        // "member": signed in, an organizer elsewhere, nothing in O.
        let outsider = try await app.signUp("outsider@example.org")
        _ = try await app.client.send(.post, "/api/organizations", headers: outsider.bearer, json: ["name": "Studio P"])
        tokens["member"] = outsider
        tokens["admin"] = try await app.signInAdmin()
        try await app.signUp("newcomer-\(caller)@example.org")

        // The catalog side: a draft event with two sessions and two ticket types, a spare event, two venues.
        func create<T: Decodable>(_ path: String, _ body: [String: JSONValue], as type: T.Type) async throws -> T {
            let response = try await app.client.send(.post, path, headers: owner.bearer, json: body)
            guard response.status == .created else { throw TestSetupError("\(path): \(response.text)") }
            return try response.decode(T.self)
        }
        let eventBody: [String: JSONValue] = [
            "organizationId": .string(organization), "title": "Matrix event", "eventType": "Class",
        ]
        let event = try await create("/api/events", eventBody, as: EventDetailsDTO.self).eventId
        let disposableEvent = try await create("/api/events", eventBody, as: EventDetailsDTO.self).eventId
        for day in ["2026-07-02", "2026-07-03"] {
            _ = try await create(
                "/api/events/\(event)/sessions",
                [
                    "sessionName": "Day", "startsAt": .string(day + "T18:00:00Z"),
                    "endsAt": .string(day + "T21:00:00Z"), "capacity": 20,
                ], as: SessionDTO.self)
        }
        let typeBody: [String: JSONValue] = [
            "name": "Entry", "includedSessions": ["S1"], "price": 10, "salesEndDate": "2026-07-01T00:00:00Z",
        ]
        let ticketType = try await create("/api/events/\(event)/ticket-types", typeBody, as: TicketTypeDTO.self)
            .ticketTypeId
        let disposableType = try await create("/api/events/\(event)/ticket-types", typeBody, as: TicketTypeDTO.self)
            .ticketTypeId
        let venueBody: [String: JSONValue] = ["name": "Main Studio", "address": "123 Salem St", "capacity": 25]
        let venue = try await create("/api/organizations/\(organization)/venues", venueBody, as: VenueDTO.self).venueId
        let disposableVenue = try await create(
            "/api/organizations/\(organization)/venues", venueBody, as: VenueDTO.self
        ).venueId
        // A published event with a pending order, for the order and registration routes.
        let onSale = try await create("/api/events", eventBody, as: EventDetailsDTO.self).eventId
        let session = try await create(
            "/api/events/\(onSale)/sessions",
            [
                "sessionName": "Sale day", "startsAt": "2026-07-05T18:00:00Z", "endsAt": "2026-07-05T21:00:00Z",
                "capacity": 20,
            ], as: SessionDTO.self)
        let sold = try await create("/api/events/\(onSale)/ticket-types", typeBody, as: TicketTypeDTO.self).ticketTypeId
        _ = try await app.client.send(
            .put, "/api/events/\(onSale)", headers: owner.bearer, json: ["status": "published"])
        let order = try await app.client.send(
            .post, "/api/orders",
            json: [
                "ticketTypeId": .string(sold.uuidString), "quantity": 1, "buyerName": "Guest",
                "buyerEmail": "guest@example.org",
            ] as [String: JSONValue]
        ).decode(OrderDTO.self).orderId
        let sessionID = try await SessionRecord.query(on: app.store.database()).filter(\.$eventID == onSale).first()!
            .id!
        // Staff check in only at the events they are assigned to: this one.
        let assigned = try await app.client.send(
            .put, "/api/organizations/\(organization)/members/\(tokens["staff"]!.user.id)/events",
            headers: owner.bearer, json: ["eventIds": [JSONValue.string(event.uuidString)]])
        guard assigned.status == .ok else { throw TestSetupError("assign staff: \(assigned.status) \(assigned.text)") }
        _ = session
        return Cast(
            organization: uuid(organization), staffMember: uuid(tokens["staff"]!.user.id),
            spareMember: uuid(spare.user.id),
            disposableMember: uuid(disposable.user.id), tokens: tokens, event: event, disposableEvent: disposableEvent,
            ticketType: ticketType, disposableTicketType: disposableType, venue: venue,
            disposableVenue: disposableVenue,
            session: sessionID, order: order, onSaleEvent: onSale)
    }
}
