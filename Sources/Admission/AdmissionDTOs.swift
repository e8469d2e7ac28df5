public import Foundation
public import Hummingbird

/// What a ticket's holder needs at the door: the text of its QR code.
public struct TicketPassDTO: Codable, Sendable, Equatable, ResponseEncodable {
    public var ticketId: UUID
    public var eventId: UUID
    public var status: String
    /// Moves on with each reissue; older versions are revoked.
    public var version: Int
    /// True when the code is a signed payload (`BOX1.…`) that kiosks verify offline; otherwise it is the ticket's secret.
    public var signed: Bool
    public var qrText: String
}

/// A scan or manual check-in.
public struct AttendeeDTO: Codable, Sendable, Equatable {
    public var name: String
    public var email: String
    public var dietaryRestrictions: String?
    public var emergencyContact: String?
}

/// An admission. `attendee` is present only for callers allowed to see personal data (staff, organizers, admins, and
/// kiosks with the search capability).
public struct CheckinDTO: Codable, Sendable, Equatable, ResponseEncodable {
    public var checkinId: UUID
    public var ticketId: UUID
    public var eventId: UUID
    public var sessionId: UUID
    /// The session's UUID, named apart from the catalog's `sessionId` (the code S1); `sessionId` repeats it here.
    public var sessionUuid: UUID
    public var sessionCode: String
    public var ticketTypeName: String
    public var gate: String?
    public var station: String?
    public var method: String
    public var checkedInAt: Date
    /// True when this answer repeats an earlier admission with the same nonce.
    public var replayed: Bool
    public var attendee: AttendeeDTO?
}

public struct KioskTokenDTO: Codable, Sendable, Equatable, ResponseEncodable {
    public var kioskId: UUID
    public var eventId: UUID
    public var eventCode: String
    public var stationName: String
    public var capabilities: String
    public var status: String
    public var createdAt: Date
    public var expiresAt: Date
    public var revokedAt: Date?
    /// Shown once, when the token is created.
    public var token: String?
}

public struct KioskTokenListDTO: Codable, Sendable, ResponseEncodable {
    public var kiosks: [KioskTokenDTO]
}

public struct KioskSelfDTO: Codable, Sendable, ResponseEncodable {
    public var kioskId: UUID
    public var stationName: String
    public var eventId: UUID
    public var eventTitle: String
    public var eventCode: String
    public var capabilities: String
    public var expiresAt: Date
}

public struct DoorSettingsDTO: Codable, Sendable, Equatable, ResponseEncodable {
    public var eventId: UUID
    public var signedTickets: Bool
    /// The event's Ed25519 public key (raw 32 bytes, URL-safe base64), once signed tickets were switched on.
    public var publicKey: String?
    public var checkinOpensMinutesBefore: Int
    public var checkinClosesMinutesAfter: Int
    public var eventCode: String?
}

public struct OfflineSessionDTO: Codable, Sendable, Equatable {
    public var sessionId: UUID
    /// The session's UUID, named apart from the catalog's `sessionId` (the code S1); `sessionId` repeats it here.
    public var sessionUuid: UUID
    public var sessionCode: String
    public var number: Int
    public var name: String
    public var startsAt: Date
    public var checkinOpensAt: Date
    public var checkinClosesAt: Date
}

public struct OfflineTicketTypeDTO: Codable, Sendable, Equatable {
    public var ticketTypeId: UUID
    public var name: String
    public var sessionIds: [UUID]
    /// The sessions' UUIDs (`sessionIds` repeats them under the name the catalog gives session codes).
    public var sessionUuids: [UUID]
}

public struct RevokedTicketDTO: Codable, Sendable, Equatable {
    public var ticketId: UUID
    public var version: Int
    public var reason: String
    public var revokedAt: Date
}

/// A valid ticket of an event without signed tickets, as an offline kiosk checks it: the SHA-256 of the scanned code
/// must be one of these.
public struct OfflineTicketDTO: Codable, Sendable, Equatable {
    public var ticketId: UUID
    public var ticketTypeId: UUID
    public var secretHash: String
}

