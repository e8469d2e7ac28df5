public import Domain

/// Whom a surface of the API serves, and what everyone else is told there: the one gate of each surface, with its
/// words. The authentication middleware asks it about a token's kind as soon as it knows the kind (before reading a
/// token a surface never takes), and the surface's child contexts ask it about the caller the middleware found (no
/// caller at all, or one their routes do not serve, like a kiosk on the door's signed-in routes).
public enum SurfaceGate: Sendable {
    /// The public and signed-in API: people's access tokens.
    case people
    /// The door kiosks' own routes: kiosk tokens only.
    case kiosks
    /// The door, where staff and kiosks both scan.
    case peopleAndKiosks
    /// The partner routes (`/api/partner/…`): partner keys only.
    case partners

    /// Who calls, as far as a gate is concerned.
    public enum Caller: Sendable {
        case anonymous, person, kiosk, partner, system

        public init(_ principal: Principal) {
            switch principal {
            case .anonymous: self = .anonymous
            case .user: self = .person
            case .kiosk: self = .kiosk
            case .partner: self = .partner
            case .system: self = .system
            }
        }
    }

    /// Whether the surface's routes serve `caller` (the anonymous are served by its public routes only).
    public func serves(_ caller: Caller) -> Bool {
        switch (self, caller) {
        case (.people, .person), (.kiosks, .kiosk), (.peopleAndKiosks, .person), (.peopleAndKiosks, .kiosk),
            (.partners, .partner):
            true
        default: false
        }
    }

    /// What a caller the surface does not serve is told: 401 without a credential, 403 for a credential of another kind.
    public func refusal(of caller: Caller) -> HTTPFailure {
        switch (self, caller) {
        case (.people, .partner), (.kiosks, .partner), (.peopleAndKiosks, .partner):
            .forbidden("A partner key works on the partner routes (/api/partner/…) only.")
        case (.people, .kiosk):
            .forbidden("A kiosk token can only do check-in work on its own event.")
        case (.kiosks, .person):
            .forbidden(
                "Only a kiosk token can use the kiosk routes; create one under /api/events/{eventId}/kiosk-tokens.")
        case (.partners, .person), (.partners, .kiosk):
            .forbidden("Only a partner key can use the partner routes: `Authorization: Bearer pk_…`.")
        case (.people, .anonymous):
            .unauthorized("Sign in first: send an access token as `Authorization: Bearer <token>`.")
        case (.kiosks, .anonymous): .unauthorized("Send a kiosk token as `Authorization: Bearer kiosk_…`.")
        case (.peopleAndKiosks, .anonymous):
            .unauthorized("Sign in, or send a kiosk token as `Authorization: Bearer kiosk_…`.")
        case (.partners, .anonymous): .unauthorized("Send the partner key as `Authorization: Bearer pk_…`.")
        case (_, .system): .forbidden("The system does not sign in.")
        // Never asked: a caller the surface serves is not refused.
        case (.people, .person), (.kiosks, .kiosk), (.peopleAndKiosks, .person), (.peopleAndKiosks, .kiosk),
            (.partners, .partner):
            .forbidden("These routes do not serve this caller.")
        }
    }

    /// The refusal of `principal`, a caller the surface's routes do not serve.
    public func refusal(of principal: Principal) -> HTTPFailure { refusal(of: Caller(principal)) }
}
