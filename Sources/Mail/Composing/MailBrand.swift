public import Foundation

/// An organization's mail as it reads it: language, layout and reply-to address.
public struct MailBrand: Sendable, Equatable {
    public var language: MailLanguage
    public var layout: MailLayout
    public var replyTo: MailAddress?
    /// The zone its mail shows times in (events carry none of their own yet).
    public var timeZone: TimeZone

    public init(
        language: MailLanguage, layout: MailLayout, replyTo: MailAddress? = nil,
        timeZone: TimeZone = TimeZone(identifier: "UTC")!
    ) {
        self.language = language
        self.layout = layout
        self.replyTo = replyTo
        self.timeZone = timeZone
    }

    public var format: MailFormat { MailFormat(language, timeZone: timeZone) }
}
