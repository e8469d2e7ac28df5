public import Foundation

/// The languages the catalog speaks. An organization chooses its own (`PUT /api/organizations/{id}/email-settings`);
/// mail of no organization (accounts, password reset) uses the installation's `MAIL_LANGUAGE`.
public enum MailLanguage: String, Sendable, Codable, CaseIterable {
    case en
    case de
}

/// What one message says, before wording and layout: which message it is, the values its catalog strings name, the
/// lines it lists, its one action link, the words a person wrote (an organizer's message, a campaign), the tickets'
/// QR codes and, on bulk mail, where to unsubscribe. `MailRenderer` turns it into subject, plain text and HTML.
public struct MailContent: Sendable, Equatable {
    public var template: MailTemplate
    /// The placeholders of the catalog's strings (`{{eventTitle}}`); a missing one leaves its sentence out where the
    /// catalog makes that sentence conditional.
    public var values: [String: String]
    /// Lines shown as a list under the words: tickets, sessions, changes.
    public var items: [String]
    /// The message's one link (reset, verify, confirm, order); its label comes from the catalog.
    public var link: String?
    /// A person's own words, shown as they are (escaped in HTML), paragraph by paragraph.
    public var body: String?
    /// Each ticket's QR code: the inline image's Content-ID and its caption.
    public var codes: [TicketCode]
    /// Bulk mail: the unsubscribe page, shown in the footer (the headers carry the one-click address).
    public var unsubscribeLink: String?
    /// Every message: the page where the address's owner says "not me" (this installation mails it no more), in the
    /// footer. Set when the message is sent (`MailConsent`), not by the message's handler.
    public var notMeLink: String?

    public struct TicketCode: Sendable, Equatable {
        public var contentID: String
        public var label: String

        public init(contentID: String, label: String) {
            self.contentID = contentID
            self.label = label
        }
    }

    public init(
        _ template: MailTemplate, values: [String: String] = [:], items: [String] = [], link: String? = nil,
        body: String? = nil, codes: [TicketCode] = [], unsubscribeLink: String? = nil
    ) {
        self.template = template
        self.values = values
        self.items = items
        self.link = link
        self.body = body
        self.codes = codes
        self.unsubscribeLink = unsubscribeLink
    }
}

/// An organization's look in its mail: name, logo, colours, the postal address in the footer (bulk mail must carry
/// one in many countries). The installation's own mail uses `MailLayout.installation`.
public struct MailLayout: Sendable, Equatable, Codable {
    public var name: String
    public var logoURL: String?
    /// `#rrggbb`: the band above the message and the action button.
    public var primaryColor: String
    /// `#rrggbb`: the page around the message.
    public var backgroundColor: String
    public var footerAddress: String?

    public static let defaultPrimaryColor = "#1f4e8c"
    public static let defaultBackgroundColor = "#f4f4f5"

    public init(
        name: String, logoURL: String? = nil, primaryColor: String? = nil, backgroundColor: String? = nil,
        footerAddress: String? = nil
    ) {
        self.name = name
        self.logoURL = logoURL
        self.primaryColor = primaryColor ?? Self.defaultPrimaryColor
        self.backgroundColor = backgroundColor ?? Self.defaultBackgroundColor
        self.footerAddress = footerAddress
    }

    public static let installation = MailLayout(name: "BoxOffice")

    /// `#` and six hex digits: a colour goes into a `style` attribute, so nothing else is let in.
    public static func isColor(_ text: String) -> Bool {
        text.count == 7 && text.first == "#" && text.dropFirst().allSatisfy(\.isHexDigit)
    }
}

/// Dates and amounts as a reader of the language writes them, times in the organization's time zone (UTC unless it
/// chose one), named.
public struct MailFormat: Sendable {
    public let language: MailLanguage
    public let timeZone: TimeZone

    public init(_ language: MailLanguage, timeZone: TimeZone = TimeZone(identifier: "UTC")!) {
        self.language = language
        self.timeZone = timeZone
    }

    public func money(minorUnits: Int, currency: String, minorDigits: Int = 2) -> String {
        let divisor = (0..<minorDigits).reduce(1) { value, _ in value * 10 }
        let sign = minorUnits < 0 ? "-" : ""
        let whole = abs(minorUnits) / divisor
        let fraction = abs(minorUnits) % divisor
        let separator = language == .de ? "," : "."
        let digits = minorDigits == 0 ? "" : separator + String(fraction).leftPadded(to: minorDigits)
        return "\(sign)\(whole)\(digits) \(currency)"
    }

    public func dateTime(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.timeZone = timeZone
        // The zone by its name where the language has one for it (CET, MEZ), else by its offset (GMT+9).
        switch language {
        case .en:
            formatter.locale = Locale(identifier: "en_GB")
            formatter.dateFormat = "EEEE d MMMM yyyy, HH:mm zzz"
        case .de:
            formatter.locale = Locale(identifier: "de_DE")
            formatter.dateFormat = "EEEE, d. MMMM yyyy, HH:mm 'Uhr' zzz"
        }
        return formatter.string(from: date)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

extension MailFormat {
    /// `24 hours`, `90 minutes`: how long before a session a reminder comes.
    public func lead(minutes: Int) -> String {
        let hours = minutes % 60 == 0 && minutes >= 120
        switch (language, hours) {
        case (.en, true): return "\(minutes / 60) hours"
        case (.en, false): return minutes == 1 ? "1 minute" : "\(minutes) minutes"
        case (.de, true): return "\(minutes / 60) Stunden"
        case (.de, false): return minutes == 1 ? "1 Minute" : "\(minutes) Minuten"
        }
    }
}
