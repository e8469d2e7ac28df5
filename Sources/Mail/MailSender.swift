import Domain
import Foundation

/// `MAIL_FROM` as a mailbox: `tickets@example.org` or `Example Tickets <tickets@example.org>`.
public enum MailSender {
    public static func parse(_ text: String) -> MailAddress? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let open = trimmed.lastIndex(of: "<"), trimmed.hasSuffix(">") {
            let address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            let name = trimmed[..<open].trimmingCharacters(in: .whitespaces).trimmingCharacters(
                in: CharacterSet(charactersIn: "\""))
            guard let email = EmailAddress(address) else { return nil }
            return MailAddress(email.value, name: name.isEmpty ? nil : name)
        }
        return EmailAddress(trimmed).map { MailAddress($0.value) }
    }
}
