import Domain
import HTTPCore
import Testing

/// Where the document's enumeration is the only check of a value the server then reads into a domain type, the two
/// must list the same values: a value the document takes that the domain lacks would be read as nothing.
@Suite struct DocumentEnumerationTests {
    let document = APIContract.shared.document

    func values(_ schema: JSONValue?) -> Set<String> {
        Set((schema?["enum"]?.arrayValue ?? []).compactMap(\.stringValue))
    }

    func queryEnumeration(_ name: String, get path: String) -> Set<String> {
        values(APIContract.shared.parameters(in: "query", method: "GET", path: path)[name])
    }

    @Test func theEmailLogTakesEveryEmailTopicAndNoOther() {
        let email = Set(OutboxTopic.allCases.map(\.rawValue).filter { $0.hasPrefix("email.") })
        #expect(queryEnumeration("topic", get: "/api/admin/emails") == email)
    }

    @Test func anEventsTypeAndStatusAreTheDomains() {
        let schemas = document["components"]?["schemas"]
        let types = Set(EventType.allCases.map(\.rawValue))
        let statuses = Set(EventStatus.allCases.map(\.rawValue))
        #expect(values(schemas?["CreateEventRequest"]?["properties"]?["eventType"]) == types)
        #expect(values(schemas?["UpdateEventRequest"]?["properties"]?["eventType"]) == types)
        #expect(values(schemas?["UpdateEventRequest"]?["properties"]?["status"]) == statuses)
    }
}
