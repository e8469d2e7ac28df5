public import Domain
public import Foundation
import HTTPCore
public import Persistence
import WireTypes

/// A worked example as real data, so a new user can try the API at once: a venue and a published
/// three-session workshop sold as "Full Series" (S1+S2+S3), "Day 1 Only" and "Day 2 Only".
public enum DemoCatalog {
    /// Creates the venue and the workshop through the same services and validation as the API.
    /// Returns the event's ID.
    public static func createWorkshop(
        organizationID: UUID, by principal: Principal, now: Date, store: DatabaseStore, settings: EventService.Settings
    ) async throws -> UUID {
        let meta = RequestMetadata.system
        let venues = VenueService(store: store)
        let events = EventService(store: store, settings: settings)
        let sessions = SessionService(store: store, maximumCapacity: settings.maximumSessionCapacity)
        let ticketTypes = TicketTypeService(store: store)

        let venue = try await venues.create(
            organizationID, VenueChanges(name: "Main Studio", address: "123 Salem St", capacity: 25),
            by: principal, now: now, meta: meta)
        let event = try await events.create(
            try request([
                "organizationId": .string(organizationID.uuidString), "title": "3-Day Advanced Workshop Series",
                "shortDescription": "Three evenings from foundations to performance.",
                "fullDescription":
                    "<p>Three evenings, each building on the last. Come to all three, or drop in for a day.</p>",
                "eventType": "Class", "category": "Workshops", "venueId": .string(venue.venueId.uuidString),
                "policiesProcedures": "Full refund until 48 hours before the first session.",
            ]),
            by: principal, now: now, meta: meta)
        // Three consecutive evenings a month from now, 18:00 to 21:00 UTC.
        let calendar = Calendar(identifier: .gregorian)
        let firstDay = calendar.startOfDay(for: now.addingTimeInterval(30 * 86_400))
        for (index, name) in ["Foundation Day", "Advanced Techniques", "Performance Night"].enumerated() {
            let start = firstDay.addingTimeInterval(TimeInterval(index * 86_400 + 18 * 3600))
            _ = try await sessions.create(
                event.eventId,
                SessionChanges(
                    try request([
                        "sessionName": .string(name), "startsAt": .string(start.formatted(.iso8601)),
                        "endsAt": .string(start.addingTimeInterval(3 * 3600).formatted(.iso8601)), "capacity": 20,
                    ]) as Components.Schemas.SessionRequest),
                by: principal, now: now, meta: meta)
        }
        let salesEnd = firstDay.addingTimeInterval(12 * 3600).formatted(.iso8601)
        for (name, description, included, price, member) in [
            ("Full Series", "Access to all three evenings", ["S1", "S2", "S3"], 120.0, 100.0),
            ("Day 1 Only", "Foundation Day only", ["S1"], 65.0, 55.0),
            ("Day 2 Only", "Advanced Techniques only", ["S2"], 65.0, 55.0),
        ] {
            let body: [String: JSONValue] = [
                "name": .string(name), "description": .string(description),
                "includedSessions": .array(included.map(JSONValue.string)), "price": .double(price),
                "memberPrice": .double(member), "salesEndDate": .string(salesEnd),
            ]
            _ = try await ticketTypes.create(
                event.eventId,
                TicketTypeChanges(
                    try request(body) as Components.Schemas.TicketTypeUpdate, sent: SentFields(names: Set(body.keys))),
                by: principal, now: now, meta: meta)
        }
        _ = try await events.update(
            event.eventId,
            try EventChanges(
                try request(["status": "published"]) as Components.Schemas.UpdateEventRequest,
                sent: SentFields(names: ["status"])),
            by: principal, now: now, meta: meta)
        return event.eventId
    }

    /// Builds a request value from JSON, exactly as a route would decode it.
    private static func request<T: Decodable>(_ json: [String: JSONValue]) throws -> T {
        try JSONCoding.decoder.decode(T.self, from: JSONCoding.encoder.encode(json))
    }
}
