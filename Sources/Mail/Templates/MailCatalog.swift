/// The words of one message in one language: its subject, its paragraphs around its list and the label of its link. Each string is a
/// Mustache snippet over the message's values (`{{eventTitle}}`); a paragraph that renders empty (a `{{#value}}`
/// section whose value is missing) is left out.
public struct MailWording: Sendable {
    public var subject: String
    /// Before the message's list (tickets, changes) and QR codes.
    public var paragraphs: [String]
    /// After them.
    public var after: [String]
    public var action: String?

    public init(subject: String, paragraphs: [String], after: [String] = [], action: String? = nil) {
        self.subject = subject
        self.paragraphs = paragraphs
        self.after = after
        self.action = action
    }
}

/// The strings every message shares: greeting, the QR codes' description, the footer.
public struct MailCommonWording: Sendable {
    public var greeting: String
    public var greetingWithoutName: String
    public var codeDescription: String
    public var linkFallback: String
    public var unsubscribe: String
    /// The footer's link for a person who never asked for this mail.
    public var notMe: String
    public var sentBy: String
    /// A changed session in an event's change: `{{session}}`, `{{startsAt}}`, `{{endsAt}}`.
    public var changedSession: String
    /// A changed venue: `{{venue}}`.
    public var changedVenue: String
}

/// Every string of every message, in every language: one place to add a language or change a word. The templates
/// (`MailLayoutTemplates`) only place these strings.
public enum MailCatalog {
    public static func wording(_ template: MailTemplate, in language: MailLanguage) -> MailWording {
        switch language {
        case .en: english(template)
        case .de: german(template)
        }
    }

    public static func common(in language: MailLanguage) -> MailCommonWording {
        switch language {
        case .en:
            MailCommonWording(
                greeting: "Hello {{name}},", greetingWithoutName: "Hello,", codeDescription: "QR code of {{label}}",
                linkFallback: "If the button does not work, open this address:", unsubscribe: "Unsubscribe",
                notMe: "Not you, or did not ask for this? Never mail this address again",
                sentBy: "Sent by {{organization}}", changedSession: "{{session}}: now {{startsAt}} to {{endsAt}}",
                changedVenue: "Venue: now {{venue}}")
        case .de:
            MailCommonWording(
                greeting: "Hallo {{name}},", greetingWithoutName: "Hallo,", codeDescription: "QR-Code von {{label}}",
                linkFallback: "Falls die Schaltfläche nicht funktioniert, öffnen Sie diese Adresse:",
                unsubscribe: "Abmelden",
                notMe: "Nicht Sie, oder nicht angefordert? Diese Adresse nie wieder anschreiben",
                sentBy: "Gesendet von {{organization}}",
                changedSession: "{{session}}: jetzt {{startsAt}} bis {{endsAt}}", changedVenue: "Ort: jetzt {{venue}}")
        }
    }
}
