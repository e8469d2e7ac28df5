import Audit
public import Domain
public import FluentKit
import Foundation
public import HTTPCore
import Identity
import Outbox
public import Persistence
public import WireTypes

/// Organizations, their members and roles, and staff assignments to events.
public struct OrganizationService: Sendable {
    let store: DatabaseStore
    let authorizer = Authorizer()
    let audit = AuditTrail()

    public init(store: DatabaseStore) {
        self.store = store
    }

    /// Creates an organization; its creator becomes its first owner.
    public func create(name: String?, slug: String?, by principal: Principal, now: Date, request: RequestMetadata)
        async throws -> Components.Schemas.Organization
    {
        let db = store.database()
        guard let user = try await authorizer.require(.organizationCreate, on: .platform, by: principal, database: db)
        else {
            throw HTTPFailure.unauthorized("Sign in first.")
        }
        var problems = FieldProblems()
        let name = problems.requireText(name ?? "", "name", lengths: 2...100, singleLine: true)
        if let slug {
            problems.require(Slug.isValid(slug), "slug", "must be 3 to 60 lower-case letters, digits or inner hyphens")
        }
        try problems.throwIfAny()

        let organization = try await store.transaction { db in
            let chosen = try await availableSlug(requested: slug, name: name, on: db)
            let organization = OrganizationRecord(name: name, slug: chosen, now: now)
            try await organization.create(on: db)
            let organizationID = try organization.requireID()
            try await MembershipRecord(
                organizationID: organizationID, userID: user.id, role: OrganizationRole.owner.rawValue, now: now
            )
            .create(on: db)
            try await Outbox.enqueue(
                MemberChanged(organizationId: organizationID, userId: user.id, change: "added"), now: now, on: db)
            try await audit.record(
                AuditEntry(
                    actor: .user(user.id), action: "organization.created", targetType: "organization",
                    targetID: organizationID.uuidString, organizationID: organizationID,
                    details: ["slug": .string(chosen)]),
                from: request, at: now, on: db)
            return organization
        }
        return Components.Schemas.Organization(organization, role: .owner)
    }

    /// The organizations the user belongs to, with their role in each.
    public func listMine(_ user: UserIdentity) async throws -> [Components.Schemas.Organization] {
        let db = store.database()
        let memberships = try await MembershipRecord.query(on: db).filter(\.$userID == user.id).all()
        let roles = Dictionary(
            memberships.map { ($0.organizationID, $0.role) }, uniquingKeysWith: { first, _ in first })
        let organizations = try await OrganizationRecord.query(on: db).filter(\.$id ~~ Array(roles.keys)).sort(\.$name)
            .all()
        return organizations.map {
            Components.Schemas.Organization($0, role: roles[$0.id!].flatMap(OrganizationRole.init(rawValue:)))
        }
    }

    /// The origins allowed to frame the organization's embeds.
    public func embedding(of id: UUID, by principal: Principal) async throws -> Components.Schemas.Embedding {
        let db = store.database()
        let organization = try await existing(id, on: db)
        try await authorizer.require(.organizationRead, on: .organization(id), by: principal, database: db)
        return Components.Schemas.Embedding(allowedOrigins: EmbedOrigins.list(organization.embedOrigins))
    }

    /// Replaces the origins allowed to frame the organization's embeds (owners): each an `https` origin (or `http`
    /// on localhost, for development), twenty at most.
    func setEmbedding(
        of id: UUID, allowedOrigins origins: [String], by principal: Principal, now: Date, request: RequestMetadata
    ) async throws -> Components.Schemas.Embedding {
        let db = store.database()
        _ = try await existing(id, on: db)
        try await authorizer.require(.organizationUpdate, on: .organization(id), by: principal, database: db)
        var problems = FieldProblems()
        for (index, origin) in origins.enumerated() {
            problems.require(
                EmbedOrigins.isValid(origin), "allowedOrigins[\(index)]",
                "must be an origin such as https://tickets.example.org (http only for localhost)")
        }
        try problems.throwIfAny()
        let unique = origins.reduce(into: [String]()) { list, origin in
            if !list.contains(origin.lowercased()) { list.append(origin.lowercased()) }
        }
        return try await store.transaction { db in
            guard let organization = try await OrganizationRecord.find(id, on: db) else {
                throw AccountsError.organizationNotFound
            }
            organization.embedOrigins = unique.joined(separator: " ")
            organization.updatedAt = now
            try await organization.update(on: db)
            try await audit.record(
                AuditEntry(
                    actor: AuditActor(principal), action: "organization.embedding.updated", targetType: "organization",
                    targetID: id.uuidString, organizationID: id,
                    details: ["allowedOrigins": .array(unique.map(JSONValue.string))]),
                from: request, at: now, on: db)
            return Components.Schemas.Embedding(allowedOrigins: unique)
        }
    }

    public func get(_ id: UUID, by principal: Principal) async throws -> Components.Schemas.Organization {
        let db = store.database()
        let organization = try await existing(id, on: db)
        try await authorizer.require(.organizationRead, on: .organization(id), by: principal, database: db)
        let role: OrganizationRole? =
            if case .user(let user) = principal {
                try await StandingQuery.load(userID: user.id, organizationID: id, on: db).membership
            } else { nil }
        return Components.Schemas.Organization(organization, role: role)
    }

