import Domain
public import Foundation

/// Values of the generated wire types (Sources/WireTypes) read as the domain's. The generator leaves a `format: uuid`
/// field a string; the document's check has refused any that is not a UUID before the body was decoded, so a failure
/// here means a route whose body the document does not describe, refused as bad input all the same.
public enum WireValue {
    public static func uuid(_ text: String, field: String) throws -> UUID {
        guard let id = UUID(uuidString: text) else {
            throw HTTPFailure.validationFailed(FieldProblems(field, "must be a UUID"))
        }
        return id
    }

    public static func uuids(_ texts: [String], field: String) throws -> [UUID] {
        try texts.enumerated().map { index, text in try uuid(text, field: "\(field)[\(index)]") }
    }
}
