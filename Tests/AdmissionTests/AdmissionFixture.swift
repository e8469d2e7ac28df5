import Accounts
import Admission
import BoxOfficeApp
import Catalog
import Foundation
import HTTPCore
import HTTPTypes
import HummingbirdTesting
import Orders
import TestSupport
import WireTypes

/// An event with two sessions (S1 on day 2, S2 on day 3, both 18:00), a free ticket type for both, a free one for S1
/// and a paid one for S1 (offline: pending until marked paid), and a buyer.
struct AdmissionFixture: Sendable {
    let catalog: CatalogFixture
    let event: EventDetailsDTO
    let both: TicketTypeDTO
    let dayOne: TicketTypeDTO
    let paid: TicketTypeDTO
    let buyer: Components.Schemas.TokenResponse

    var app: TestApp { catalog.app }

    /// These tests move the clock days ahead to the sessions; access tokens outlive that here (kiosk tokens do not).
    static func configure(_ config: inout AppConfig) { config.auth.accessTokenSeconds = 30 * 86_400 }
    var organizer: HTTPFields { catalog.headers }

    static func make(_ app: TestApp) async throws -> AdmissionFixture {
        let catalog = try await CatalogFixture.make(app)
        let event = try await catalog.createEvent("Door test")
        try await catalog.addSession(event.eventId, name: "Opening night", day: 2, capacity: 40)
        try await catalog.addSession(event.eventId, name: "Second night", day: 3, capacity: 40)
        let both = try await catalog.addTicketType(
            event.eventId, name: "Both nights", sessions: ["S1", "S2"], price: 0)
        let dayOne = try await catalog.addTicketType(event.eventId, name: "Opening only", sessions: ["S1"], price: 0)
        let paid = try await catalog.addTicketType(event.eventId, name: "Opening, paid", sessions: ["S1"], price: 30)
        try await catalog.publish(event.eventId)
        let buyer = try await app.signUp("guest@example.org")
        return AdmissionFixture(catalog: catalog, event: event, both: both, dayOne: dayOne, paid: paid, buyer: buyer)
    }

    /// The start of session `number` (1 or 2).
    func start(_ number: Int) -> Date {
        TestClock.t0.addingTimeInterval(TimeInterval((number + 1) * 86_400 + 6 * 3600))
    }

    func buy(_ type: TicketTypeDTO, quantity: Int = 1) async throws -> OrderDTO {
        let response = try await app.client.send(
            .post, "/api/orders", headers: buyer.bearer,
            json: ["ticketTypeId": .string(type.ticketTypeId.uuidString), "quantity": .int(quantity)]
                as [String: JSONValue])
        guard response.status == .created else { throw TestSetupError("buy: \(response.status) \(response.text)") }
        return try response.decode(OrderDTO.self)
    }

    func pass(_ ticketID: UUID) async throws -> TicketPassDTO {
        let response = try await app.client.send(.get, "/api/tickets/\(ticketID)/pass", headers: buyer.bearer)
        guard response.status == .ok else { throw TestSetupError("pass: \(response.status) \(response.text)") }
        return try response.decode(TicketPassDTO.self)
    }

    func kiosk(_ event: UUID? = nil, station: String = "North door", capabilities: String = "scan") async throws
        -> KioskTokenDTO
    {
        let response = try await app.client.send(
            .post, "/api/events/\(event ?? self.event.eventId)/kiosk-tokens", headers: organizer,
            json: ["stationName": station, "capabilities": capabilities])
        guard response.status == .created else { throw TestSetupError("kiosk: \(response.status) \(response.text)") }
        return try response.decode(KioskTokenDTO.self)
    }

    func scan(
        _ secret: String, as headers: HTTPFields, session: String? = nil, gate: String? = nil, nonce: String? = nil
    )
        async throws -> TestResponse
    {
        var body: [String: JSONValue] = ["secret": .string(secret)]
        if let session { body["sessionId"] = .string(session) }
        if let gate { body["gate"] = .string(gate) }
        if let nonce { body["nonce"] = .string(nonce) }
        return try await app.client.send(.post, "/api/checkin", headers: headers, json: body)
    }
}

func errorCode(_ response: TestResponse) -> String? {
    (try? JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])
        .flatMap { $0["error"] as? [String: Any] }?["code"] as? String
}

func errorDetails(_ response: TestResponse) -> [String: Any] {
    ((try? JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])?["error"] as? [String: Any])?[
        "details"]
        as? [String: Any] ?? [:]
}