public struct AdmittedDTO: Codable, Sendable, Equatable {
    public var ticketId: UUID
    public var sessionId: UUID
    /// The session's UUID, named apart from the catalog's `sessionId` (the code S1); `sessionId` repeats it here.
    public var sessionUuid: UUID
    public var checkedInAt: Date
}

/// What a kiosk keeps to go on admitting when the network drops.
public struct OfflineBundleDTO: Codable, Sendable, ResponseEncodable {
    public var eventId: UUID
    public var eventTitle: String
    public var eventCode: String
    public var signedTickets: Bool
    public var keyAlgorithm: String
    public var publicKey: String?
    public var payloadFormat: String
    public var sessions: [OfflineSessionDTO]
    public var ticketTypes: [OfflineTicketTypeDTO]
    public var revoked: [RevokedTicketDTO]
    /// For events without signed tickets: every valid ticket's secret hash (hex SHA-256), so codes are checked offline too.
    public var tickets: [OfflineTicketDTO]
    public var admitted: [AdmittedDTO]
    public var generatedAt: Date
}

public struct SyncResultDTO: Codable, Sendable, Equatable {
    public var nonce: String
    /// `admitted`, `duplicate` (a double admit, kept for the organizer) or `refused`.
    public var outcome: String
    public var code: String?
    public var checkinId: UUID?
    public var ticketId: UUID?
    public var sessionId: UUID?
    /// The session's UUID, named apart from the catalog's `sessionId` (the code S1); `sessionId` repeats it here.
    public var sessionUuid: UUID?
    public var firstCheckedInAt: Date?
    public var firstGate: String?
}

public struct SyncResponseDTO: Codable, Sendable, ResponseEncodable {
    public var results: [SyncResultDTO]
    public var admitted: Int
    public var duplicates: Int
    public var refused: Int
}

public struct AttendeeMatchDTO: Codable, Sendable, Equatable {
    public var ticketId: UUID
    public var ticketTypeName: String
    public var status: String
    public var orderNumber: String
    public var attendee: AttendeeDTO
    public var checkedInSessionIds: [UUID]
    /// The same sessions' UUIDs, named apart from the catalog's session codes.
    public var checkedInSessionUuids: [UUID]
}

public struct AttendeeSearchDTO: Codable, Sendable, ResponseEncodable {
    public var attendees: [AttendeeMatchDTO]
}

public struct ConflictDTO: Codable, Sendable, Equatable {
    public var conflictId: UUID
    public var ticketId: UUID
    public var sessionId: UUID
    /// The session's UUID, named apart from the catalog's `sessionId` (the code S1); `sessionId` repeats it here.
    public var sessionUuid: UUID
    public var gate: String?
    public var station: String?
    public var scannedAt: Date
    public var firstCheckedInAt: Date
    public var firstGate: String?
    public var recordedAt: Date
}

public struct ConflictListDTO: Codable, Sendable, ResponseEncodable {
    public var conflicts: [ConflictDTO]
}

public struct SessionDoorCountDTO: Codable, Sendable, Equatable {
    public var sessionId: UUID
    /// The session's UUID, named apart from the catalog's `sessionId` (the code S1); `sessionId` repeats it here.
    public var sessionUuid: UUID
    public var sessionCode: String
    public var name: String
    public var sold: Int
    public var admitted: Int
}

public struct GateCountDTO: Codable, Sendable, Equatable {
    public var gate: String
    public var admitted: Int
}

public struct IntervalCountDTO: Codable, Sendable, Equatable {
    public var startsAt: Date
    public var admitted: Int
}

public struct CheckinStatsDTO: Codable, Sendable, ResponseEncodable {
    public var eventId: UUID
    public var sessions: [SessionDoorCountDTO]
    public var gates: [GateCountDTO]
    /// Admissions per 5-minute interval (by scan time), oldest first; intervals with none are left out.
    public var intervals: [IntervalCountDTO]
    public var doubleAdmits: Int
}
