import Domain
public import FluentKit
import Foundation
public import HTTPCore
public import Hummingbird
import Identity
import Persistence

/// One audit record as the API shows it.
public struct AuditLogDTO: Codable, Sendable, Equatable {
    public var id: UUID
    public var occurredAt: Date
    public var actorKind: String
    public var actorId: UUID?
    public var action: String
    public var targetType: String
    public var targetId: String?
    public var organizationId: UUID?
    public var ip: String?
    public var userAgent: String?
    public var requestId: String?
    public var details: [String: JSONValue]
}

public struct AuditLogPage: Codable, Sendable, ResponseEncodable {
    public var items: [AuditLogDTO]
    public var page: Int
    public var perPage: Int
    public var total: Int
}

/// `GET /api/admin/audit-logs`: admins read everything; an organization's owners read its own trail
/// by passing `organizationId`.
public struct AuditRoutes: Sendable {
    let reader: AuditLogReader

    public init(reader: AuditLogReader) {
        self.reader = reader
    }

    public func register(on router: some RouterMethods<AppRequestContext>) {
        let users = router.group(context: UserRequestContext.self)
        users.get("/api/admin/audit-logs") { request, context in
            try await reader.page(try AuditFilter(QueryReader(request, context: context)), by: context.identity)
        }
    }
}

struct AuditFilter {
    var actorID: UUID?
    var action: String?
    var targetType: String?
    var targetID: String?
    var organizationID: UUID?
    var from: Date?
    var to: Date?
    var page = 1
    var perPage = 50

    init(_ query: QueryReader) throws {
        var reader = query
        actorID = reader.uuid("actorId")
        organizationID = reader.uuid("organizationId")
        action = reader.string("action")
        targetType = reader.string("targetType")
        targetID = reader.string("targetId")
        from = reader.date("from")
        to = reader.date("to")
        page = reader.integerOrDefault("page")
        perPage = reader.integerOrDefault("perPage")
        try reader.throwIfAny()
    }

    func page(on db: any Database) async throws -> AuditLogPage {
        var query = AuditLogRecord.query(on: db)
        if let actorID { query = query.filter(\.$actorID == actorID) }
        if let action { query = query.filter(\.$action == action) }
        if let targetType { query = query.filter(\.$targetType == targetType) }
        if let targetID { query = query.filter(\.$targetID == targetID) }
        if let organizationID { query = query.filter(\.$organizationID == organizationID) }
        if let from { query = query.filter(\.$occurredAt >= from) }
        if let to { query = query.filter(\.$occurredAt < to) }
        let total = try await query.copy().count()
        let records = try await query.sort(\.$occurredAt, .descending).sort(\.$id)
            .range(lower: (page - 1) * perPage, upper: page * perPage - 1).all()
        return AuditLogPage(
            items: records.map { record in
                AuditLogDTO(
                    id: record.id!, occurredAt: record.occurredAt, actorKind: record.actorKind, actorId: record.actorID,
                    action: record.action, targetType: record.targetType, targetId: record.targetID,
                    organizationId: record.organizationID, ip: record.ip, userAgent: record.userAgent,
                    requestId: record.requestID,
                    details: (try? JSONCoding.decoder.decode([String: JSONValue].self, from: Data(record.details.utf8)))
                        ?? [:])
            },
            page: page, perPage: perPage, total: total)
    }
}
