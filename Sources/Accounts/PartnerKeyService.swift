import Audit
public import Domain
import FluentKit
public import Foundation
public import HTTPCore
public import Hummingbird
import Identity
public import Persistence
public import WireTypes

/// Partner keys of an organization: its owners (and admins) make one per partner app, see them listed (never the key
/// again), and revoke them; a revoked key stops working on its next request.
public struct PartnerKeyService: Sendable {
    let store: DatabaseStore
    let authorizer = Authorizer()
    let audit = AuditTrail()

    public init(store: DatabaseStore) {
        self.store = store
    }

    public func create(
        in organizationID: UUID, name: String, by principal: Principal, now: Date, request: RequestMetadata
    ) async throws -> Components.Schemas.PartnerKeyCreated {
        let user = try await authorize(organizationID, by: principal)
        var problems = FieldProblems()
        let name = problems.requireText(name, "name", lengths: 1...100, singleLine: true)
        try problems.throwIfAny()
        let key = PartnerKeys.generate()
        let record = PartnerKeyRecord(
            organizationID: organizationID, name: name, keyHash: OpaqueToken.hash(key),
            keyPrefix: String(key.prefix(PartnerKeys.prefix.count + 6)), createdBy: user?.id, now: now)
        try await store.transaction { db in
            try await record.create(on: db)
            try await audit.record(
                AuditEntry(
                    actor: AuditActor(principal), action: "partner_key.created", targetType: "partner_key",
                    targetID: try record.requireID().uuidString, organizationID: organizationID,
                    details: ["name": .string(name)]),
                from: request, at: now, on: db)
        }
        return Components.Schemas.PartnerKeyCreated(partnerKey: Components.Schemas.PartnerKey(record), key: key)
    }

    public func list(in organizationID: UUID, by principal: Principal) async throws -> [Components.Schemas.PartnerKey] {
        _ = try await authorize(organizationID, by: principal)
        return try await PartnerKeyRecord.query(on: store.database()).filter(\.$organizationID == organizationID)
            .sort(\.$createdAt).all().map(Components.Schemas.PartnerKey.init)
    }

    public func revoke(
        _ keyID: UUID, in organizationID: UUID, by principal: Principal, now: Date, request: RequestMetadata
    ) async throws {
        _ = try await authorize(organizationID, by: principal)
        try await store.transaction { db in
            guard let record = try await PartnerKeyRecord.find(keyID, on: db), record.organizationID == organizationID
            else { throw HTTPFailure.notFound("No such partner key.") }
            guard record.revokedAt == nil else { return }
            record.revokedAt = now
            try await record.update(on: db)
            try await audit.record(
                AuditEntry(
                    actor: AuditActor(principal), action: "partner_key.revoked", targetType: "partner_key",
                    targetID: keyID.uuidString, organizationID: organizationID,
                    details: ["name": .string(record.name)]),
                from: request, at: now, on: db)
        }
    }

    /// Owners and admins manage an organization's partner keys.
    private func authorize(_ organizationID: UUID, by principal: Principal) async throws -> UserIdentity? {
        let db = store.database()
        guard try await OrganizationRecord.find(organizationID, on: db) != nil else {
            throw AccountsError.organizationNotFound
        }
        return try await authorizer.require(
            .organizationUpdate, on: .organization(organizationID), by: principal, database: db)
    }
}
