import Audit
public import Domain
import FluentKit
public import Foundation
public import HTTPCore
import HTTPTypes
import Identity
public import Persistence
public import Storage
public import WireTypes

/// Organizations' logos: uploaded by their owners, kept in the blob store, shown to anyone (event pages, emails and
/// embeds link `GET /api/organizations/{id}/logo`). The database holds only the key; the bytes are the store's.
public struct OrganizationLogos: Sendable {
    let store: DatabaseStore
    /// Nil when the installation keeps no files (`STORAGE_DIR` or `S3_*` unset): uploads are refused.
    let blobs: (any BlobStore)?
    let authorizer = Authorizer()
    let audit = AuditTrail()

    /// A logo is a small image: 1 MiB at most (and never more than `MAX_BODY_SIZE`).
    public static let maxBytes = 1 << 20
    /// How long a logo's link stays good; browsers and mail clients fetch it again through the stable URL.
    static let linkLifetime: TimeInterval = 3600

    public init(store: DatabaseStore, blobs: (any BlobStore)?) {
        self.store = store
        self.blobs = blobs
    }

    /// Replaces the logo (owners): PNG, JPEG or WebP, recognised by its first bytes whatever the `Content-Type`
    /// says. The old image is removed once the new one is in place.
    public func upload(
        to id: UUID, bytes: [UInt8], contentType: String?, by principal: Principal, now: Date,
        request: RequestMetadata
    ) async throws -> Components.Schemas.Organization {
        let db = store.database()
        guard try await OrganizationRecord.find(id, on: db) != nil else { throw AccountsError.organizationNotFound }
        try await authorizer.require(.organizationUpdate, on: .organization(id), by: principal, database: db)
        guard let blobs else { throw Self.noStorage }
        guard bytes.count <= Self.maxBytes else { throw HTTPFailure.payloadTooLarge(limitBytes: Self.maxBytes) }
        guard let image = ImageKind(sniffing: bytes) else {
            throw HTTPFailure.validationFailed(FieldProblems("body", "must be a PNG, JPEG or WebP image"))
        }
        if let contentType, !contentType.lowercased().hasPrefix(image.mediaType),
            contentType != "application/octet-stream"
        {
            throw HTTPFailure.validationFailed(
                FieldProblems("Content-Type", "says \(contentType) but the image is \(image.mediaType)"))
        }
        let suffix = Randomness.bytes(8).map { String(format: "%02x", $0) }.joined()
        let key = BlobKey("organizations/\(id.uuidString.lowercased())/logo-\(suffix).\(image.fileExtension)")!
        try await blobs.put(bytes, key: key, contentType: image.mediaType)
        let (organization, previous) = try await store.transaction { db in
            guard let organization = try await OrganizationRecord.find(id, on: db) else {
                throw AccountsError.organizationNotFound
            }
            let previous = organization.logoKey
            organization.logoKey = key.value
            organization.updatedAt = now
            try await organization.update(on: db)
            try await audit.record(
                AuditEntry(
                    actor: AuditActor(principal), action: "organization.logo.updated", targetType: "organization",
                    targetID: id.uuidString, organizationID: id,
                    details: ["bytes": .int(bytes.count), "type": .string(image.mediaType)]),
                from: request, at: now, on: db)
            return (organization, previous)
        }
        if let previous = previous.flatMap(BlobKey.init) { try? await blobs.delete(previous) }
        return Components.Schemas.Organization(organization, role: nil)
    }

    /// Removes the logo (owners).
    public func remove(from id: UUID, by principal: Principal, now: Date, request: RequestMetadata) async throws {
        let db = store.database()
        guard try await OrganizationRecord.find(id, on: db) != nil else { throw AccountsError.organizationNotFound }
        try await authorizer.require(.organizationUpdate, on: .organization(id), by: principal, database: db)
        let previous = try await store.transaction { db -> String? in
            guard let organization = try await OrganizationRecord.find(id, on: db) else {
                throw AccountsError.organizationNotFound
            }
            let previous = organization.logoKey
            organization.logoKey = nil
            organization.updatedAt = now
            try await organization.update(on: db)
            try await audit.record(
                AuditEntry(
                    actor: AuditActor(principal), action: "organization.logo.removed", targetType: "organization",
                    targetID: id.uuidString, organizationID: id),
                from: request, at: now, on: db)
            return previous
        }
        if let blobs, let previous = previous.flatMap(BlobKey.init) { try? await blobs.delete(previous) }
    }

    /// A short-lived link to the logo's bytes, for anyone: logos are public.
    public func link(of id: UUID, now: Date) async throws -> String {
        guard let organization = try await OrganizationRecord.find(id, on: store.database()) else {
            throw AccountsError.organizationNotFound
        }
        guard let blobs, let key = organization.logoKey.flatMap(BlobKey.init) else {
            throw HTTPFailure.notFound("This organization has no logo.")
        }
        return try blobs.signedURL(key, expiresAt: now.addingTimeInterval(Self.linkLifetime))
    }

    static let noStorage = HTTPFailure.serviceUnavailable(
        "This installation keeps no files: set STORAGE_DIR (a folder) or S3_BUCKET and its S3_* settings.")
}

/// The images BoxOffice accepts, told apart by their first bytes.
enum ImageKind {
    case png, jpeg, webp

    init?(sniffing bytes: [UInt8]) {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            self = .png
        } else if bytes.starts(with: [0xFF, 0xD8, 0xFF]) {
            self = .jpeg
        } else if bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8)
        {
            self = .webp
        } else {
            return nil
        }
    }

    var mediaType: String {
        switch self {
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .webp: "image/webp"
        }
    }

    var fileExtension: String {
        switch self {
        case .png: "png"
        case .jpeg: "jpg"
        case .webp: "webp"
        }
    }
}