    public func members(of id: UUID, by principal: Principal) async throws -> [Components.Schemas.Member] {
        let db = store.database()
        _ = try await existing(id, on: db)
        try await authorizer.require(.membersRead, on: .organization(id), by: principal, database: db)
        return try await memberList(id, on: db)
    }

    public func addMember(
        to id: UUID, email rawEmail: String, role: OrganizationRole, by principal: Principal, now: Date,
        request: RequestMetadata
    ) async throws -> Components.Schemas.Member {
        let db = store.database()
        _ = try await existing(id, on: db)
        try await authorizer.require(.membersManage, on: .organization(id), by: principal, database: db)
        guard let email = EmailAddress(rawEmail) else {
            throw HTTPFailure.validationFailed(FieldProblems("email", "is not a valid email address"))
        }

        return try await store.transaction { db in
            try await RowLocks.lockOrganization(id, on: db)
            guard let user = try await UserRecord.query(on: db).filter(\.$email == email.value).first() else {
                throw AccountsError.userNotFound(email: email.value)
            }
            let userID = try user.requireID()
            if try await membership(of: userID, in: id, on: db) != nil { throw AccountsError.alreadyMember }
            try await MembershipRecord(organizationID: id, userID: userID, role: role.rawValue, now: now).create(
                on: db)
            try await Outbox.enqueue(
                MemberChanged(organizationId: id, userId: userID, change: "added"), now: now, on: db)
            try await audit.record(
                AuditEntry(
                    actor: AuditActor(principal), action: "organization.member.added", targetType: "user",
                    targetID: userID.uuidString, organizationID: id, details: ["role": .string(role.rawValue)]),
                from: request, at: now, on: db)
            return try await member(userID, of: id, on: db)
        }
    }

    public func changeRole(
        in id: UUID, of userID: UUID, to role: OrganizationRole, by principal: Principal, now: Date,
        request: RequestMetadata
    ) async throws -> Components.Schemas.Member {
        let db = store.database()
        _ = try await existing(id, on: db)
        try await authorizer.require(.membersManage, on: .organization(id), by: principal, database: db)

        return try await store.transaction { db in
            try await RowLocks.lockOrganization(id, on: db)
            guard let membership = try await membership(of: userID, in: id, on: db) else {
                throw AccountsError.memberNotFound
            }
            let previous = membership.role
            if previous == OrganizationRole.owner.rawValue, role != .owner, try await ownerCount(id, on: db) <= 1 {
                throw AccountsError.lastOwner
            }
            membership.role = role.rawValue
            try await membership.update(on: db)
            if role != .staff {
                try await StaffAssignmentRecord.query(on: db)
                    .filter(\.$organizationID == id).filter(\.$userID == userID).delete()
            }
            try await Outbox.enqueue(
                MemberChanged(organizationId: id, userId: userID, change: "role_changed"), now: now, on: db)
            try await audit.record(
                AuditEntry(
                    actor: AuditActor(principal), action: "organization.member.role_changed", targetType: "user",
                    targetID: userID.uuidString, organizationID: id,
                    details: ["from": .string(previous), "to": .string(role.rawValue)]),
                from: request, at: now, on: db)
            return try await member(userID, of: id, on: db)
        }
    }

    public func removeMember(
        from id: UUID, userID: UUID, by principal: Principal, now: Date, request: RequestMetadata
    ) async throws {
        let db = store.database()
        _ = try await existing(id, on: db)
        try await authorizer.require(.membersManage, on: .organization(id), by: principal, database: db)
        try await store.transaction { db in
            try await RowLocks.lockOrganization(id, on: db)
            guard let membership = try await membership(of: userID, in: id, on: db) else {
                throw AccountsError.memberNotFound
            }
            if membership.role == OrganizationRole.owner.rawValue, try await ownerCount(id, on: db) <= 1 {
                throw AccountsError.lastOwner
            }
            try await StaffAssignmentRecord.query(on: db).filter(\.$organizationID == id).filter(\.$userID == userID)
                .delete()
            try await membership.delete(on: db)
            try await Outbox.enqueue(
                MemberChanged(organizationId: id, userId: userID, change: "removed"), now: now, on: db)
            try await audit.record(
                AuditEntry(
                    actor: AuditActor(principal), action: "organization.member.removed", targetType: "user",
                    targetID: userID.uuidString, organizationID: id, details: ["role": .string(membership.role)]),
                from: request, at: now, on: db)
        }
    }

