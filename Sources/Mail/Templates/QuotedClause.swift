import Foundation

/// Someone else's sentence quoted inside one of ours ("was declined: {{reason}}."): a payment processor writes "Your
/// card was declined." with its own full stop, and our sentence ends with one too, so the quote loses its own.
public enum QuotedClause {
    public static func inSentence(_ text: String) -> String {
        var clause = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        while let last = clause.last, last == "." || last == "!" { clause = clause.dropLast() }
        return String(clause)
    }
}
