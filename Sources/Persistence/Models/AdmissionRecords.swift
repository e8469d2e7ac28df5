import Domain
public import FluentKit
import Foundation

/// A door kiosk's token. Only the token's SHA-256 is kept; the token itself is shown once, at creation.
public final class KioskTokenRecord: Model, @unchecked Sendable {
    public static let schema = "kiosk_tokens"

    @ID(key: .id) public var id: UUID?
    @Field(key: "event_id") public var eventID: UUID
    @Field(key: "organization_id") public var organizationID: UUID
    @Field(key: "station_name") public var stationName: String
    @Field(key: "token_hash") public var tokenHash: String
    /// `scan`, or `scan_search` (also attendee search and manual check-in, with personal data).
    @Field(key: "capabilities") public var capabilities: String
    @OptionalField(key: "created_by") public var createdBy: UUID?
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "revoked_at") public var revokedAt: Date?
    @OptionalField(key: "revoked_by") public var revokedBy: UUID?

    public init() {}

    public init(
        eventID: UUID, organizationID: UUID, stationName: String, tokenHash: String, capabilities: String,
        createdBy: UUID?,
        now: Date, expiresAt: Date
    ) {
        self.id = UUID.random()
        self.eventID = eventID
        self.organizationID = organizationID
        self.stationName = stationName
        self.tokenHash = tokenHash
        self.capabilities = capabilities
        self.createdBy = createdBy
        self.createdAt = now
        self.expiresAt = expiresAt
    }
}

/// One admission of a ticket to one session.
public final class CheckinRecord: Model, @unchecked Sendable {
    public static let schema = "checkins"

    @ID(key: .id) public var id: UUID?
    @Field(key: "event_id") public var eventID: UUID
    @Field(key: "ticket_id") public var ticketID: UUID
    @Field(key: "session_id") public var sessionID: UUID
    @OptionalField(key: "gate") public var gate: String?
    @OptionalField(key: "station") public var station: String?
    @OptionalField(key: "kiosk_id") public var kioskID: UUID?
    @OptionalField(key: "user_id") public var userID: UUID?
    @OptionalField(key: "nonce") public var nonce: String?
    /// `scan`, `manual` or `offline`.
    @Field(key: "method") public var method: String
    @Field(key: "scanned_at") public var scannedAt: Date
    @Field(key: "recorded_at") public var recordedAt: Date

    public init() {}
}
