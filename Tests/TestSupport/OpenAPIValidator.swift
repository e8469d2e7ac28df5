import Foundation
import HTTPCore

/// Checks JSON values against the schemas of BoxOffice's own OpenAPI document.
///
/// Answers are checked by the server's own `SchemaValidator`; `APIContractTests` fails on any keyword of the
/// document that it does not know, so the document cannot drift into constructs it would silently skip.
public struct OpenAPIValidator: Sendable {
    public let document: JSONValue
    private let schemas: SchemaValidator

    public init(document: JSONValue) {
        self.document = document
        schemas = SchemaValidator(document: document)
    }

    /// Problems with `value` as the response of `method path` with `status`; empty when it conforms.
    public func validateResponse(_ value: JSONValue, method: String, path: String, status: Int) -> [String] {
        guard let template = operationPath(for: path) else { return ["no documented path matches \(path)"] }
        guard let operation = document["paths"]?[template]?[method.lowercased()] else {
            return ["\(method) \(template) is not documented"]
        }
        guard var response = operation["responses"]?[String(status)] ?? operation["responses"]?["default"] else {
            return ["\(method) \(template) documents no \(status) response"]
        }
        // A response shared by many operations is written once under components/responses.
        if let reference = response["$ref"]?.stringValue, reference.hasPrefix("#/components/responses/") {
            guard let shared = document["components"]?["responses"]?[String(reference.split(separator: "/").last!)]
            else { return ["\(method) \(template) \(status): unresolvable \(reference)"] }
            response = shared
        }
        guard let schema = response["content"]?["application/json"]?["schema"] else {
            return ["\(method) \(template) \(status) has no JSON schema"]
        }
        return validate(value, against: schema, at: "$")
    }

    /// The documented path template (`/api/events/{eventId}`) that a concrete path matches.
    public func operationPath(for path: String) -> String? {
        let segments = path.split(separator: "/")
        let templates = document["paths"]?.objectValue?.keys.sorted() ?? []
        if templates.contains(path) { return path }
        return templates.first { template in
            let parts = template.split(separator: "/")
            return parts.count == segments.count
                && zip(parts, segments).allSatisfy { part, segment in part.hasPrefix("{") || part == segment }
        }
    }

    /// The server's own validator (`SchemaValidator`, which checks request bodies), read as a list of problems.
    public func validate(_ value: JSONValue, against schema: JSONValue, at location: String) -> [String] {
        let problems = schemas.problems(of: value, against: schema)
        return problems.byField.sorted { $0.key < $1.key }.map { field, problem in "\(location).\(field): \(problem)" }
    }
}
