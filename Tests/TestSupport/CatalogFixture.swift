import Accounts
import Catalog
import Foundation
import HTTPCore
import HTTPTypes
import HummingbirdTesting
import SQLKit
public import WireTypes

/// An organization with an organizer, and helpers that build events through the API.
public struct CatalogFixture: Sendable {
    public let app: TestApp
    public let organizer: Components.Schemas.TokenResponse
    public let organization: Components.Schemas.Organization

    public static func make(_ app: TestApp, organizer email: String = "organizer@example.org") async throws
        -> CatalogFixture
    {
        let organizer = try await app.signUp(email)
        let organization = try await app.client.send(
            .post, "/api/organizations", headers: organizer.bearer, json: ["name": "Rope Studio"]
        )
        .decode(Components.Schemas.Organization.self)
        return CatalogFixture(app: app, organizer: organizer, organization: organization)
    }

    public var headers: HTTPFields { organizer.bearer }

    /// Instants relative to the test clock's start.
    public static func day(_ offset: Int, hour: Int = 18) -> String {
        let date = TestClock.t0.addingTimeInterval(TimeInterval(offset * 86_400 + (hour - 12) * 3600))
        return date.formatted(.iso8601)
    }

    public func createEvent(_ title: String = "Advanced Rope Workshop", extra: [String: String] = [:]) async throws
        -> EventDetailsDTO
    {
        var body: [String: String] = [
            "organizationId": organization.organizationId, "title": title,
            "shortDescription": "Learn advanced techniques",
            "eventType": "Class", "category": "Workshops",
        ]
        body.merge(extra) { _, new in new }
        let response = try await app.client.send(.post, "/api/events", headers: headers, json: body)
        guard response.status == .created else {
            throw TestSetupError("create event: \(response.status) \(response.text)")
        }
        return try response.decode(EventDetailsDTO.self)
    }

    @discardableResult
    public func addSession(_ event: UUID, name: String, day: Int, capacity: Int) async throws -> SessionDTO {
        let response = try await app.client.send(
            .post, "/api/events/\(event)/sessions", headers: headers,
            json: [
                "sessionName": .string(name), "startsAt": .string(Self.day(day)),
                "endsAt": .string(Self.day(day, hour: 21)),
                "capacity": .int(capacity),
            ] as [String: JSONValue])
        guard response.status == .created else {
            throw TestSetupError("add session: \(response.status) \(response.text)")
        }
        return try response.decode(SessionDTO.self)
    }

    @discardableResult
    public func addTicketType(
        _ event: UUID, name: String, sessions: [String], price: Double, limit: Int? = nil, maxQuantity: Int? = nil,
        salesStart: String? = nil, salesEnd: String = CatalogFixture.day(30)
    ) async throws -> TicketTypeDTO {
        var body: [String: JSONValue] = [
            "name": .string(name), "includedSessions": .array(sessions.map(JSONValue.string)), "price": .double(price),
            "salesEndDate": .string(salesEnd),
        ]
        if let limit { body["quantityLimit"] = .int(limit) }
        if let maxQuantity { body["maxQuantity"] = .int(maxQuantity) }
        if let salesStart { body["salesStartDate"] = .string(salesStart) }
        let response = try await app.client.send(
            .post, "/api/events/\(event)/ticket-types", headers: headers, json: body)
        guard response.status == .created else {
            throw TestSetupError("add ticket type: \(response.status) \(response.text)")
        }
        return try response.decode(TicketTypeDTO.self)
    }

    public func publish(_ event: UUID) async throws {
        let response = try await app.client.send(
            .put, "/api/events/\(event)", headers: headers, json: ["status": "published"])
        guard response.status == .ok else { throw TestSetupError("publish: \(response.status) \(response.text)") }
    }

    /// The demo workshop: S1–S3, "Full Series" (S1+S2+S3), "Day 1 Only" (S1), "Day 2 Only" (S2), published.
    public func workshop() async throws -> (
        event: EventDetailsDTO, full: TicketTypeDTO, day1: TicketTypeDTO, day2: TicketTypeDTO
    ) {
        let event = try await createEvent()
        try await addSession(event.eventId, name: "Foundation Day", day: 10, capacity: 20)
        try await addSession(event.eventId, name: "Advanced Techniques", day: 11, capacity: 20)
        try await addSession(event.eventId, name: "Performance", day: 12, capacity: 20)
        let full = try await addTicketType(
            event.eventId, name: "Full Series", sessions: ["S1", "S2", "S3"], price: 120)
        let day1 = try await addTicketType(event.eventId, name: "Day 1 Only", sessions: ["S1"], price: 65)
        let day2 = try await addTicketType(event.eventId, name: "Day 2 Only", sessions: ["S2"], price: 65)
        try await publish(event.eventId)
        return (event, full, day1, day2)
    }

    /// Sets a session's counters directly, standing in for purchases and holds until checkout exists.
    public func setCounters(session code: String, of event: UUID, sold: Int, held: Int = 0) async throws {
        let number = Int(code.dropFirst())!
        try await app.store.sql().raw(
            """
            UPDATE sessions SET sold = \(bind: sold), held = \(bind: held) WHERE event_id = \(bind: event) AND number = \(bind: number)
            """
        ).run()
    }

    public func setCounters(ticketType: UUID, sold: Int, held: Int = 0) async throws {
        try await app.store.sql().raw(
            "UPDATE ticket_types SET sold = \(bind: sold), held = \(bind: held) WHERE id = \(bind: ticketType)"
        ).run()
    }
}
