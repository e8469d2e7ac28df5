public import Foundation

/// A wire type's ID (the generated types hold `format: uuid` fields as strings) as a UUID, for the tests that compare
/// it with records or pass it on as one.
public func uuid(_ text: String) -> UUID {
    guard let id = UUID(uuidString: text) else { preconditionFailure("not a UUID: \(text)") }
    return id
}
