import BoxOfficeApp
import Foundation
import HTTPCore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

/// Every endpoint with a body refuses a field it does not know, naming it: the test walks the API document's request
/// schemas, builds for each operation a body with its required fields and one unknown field, and sends it as a caller
/// allowed to reach the body (an admin; a kiosk for the kiosk routes).
@Suite struct StrictBodyTests {
    let document = BoxOffice.documentation

    @Test func everyBodyRefusesAnUnknownFieldByName() async throws {
        try await withApp { app in
            let admin = try await app.signInAdmin()
            let fixture = try await CatalogFixture.make(app)
            let event = try await fixture.createEvent("Strict")
            let kiosk = try await app.client.send(
                .post, "/api/events/\(event.eventId)/kiosk-tokens", headers: fixture.headers,
                json: ["stationName": "North door"])
            let kioskToken = try #require(try kiosk.json()["token"]?.stringValue)
            var checked = 0
            for (path, item) in document["paths"]?.objectValue ?? [:] {
                // A webhook's body is the processor's event, signed as sent: its fields are the processor's to choose.
                for (method, operation) in item.objectValue ?? [:] where !path.hasPrefix("/api/webhook") {
                    guard let schema = operation["requestBody"]?["content"]?["application/json"]?["schema"] else {
                        continue
                    }
                    var body = example(schema)
                    guard case .object(var fields) = body else {
                        Issue.record("\(method) \(path): body is not an object")
                        continue
                    }
                    fields["zzNotAField"] = true
                    body = .object(fields)
                    let uri = path.replacingOccurrences(
                        of: #"\{[^}]+\}"#, with: UUID().uuidString, options: .regularExpression)
                    let token = path.hasPrefix("/api/kiosk") ? kioskToken : admin.accessToken
                    let response = try await app.client.send(
                        HTTPRequest.Method(rawValue: method.uppercased())!, uri,
                        headers: [.authorization: "Bearer \(token)"], json: body)
                    let named = try? response.json()["error"]?["details"]?["fields"]?["zzNotAField"]
                    #expect(
                        response.status == .badRequest && named != nil,
                        "\(method.uppercased()) \(path): \(response.status) \(response.text)")
                    checked += 1
                }
            }
            #expect(checked >= 28, "every operation with a body was tried (\(checked))")
        }
    }

    /// Extreme numbers pass through the unknown-field check unharmed (it once converted `Int.max` through a `Double`
    /// and trapped), and reach the endpoint's own validation.
    @Test func extremeNumbersAreValidatedNotFatal() async throws {
        try await withApp { app in
            for quantity: JSONValue in [.int(Int.max), .int(Int.min), .double(1e308), .double(-0.5)] {
                let response = try await app.client.send(
                    .post, "/api/holds",
                    json: ["ticketTypeId": .string(UUID().uuidString), "quantity": quantity] as [String: JSONValue])
                #expect([400, 404].contains(response.status.code), "\(quantity): \(response.status) \(response.text)")
            }
        }
    }

    /// A number an integer field cannot hold used to fail the whole body as "not valid JSON": now the field is named,
    /// in any body, at any depth, by the document's bounds (a field's own, or those of a 64-bit integer).
    @Test func anIntegerOutOfRangeIsNamed() async throws {
        try await withApp { app in
            let json: HTTPFields = [.contentType: "application/json"]
            let hold = try await app.client.send(
                .post, "/api/holds", headers: json,
                raw: #"{"ticketTypeId": "\#(UUID().uuidString)", "quantity": 9223372036854775808}"#)
            #expect(hold.status == .badRequest, "\(hold.text)")
            let fields = try hold.json()["error"]?["details"]?["fields"]
            #expect(fields?["quantity"] == "must be from 1 to 10", "\(hold.text)")
            #expect(fields?["body"] == nil)

            let fixture = try await CatalogFixture.make(app)
            let event = try await fixture.createEvent("Numbers")
            var headers = fixture.headers
            headers[.contentType] = "application/json"
            let order = try await app.client.send(
                .put, "/api/events/\(event.eventId)/ticket-types/\(UUID())", headers: headers,
                raw: #"{"sortOrder": -9223372036854775809}"#)
            #expect(order.status == .badRequest)
            #expect(
                try order.json()["error"]?["details"]?["fields"]?["sortOrder"]
                    == "must be an integer from -9223372036854775808 to 9223372036854775807", "\(order.text)")
            let fraction = try await app.client.send(
                .put, "/api/events/\(event.eventId)/reminders", headers: headers, raw: #"{"offsetsMinutes": [60, 1.5]}"#
            )
            #expect(
                try fraction.json()["error"]?["details"]?["fields"]?["offsetsMinutes[1]"] == "must be an integer",
                "\(fraction.text)")
            let broken = try await app.client.send(
                .post, "/api/holds", headers: json, raw: #"{"ticketTypeId": "x", "quantity": 9223372036854775808"#)
            #expect(try broken.json()["error"]?["details"]?["fields"]?["body"] == "is not valid JSON")
        }
    }

    /// A body holding the schema's required fields, each with a value of its type.
    func example(_ schema: JSONValue) -> JSONValue {
        if let reference = schema["$ref"]?.stringValue {
            let name = String(reference.split(separator: "/").last ?? "")
            return example(document["components"]?["schemas"]?[name] ?? [:])
        }
        // An object whose `anyOf` says which of its fields is required: its own required fields and the first option's.
        if schema["properties"] != nil, let first = schema["anyOf"]?.arrayValue?.first {
            var fields: [String: JSONValue] = [:]
            let names =
                (schema["required"]?.arrayValue ?? []) + (first["required"]?.arrayValue ?? [])
            for name in names.compactMap(\.stringValue) {
                fields[name] = example(schema["properties"]?[name] ?? [:])
            }
            return .object(fields)
        }
        if let options = (schema["oneOf"] ?? schema["anyOf"])?.arrayValue, let first = options.first {
            return example(first)
        }
        if let allowed = schema["enum"]?.arrayValue, let first = allowed.first { return first }
        let type: String? =
            if let name = schema["type"]?.stringValue { name } else {
                schema["type"]?.arrayValue?.compactMap(\.stringValue).first { $0 != "null" }
            }
        switch type {
        case "object",
            nil where schema["properties"] != nil:
            var fields: [String: JSONValue] = [:]
            for name in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] {
                fields[name] = example(schema["properties"]?[name] ?? [:])
            }
            return .object(fields)
        case "array": return .array([])
        case "integer": return .int(Int(schema["minimum"].flatMap { if case .int(let i) = $0 { i } else { nil } } ?? 1))
        case "number": return .double(1)
        case "boolean": return .bool(true)
        case "string":
            switch schema["format"]?.stringValue {
            case "uuid": return .string(UUID().uuidString)
            case "date-time": return .string("2031-01-01T10:00:00Z")
            case "email": return .string("someone@example.org")
            default: return .string("a")
            }
        default: return .object([:])
        }
    }
}