    /// Replaces the set of events a staff member works at.
    public func assignEvents(
        in id: UUID, userID: UUID, eventIDs: [UUID], by principal: Principal, now: Date, request: RequestMetadata
    ) async throws -> Components.Schemas.Member {
        let db = store.database()
        _ = try await existing(id, on: db)
        try await authorizer.require(.staffAssign, on: .organization(id), by: principal, database: db)
        let wanted = Set(eventIDs)
        return try await store.transaction { db in
            try await RowLocks.lockOrganization(id, on: db)
            guard let membership = try await membership(of: userID, in: id, on: db) else {
                throw AccountsError.memberNotFound
            }
            guard membership.role == OrganizationRole.staff.rawValue else { throw AccountsError.notStaff }
            let known = Set(
                try await EventRecord.query(on: db).filter(\.$organizationID == id).filter(\.$id ~~ Array(wanted)).all(
                    \.$id
                )
                .compactMap { $0 })
            let unknown = wanted.subtracting(known)
            guard unknown.isEmpty else {
                throw HTTPFailure.unprocessable(
                    FieldProblems(
                        "eventIds",
                        "names events this organization does not have: \(unknown.map(\.uuidString).sorted().joined(separator: ", "))"
                    ))
            }
            try await StaffAssignmentRecord.query(on: db).filter(\.$organizationID == id).filter(\.$userID == userID)
                .delete()
            for eventID in wanted.sorted(by: { $0.uuidString < $1.uuidString }) {
                try await StaffAssignmentRecord(organizationID: id, userID: userID, eventID: eventID, now: now).create(
                    on: db)
            }
            try await Outbox.enqueue(
                MemberChanged(organizationId: id, userId: userID, change: "events_assigned"), now: now, on: db)
            try await audit.record(
                AuditEntry(
                    actor: AuditActor(principal), action: "organization.staff.assigned", targetType: "user",
                    targetID: userID.uuidString, organizationID: id,
                    details: ["eventIds": .array(wanted.map { .string($0.uuidString) })]),
                from: request, at: now, on: db)
            return try await member(userID, of: id, on: db)
        }
    }

    // MARK: Helpers

    private func existing(_ id: UUID, on db: any Database) async throws -> OrganizationRecord {
        guard let organization = try await OrganizationRecord.find(id, on: db) else {
            throw AccountsError.organizationNotFound
        }
        return organization
    }

    private func membership(of userID: UUID, in id: UUID, on db: any Database) async throws -> MembershipRecord? {
        try await MembershipRecord.query(on: db).filter(\.$organizationID == id).filter(\.$userID == userID).first()
    }

    private func ownerCount(_ id: UUID, on db: any Database) async throws -> Int {
        try await MembershipRecord.query(on: db)
            .filter(\.$organizationID == id).filter(\.$role == OrganizationRole.owner.rawValue).count()
    }

    private func member(_ userID: UUID, of id: UUID, on db: any Database) async throws -> Components.Schemas.Member {
        guard let member = try await memberList(id, userIDs: [userID], on: db).first else {
            throw AccountsError.memberNotFound
        }
        return member
    }

    /// Members with their accounts and staff events, in three queries whatever the size.
    private func memberList(_ id: UUID, userIDs: [UUID]? = nil, on db: any Database) async throws -> [Components.Schemas
        .Member]
    {
        var query = MembershipRecord.query(on: db).filter(\.$organizationID == id)
        if let userIDs { query = query.filter(\.$userID ~~ userIDs) }
        let memberships = try await query.all()
        let ids = memberships.map(\.userID)
        let users = Dictionary(
            try await UserRecord.query(on: db).filter(\.$id ~~ ids).all().map { (try $0.requireID(), $0) },
            uniquingKeysWith: { a, _ in a })
        let assignments = Dictionary(
            grouping: try await StaffAssignmentRecord.query(on: db).filter(\.$organizationID == id).filter(
                \.$userID ~~ ids
            ).all(),
            by: \.userID)
        return memberships.compactMap { membership in
            guard let user = users[membership.userID] else { return nil }
            guard let role = OrganizationRole(rawValue: membership.role) else { return nil }
            return Components.Schemas.Member(
                joinedAt: membership.createdAt,
                assignedEventIds: (assignments[membership.userID] ?? []).map(\.eventID.uuidString).sorted(),
                userId: membership.userID.uuidString, role: role.memberWire, displayName: user.displayName,
                email: user.email)
        }.sorted { ($0.role.rawValue, $0.email) < ($1.role.rawValue, $1.email) }
    }

    private func availableSlug(requested: String?, name: String, on db: any Database) async throws -> String {
        if let requested {
            guard try await OrganizationRecord.query(on: db).filter(\.$slug == requested).first() == nil else {
                throw AccountsError.slugTaken(requested)
            }
            return requested
        }
        let base = Slug.make(from: name)
        var candidate = base
        while try await OrganizationRecord.query(on: db).filter(\.$slug == candidate).first() != nil {
            candidate = "\(base)-\(OpaqueToken.generate().lowercased().filter(\.isLetter).prefix(4))"
        }
        return candidate
    }
}

/// URL-safe organization identifiers.
enum Slug {
    static func isValid(_ slug: String) -> Bool {
        (3...60).contains(slug.count) && slug.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
            && !slug.hasPrefix("-") && !slug.hasSuffix("-")
    }

    static func make(from name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        let words = folded.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        var slug = String(words.joined(separator: "-").prefix(60))
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.count >= 3
            ? slug
            : "org-\(slug.isEmpty ? "" : slug + "-")\(OpaqueToken.generate().lowercased().filter(\.isLetter).prefix(4))"
    }
}
