import Domain
import FluentKit
import Foundation
import HTTPCore
import Hummingbird
import Identity
public import Persistence

/// Reads the audit trail, for whoever the access policy lets: the one place these reads are authorized.
public struct AuditLogReader: Sendable {
    let store: DatabaseStore
    let authorizer = Authorizer()

    public init(store: DatabaseStore) {
        self.store = store
    }

    func page(_ filter: AuditFilter, by principal: Principal) async throws -> AuditLogPage {
        let db = store.database()
        if let organizationID = filter.organizationID {
            try await authorizer.require(.auditRead, on: .organization(organizationID), by: principal, database: db)
        } else {
            try await authorizer.require(.platformAuditRead, on: .platform, by: principal, database: db)
        }
        return try await filter.page(on: db)
    }
}
