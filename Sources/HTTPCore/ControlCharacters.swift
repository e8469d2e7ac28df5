import Domain

/// Text a client sends may not hold control characters other than tab, newline and carriage return: a NUL is refused
/// by PostgreSQL (and was a 500), and cut short when SQLite's text is read back (an email that looked like someone
/// else's). Every decoded body string and every query parameter is checked, and the field named.
enum ControlCharacters {
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.properties.generalCategory == .control else { return false }
        return scalar != "\t" && scalar != "\n" && scalar != "\r"
    }

    static func contains(_ text: String) -> Bool { text.unicodeScalars.contains(where: isForbidden) }

    /// The dotted paths (`attendees[0].name`) of body strings that hold one.
    static func fields(in value: JSONValue, path: String = "") -> [String] {
        switch value {
        case .string(let text): contains(text) ? [path.isEmpty ? "body" : path] : []
        case .array(let items):
            items.enumerated().flatMap { index, item in fields(in: item, path: path + "[\(index)]") }
        case .object(let members):
            members.sorted { $0.key < $1.key }.flatMap { key, member in
                fields(in: member, path: path.isEmpty ? key : path + "." + key)
            }
        default: []
        }
    }

    static let problem = "must not contain control characters (other than tab, newline and carriage return)"
}
