import BoxOfficeApp
import Domain
import Foundation
import HTTPCore
import Testing

/// The API document is the one statement of every request's shape: the server refuses a body by it before any handler
/// reads it. These tests hold the validator to the document: no keyword it would skip, no pattern it cannot read, and
/// answers that name the field in a client's words.
@Suite struct APIContractTests {
    let document = APIContract.shared.document

    @Test func everyKeywordOfTheDocumentIsEnforcedOrDescriptive() {
        var unknown = Set<String>()
        func walk(_ schema: JSONValue, _ place: String) {
            guard case .object(let rules) = schema else { return }
            for (keyword, rule) in rules {
                if !SchemaValidator.enforced.contains(keyword) && !SchemaValidator.descriptive.contains(keyword) {
                    unknown.insert("\(place): \(keyword)")
                }
                switch keyword {
                case "properties":
                    for (name, property) in rule.objectValue ?? [:] { walk(property, "\(place).\(name)") }
                case "items", "additionalProperties", "not": walk(rule, place)
                case "anyOf", "oneOf", "allOf": for option in rule.arrayValue ?? [] { walk(option, place) }
                default: break
                }
            }
        }
        for (name, schema) in document["components"]?["schemas"]?.objectValue ?? [:] { walk(schema, name) }
        for (path, item) in document["paths"]?.objectValue ?? [:] {
            for (method, operation) in item.objectValue ?? [:] {
                for (_, media) in operation["requestBody"]?["content"]?.objectValue ?? [:] {
                    walk(media["schema"] ?? .null, "\(method) \(path)")
                }
                for parameter in operation["parameters"]?.arrayValue ?? [] {
                    walk(parameter["schema"] ?? .null, "\(method) \(path) \(parameter["name"]?.stringValue ?? "")")
                }
            }
        }
        #expect(unknown.isEmpty, "keywords the validator does not know: \(unknown.sorted())")
    }

    @Test func everyPatternCompiles() throws {
        var patterns = Set<String>()
        func collect(_ value: JSONValue) {
            switch value {
            case .object(let members):
                if let pattern = members["pattern"]?.stringValue { patterns.insert(pattern) }
                members.values.forEach(collect)
            case .array(let items): items.forEach(collect)
            default: break
            }
        }
        collect(document)
        #expect(patterns.count > 5)
        for pattern in patterns {
            #expect((try? NSRegularExpression(pattern: pattern)) != nil, "\(pattern)")
        }
    }

    @Test func aBodyIsRefusedByTheDocumentInAClientsWords() throws {
        func problems(_ body: JSONValue, _ method: String, _ path: String) throws -> [String: String] {
            try #require(APIContract.shared.problems(ofBody: body, method: method, path: path)).byField
        }
        let hold = try problems(
            ["ticketTypeId": "nope", "quantity": 1.5, "colour": "red"], "POST", "/api/holds")
        #expect(hold["ticketTypeId"] == "must be a UUID")
        #expect(hold["quantity"] == "must be an integer")
        #expect(hold["colour"] == "is not a field of this request")
        #expect(try problems([:], "POST", "/api/holds")["ticketTypeId"] == "is required (or categoryId)")
        let huge = try problems(
            ["ticketTypeId": .string(UUID().uuidString), "quantity": .double(1e19)], "POST", "/api/holds")
        #expect(huge["quantity"] == "must be from 1 to 10")

        let event = try problems(
            ["title": "Rope\nWorkshop", "shortDescription": "<b>bold</b>", "eventType": "Party"], "PUT",
            "/api/events/{eventId}")
        #expect(event["title"] == FieldProblems.lineBreakProblem)
        #expect(event["shortDescription"] == PlainText.problem)
        #expect(event["eventType"]?.hasPrefix("must be one of ") == true)
        let control = try problems(["title": "Rope\u{0}"], "PUT", "/api/events/{eventId}")
        #expect(control["title"] == "must not contain control characters (other than tab, newline and carriage return)")
        // ECMA-262's `$` is the very end: a line break before it is not let through.
        #expect(try problems(["title": "Rope\n"], "PUT", "/api/events/{eventId}")["title"] != nil)
        #expect(try problems(["title": "Rope Workshop"], "PUT", "/api/events/{eventId}").isEmpty)
        // A hold names its ticket type by either name; with neither, both are said.
        let type = JSONValue.string(UUID().uuidString)
        #expect(try problems(["categoryId": type, "quantity": 1], "POST", "/api/holds").isEmpty)
        #expect(try problems(["quantity": 1], "POST", "/api/holds")["ticketTypeId"] == "is required (or categoryId)")
        // One-click unsubscribing may carry its token in the query and an empty JSON body.
        #expect(try problems([:], "POST", "/api/newsletter/unsubscribe").isEmpty)
        // Of several forms, the one the body began names what it lacks.
        #expect(try problems(["ticketTypeId": type], "POST", "/api/orders")["quantity"] == "is required")
        // One of two fields is required: the first is named, with the other.
        #expect(try problems([:], "POST", "/api/auth/login")["email"] == "is required (or username)")
        #expect(APIContract.shared.problems(ofBody: [:], method: "GET", path: "/api/holds/mine") == nil)
    }

    /// The Swift readings of the document's named patterns answer as ICU reads the patterns, for text of every kind
    /// (U+FEFF aside: ECMA-262's `\s`, which JSON Schema's patterns use, counts it as a space and ICU's does not).
    @Test func namedPatternsAreReadAsTheExpressionsRead() {
        let cache = PatternCache()
        let samples = [
            "", "Rope Workshop", "a<b", "a < b", "<b>bold</b>", "</p>", "<!-- x -->", "<?php", "end <", "5 <3",
            "two\nlines", "crlf\r\nline", "tab\there", "nul\u{0}", "bell\u{7}", "del\u{7F}", "c1\u{85}",
            "  ", " \t\n ", "\u{A0}", "\u{2028}", "\u{3000}", " x ", "Zoë & Ümit", "emoji 🎟️", "<3", "<<a",
        ]
        #expect(PatternReadings.readings.count == 5)
        for (pattern, reading) in PatternReadings.readings {
            for sample in samples {
                #expect(
                    reading(sample) == cache.icuMatches(sample, pattern), "\(pattern) on \(sample.debugDescription)")
            }
        }
        // Long text that ICU's backtracking gives up on is read in one pass.
        let policy = String(repeating: "Refunds until 48 hours before; a < b. ", count: 20_000)
        let document = APIContract.shared.document
        let plainText = document["x-patterns"]?["textWithoutMarkup"]?.stringValue ?? ""
        #expect(cache.matches(policy, plainText))
    }
}
