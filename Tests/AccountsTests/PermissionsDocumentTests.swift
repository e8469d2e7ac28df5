import Domain
import Foundation
import Testing

/// docs/permissions.md is the table of AccessPolicy; this keeps the two identical.
@Suite struct PermissionsDocumentTests {
    @Test func everyCellOfTheTableIsWhatThePolicyDecides() throws {
        let table = try PermissionsTable.load()
        #expect(Set(table.rows.keys) == Set(Action.allCases.map(\.rawValue)), "every action has exactly one row")
        for action in Action.allCases {
            let row = try #require(table.rows[action.rawValue])
            for (column, cell) in row.cells {
                let expected = PermissionsTable.Cell(cell)
                let organization = UUID()
                let assignedEvent = UUID()
                let resource: Resource =
                    switch action {
                    case .eventRead, .eventManage, .eventCheckIn:
                        .event(organizationID: organization, eventID: assignedEvent)
                    case .organizationCreate, .platformAuditRead, .outboxManage: .platform
                    case .accountRead, .accountUpdate: .ownAccount
                    default: .organization(organization)
                    }
                let (principal, standing) = PermissionsTable.actor(column, assignedTo: assignedEvent)
                let decision = AccessPolicy.decide(principal, action, on: resource, standing: standing)
                switch expected {
                case .allow, .assigned:
                    #expect(decision == .allow, "\(action.rawValue) / \(column)")
                case .deny:
                    #expect(decision == .deny, "\(action.rawValue) / \(column)")
                case .signIn:
                    #expect(decision == .unauthenticated, "\(action.rawValue) / \(column)")
                }
                if expected == .assigned, case .event(let org, _) = resource {
                    let elsewhere = AccessPolicy.decide(
                        principal, action, on: .event(organizationID: org, eventID: UUID()), standing: standing)
                    #expect(elsewhere == .deny, "\(action.rawValue) / \(column) on an event not assigned")
                }
            }
        }
    }

    @Test func adminsMayDoEverythingAndAnonymousNothing() {
        let admin = Principal.user(UserIdentity(id: UUID(), role: .admin))
        for action in Action.allCases {
            #expect(AccessPolicy.decide(admin, action, on: .organization(UUID())) == .allow)
            #expect(AccessPolicy.decide(.anonymous, action, on: .organization(UUID())) == .unauthenticated)
        }
    }
}

/// The permissions table of docs/permissions.md, parsed.
struct PermissionsTable {
    enum Cell: Equatable {
        case allow, deny, signIn, assigned

        init(_ text: String) {
            switch text {
            case "yes": self = .allow
            case "401": self = .signIn
            case "assigned": self = .assigned
            default: self = .deny
            }
        }
    }

    struct Row {
        var routes: [String]
        var cells: [String: String]
    }

    static let columns = ["anonymous", "member", "viewer", "staff", "organizer", "owner", "admin"]
    var rows: [String: Row] = [:]

    static func load() throws -> PermissionsTable {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/permissions.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        var table = PermissionsTable()
        var header: [String]?
        for line in text.split(separator: "\n") where line.hasPrefix("|") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if header == nil {
                header = cells
                continue
            }
            guard let header, !cells[0].hasPrefix("---") else { continue }
            let routes = cells[1].split(separator: ",").map {
                $0.trimmingCharacters(in: CharacterSet(charactersIn: " `"))
            }
            .filter { !$0.isEmpty }
            var values: [String: String] = [:]
            for (name, value) in zip(header, cells) where columns.contains(name) { values[name] = value }
            table.rows[cells[0]] = Row(routes: routes, cells: values)
        }
        return table
    }

    /// The principal and standing a column stands for.
    static func actor(_ column: String, assignedTo event: UUID) -> (Principal, Standing) {
        let user = Principal.user(UserIdentity(id: UUID(), role: column == "admin" ? .admin : .member))
        switch column {
        case "anonymous": return (.anonymous, .none)
        case "member", "admin": return (user, .none)
        case "staff": return (user, Standing(membership: .staff, assignedEventIDs: [event]))
        default: return (user, Standing(membership: OrganizationRole(rawValue: column)))
        }
    }
}
