import Foundation
import SQLKit
import Testing

@testable import Persistence

/// Row types read their columns through `SnakeCaseRowDecoder`, which must name the columns SQLKit's
/// `.convertFromSnakeCase` would (the rule the row types were written for), and read absent or NULL columns as nil.
@Suite struct SnakeCaseRowsTests {
    /// A row that answers every column (as NULL) and remembers which were asked.
    final class AskedColumns: SQLRow, @unchecked Sendable {
        var asked: [String] = []
        var allColumns: [String] { asked }
        func contains(column: String) -> Bool {
            asked.append(column)
            return true
        }
        func decodeNil(column: String) throws -> Bool {
            asked.append(column)
            return true
        }
        func decode<D: Decodable>(column: String, as: D.Type) throws -> D {
            throw DecodingError.valueNotFound(D.self, .init(codingPath: [], debugDescription: column))
        }
    }

    struct Names: Decodable {
        enum CodingKeys: String, CodingKey, CaseIterable {
            case id, eventId, eventID, startsAt, sessionUuids, a, amountMinor, checkedInAt, x1Y2
            case urlPath = "URLPath"
            case aBc = "ABc"
        }
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            for key in CodingKeys.allCases { _ = try container.decodeIfPresent(String.self, forKey: key) }
        }
    }

    @Test func namesTheColumnsSQLKitsStrategyNames() throws {
        let sqlKits = AskedColumns()
        _ = try sqlKits.decode(model: Names.self, keyDecodingStrategy: .convertFromSnakeCase)
        let ours = AskedColumns()
        _ = try ours.decode(row: Names.self)
        func once(_ names: [String]) -> [String] {
            names.enumerated().filter { names.firstIndex(of: $1) == $0 }.map(\.1)
        }
        let expected = once(sqlKits.asked)
        #expect(once(ours.asked) == expected)
        #expect(expected.contains("event_id") && expected.contains("event_iD") && expected.contains("starts_at"))
        for key in Names.CodingKeys.allCases {
            #expect(expected.contains(SnakeCaseRowDecoder.snakeCase(key.stringValue)), "\(key)")
        }
    }

    /// One lookup for NULL and one for the value, where SQLKit's strategy asks three times for an optional column.
    @Test func readsAnOptionalColumnWithoutAskingWhetherItExists() throws {
        let row = AskedColumns()
        _ = try row.decode(row: Names.self)
        #expect(row.asked.count == Names.CodingKeys.allCases.count)
    }
}
