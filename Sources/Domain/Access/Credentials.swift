import Foundation

/// An email address as BoxOffice stores it: trimmed and lower-cased, so one person has one account.
public struct EmailAddress: Sendable, Hashable, CustomStringConvertible {
    public let value: String

    /// Nil unless `raw` looks like a deliverable address (`local@domain.tld`, at most 254 characters). Normalised
    /// before anything compares it: trimmed, Unicode NFC, lowercase; control characters refuse it.
    public init?(_ raw: String) {
        // Counted as the API document counts (code points), before trimming as after.
        guard raw.unicodeScalars.count <= 254 else { return nil }
        // The shape is judged on the address as written (as the API document's pattern judges it), then normalised.
        let written = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !written.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            return nil
        }
        // Split by code points, not characters: `@` followed by a combining mark or an emoji modifier is one character.
        let parts = written.unicodeScalars.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last,
            !local.isEmpty, local.count <= 64,
            domain.split(separator: ".", omittingEmptySubsequences: false).count >= 2,
            !domain.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty),
            !written.unicodeScalars.contains(where: { $0.properties.isWhitespace || "<>,".unicodeScalars.contains($0) })
        else { return nil }
        self.value = written.precomposedStringWithCanonicalMapping.lowercased()
    }

    public var description: String { value }
}

/// What makes a password acceptable: length only (8 to 128 code points, as the API document counts), as current
/// guidance recommends; composition rules mostly produce `Password1!`.
public enum PasswordRules {
    public static let lengths = 8...128

    /// A problem with the password, or nil when it is acceptable.
    public static func problem(with password: String) -> String? {
        lengths.contains(password.unicodeScalars.count)
            ? nil : "must be \(lengths.lowerBound) to \(lengths.upperBound) characters"
    }
}
