public import Domain
public import FluentKit
import Foundation
public import HTTPCore
import Persistence

/// Who an audit record is about: a principal, or the system itself (start-up, commands).
public enum AuditActor: Sendable, Equatable {
    case anonymous
    case system
    case user(UUID)
    /// A door kiosk; its station name goes into the record's details.
    case kiosk(UUID, station: String)
    /// A partner app, by its key; the key's name goes into the record's details.
    case partner(UUID, name: String)

    public init(_ principal: Principal) {
        switch principal {
        case .anonymous: self = .anonymous
        case .user(let user): self = .user(user.id)
        case .kiosk(let kiosk): self = .kiosk(kiosk.id, station: kiosk.stationName)
        case .system: self = .system
        case .partner(let partner): self = .partner(partner.keyID, name: partner.name)
        }
    }
}

/// Something worth recording: who did what to which target.
public struct AuditEntry: Sendable {
    public var actor: AuditActor
    public var action: String
    public var targetType: String
    public var targetID: String?
    public var organizationID: UUID?
    public var details: [String: JSONValue]

    public init(
        actor: AuditActor, action: String, targetType: String, targetID: String? = nil, organizationID: UUID? = nil,
        details: [String: JSONValue] = [:]
    ) {
        self.actor = actor
        self.action = action
        self.targetType = targetType
        self.targetID = targetID
        self.organizationID = organizationID
        self.details = details
    }
}

/// Appends to the audit log. Callers pass the database handle of their own transaction, so the record
/// commits or rolls back together with the change it describes.
public struct AuditTrail: Sendable {
    public init() {}

    public func record(_ entry: AuditEntry, from request: RequestMetadata, at now: Date, on database: any Database)
        async throws
    {
        var details = entry.details
        let (kind, actorID): (String, UUID?) =
            switch entry.actor {
            case .anonymous: ("anonymous", nil)
            case .system: ("system", nil)
            case .user(let id): ("user", id)
            case .kiosk(let id, _): ("kiosk", id)
            case .partner(let id, _): ("partner", id)
            }
        if case .kiosk(_, let station) = entry.actor { details["station"] = .string(station) }
        if case .partner(_, let name) = entry.actor { details["partner"] = .string(name) }
        let encodedDetails = String(decoding: try JSONCoding.encoder.encode(details), as: UTF8.self)
        try await AuditLogRecord(
            occurredAt: now, actorKind: kind, actorID: actorID,
            action: entry.action, targetType: entry.targetType, targetID: entry.targetID,
            organizationID: entry.organizationID, ip: request.ip, userAgent: request.userAgent,
            requestID: request.requestID.isEmpty ? nil : request.requestID, details: encodedDetails
        ).create(on: database)
    }
}
