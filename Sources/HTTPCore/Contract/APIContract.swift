public import Domain
import Foundation

/// The API document (openapi.yaml, built in as `documentText`) and what the server reads from it: the document it
/// serves at /openapi.json, and each operation's request body schema, against which every JSON body is checked before
/// it is decoded. A field's type, length, range, pattern and enumeration, and whether unknown fields are refused
/// (`additionalProperties: false`), are written once, in the document; handlers check only rules it cannot state.
public struct APIContract: Sendable {
    /// The document built into this binary.
    public static let shared = APIContract(json: Data(documentText.utf8))

    public let document: JSONValue
    /// "POST /api/holds" to the body schema of that operation.
    private let requestSchemas: [String: JSONValue]
    /// Each operation's parameters (`parameterKey`) and each path template's path parameters, by name.
    let parameterSchemas: [String: [String: JSONValue]]
    let pathParameterSchemas: [String: [String: JSONValue]]
    let validator: SchemaValidator

    init(json: Data) {
        do {
            document = try JSONDecoder().decode(JSONValue.self, from: json)
        } catch {
            // The text is generated from openapi.yaml and checked by scripts/test; a broken one is a build defect.
            preconditionFailure("the built-in API document is not JSON: \(error)")
        }
        var schemas: [String: JSONValue] = [:]
        for (path, item) in document["paths"]?.objectValue ?? [:] {
            for (method, operation) in item.objectValue ?? [:] {
                if let schema = operation["requestBody"]?["content"]?["application/json"]?["schema"] {
                    schemas[Self.key(method: method, path: path)] = schema
                }
            }
        }
        requestSchemas = schemas
        (parameterSchemas, pathParameterSchemas) = Self.parameterIndex(of: document)
        validator = SchemaValidator(document: document)
    }

    /// The problems of a JSON body sent to `method path` (the route's template, `/api/events/{eventId}`), each named
    /// by its field; nil when the document describes no JSON body for that operation.
    public func problems(ofBody body: JSONValue, method: String, path: String) -> FieldProblems? {
        guard let schema = requestSchemas[Self.key(method: method, path: path)] else { return nil }
        return validator.problems(of: body, against: schema)
    }

    private static func key(method: String, path: String) -> String { "\(method.uppercased()) \(path)" }
}
