import Foundation
public import HTTPCore
public import HTTPTypes

/// Refusals of the messaging feature, each with a stable code.
public enum MessagingError: APIError, Equatable {
    case organizationNotFound
    case eventNotFound
    case templateNotFound(String)
    /// A newsletter confirmation or unsubscribe link that does not exist or expired.
    case invalidNewsletterToken
    case subscriberNotFound
    /// An event's organizers sent as many messages as a day allows.
    case messageLimit(perDay: Int)

    public var code: String {
        switch self {
        case .organizationNotFound: "ORGANIZATION_NOT_FOUND"
        case .eventNotFound: "EVENT_NOT_FOUND"
        case .templateNotFound: "TEMPLATE_NOT_FOUND"
        case .invalidNewsletterToken: "INVALID_NEWSLETTER_TOKEN"
        case .subscriberNotFound: "SUBSCRIBER_NOT_FOUND"
        case .messageLimit: "MESSAGE_LIMIT"
        }
    }

    public var status: HTTPResponse.Status {
        switch self {
        case .organizationNotFound, .eventNotFound, .templateNotFound, .subscriberNotFound: .notFound
        case .invalidNewsletterToken: .unprocessableContent
        case .messageLimit: .tooManyRequests
        }
    }

    public var message: String {
        switch self {
        case .organizationNotFound: "No such organization."
        case .eventNotFound: "No such event."
        case .templateNotFound(let name): "No email template is named '\(name)'."
        case .invalidNewsletterToken: "This newsletter link is unknown or expired."
        case .subscriberNotFound: "No such subscriber."
        case .messageLimit(let perDay):
            "This event's attendees were sent \(perDay) messages in the last 24 hours, as many as a day allows."
        }
    }

    public var details: [String: JSONValue] {
        switch self {
        case .invalidNewsletterToken: ["fields": ["token": "is unknown or expired"]]
        case .messageLimit(let perDay): ["limit": .int(perDay)]
        default: [:]
        }
    }
}
