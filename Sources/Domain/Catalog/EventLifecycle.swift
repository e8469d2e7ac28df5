/// Where an event is in its life. Only published events are public.
public enum EventStatus: String, Sendable, Codable, CaseIterable {
    case draft, published, cancelled, archived

    /// The transitions an organizer may make; anything else is refused.
    public func canMove(to next: EventStatus) -> Bool {
        switch (self, next) {
        case (.draft, .published), (.published, .cancelled), (.published, .archived), (.cancelled, .archived):
            true
        default:
            false
        }
    }
}

/// The kinds of event: a `Class` (something taught: a workshop, a course) or a `SocialEvent` (a gathering). A label
/// that lists filter by (`?eventType=`); neither changes how tickets sell.
public enum EventType: String, Sendable, Codable, CaseIterable {
    case `class` = "Class"
    case socialEvent = "SocialEvent"
}
