public import Domain
public import Hummingbird
import Logging

/// The signed-in bearer API: made from the parent context once authentication has run, so every handler on this
/// surface has its user, and a request without one is refused (401, or 403 for a kiosk token) before any handler.
public struct UserRequestContext: ChildRequestContext, APIRequestContext {
    public var coreContext: CoreRequestContextStorage
    public var maxUploadSize: Int
    public let requestID: String
    public let peerAddress: String?
    public let user: UserIdentity
    public var identity: Principal { .user(user) }

    public init(context: AppRequestContext) throws {
        switch context.identity {
        case .user(let user): self.user = user
        case .kiosk: throw HTTPFailure.forbidden("A kiosk token can only do check-in work on its own event.")
        case .system: throw HTTPFailure.forbidden("The system does not sign in.")
        case .partner: throw HTTPFailure.forbidden("A partner key works on the partner routes (/api/partner/…) only.")
        case .anonymous:
            throw HTTPFailure.unauthorized("Sign in first: send an access token as `Authorization: Bearer <token>`.")
        }
        self.coreContext = context.coreContext
        self.maxUploadSize = context.maxUploadSize
        self.requestID = context.requestID
        self.peerAddress = context.peerAddress
    }

}

/// The door kiosks' surface: every handler has its kiosk; anyone else is refused (401, or 403 for a person's token).
public struct KioskRequestContext: ChildRequestContext, APIRequestContext {
    public var coreContext: CoreRequestContextStorage
    public var maxUploadSize: Int
    public let requestID: String
    public let peerAddress: String?
    public let kiosk: KioskIdentity
    public var identity: Principal { .kiosk(kiosk) }

    public init(context: AppRequestContext) throws {
        switch context.identity {
        case .kiosk(let kiosk): self.kiosk = kiosk
        case .user, .system, .partner:
            throw HTTPFailure.forbidden(
                "Only a kiosk token can use the kiosk routes; create one under /api/events/{eventId}/kiosk-tokens.")
        case .anonymous: throw HTTPFailure.unauthorized("Send a kiosk token as `Authorization: Bearer kiosk_…`.")
        }
        self.coreContext = context.coreContext
        self.maxUploadSize = context.maxUploadSize
        self.requestID = context.requestID
        self.peerAddress = context.peerAddress
    }

}

/// The door: where staff (signed in) and kiosks scan tickets. Anyone else is refused before any handler.
public struct DoorRequestContext: ChildRequestContext, APIRequestContext {
    public var coreContext: CoreRequestContextStorage
    public var maxUploadSize: Int
    public let requestID: String
    public let peerAddress: String?
    /// A signed-in person or a kiosk.
    public let identity: Principal

    public init(context: AppRequestContext) throws {
        switch context.identity {
        case .user, .kiosk: self.identity = context.identity
        case .anonymous, .system:
            throw HTTPFailure.unauthorized("Sign in, or send a kiosk token as `Authorization: Bearer kiosk_…`.")
        case .partner: throw HTTPFailure.forbidden("A partner key works on the partner routes (/api/partner/…) only.")
        }
        self.coreContext = context.coreContext
        self.maxUploadSize = context.maxUploadSize
        self.requestID = context.requestID
        self.peerAddress = context.peerAddress
    }

}

/// The partner surface (`/api/partner/…`): partner apps, each with a key its organization made
/// (`POST /api/organizations/{id}/partner-keys`), read what the organization publishes. Every handler has its partner;
/// anyone else is refused (401, or 403 for a person's or kiosk's token) before any handler.
public struct PartnerRequestContext: ChildRequestContext, APIRequestContext {
    public var coreContext: CoreRequestContextStorage
    public var maxUploadSize: Int
    public let requestID: String
    public let peerAddress: String?
    public let partner: PartnerIdentity
    public var identity: Principal { .partner(partner) }

    public init(context: AppRequestContext) throws {
        switch context.identity {
        case .partner(let partner): self.partner = partner
        case .user, .kiosk, .system:
            throw HTTPFailure.forbidden(
                "Only a partner key can use the partner routes; an organization owner makes one.")
        case .anonymous: throw HTTPFailure.unauthorized("Send the partner key as `Authorization: Bearer pk_…`.")
        }
        self.coreContext = context.coreContext
        self.maxUploadSize = context.maxUploadSize
        self.requestID = context.requestID
        self.peerAddress = context.peerAddress
    }
}

/// The webhook surface: calls from outside services (the payment processor) that prove who they are by signing the
/// request's raw body, not by a token. Handlers read the body as it arrived (`rawBody`), since a signature covers the
/// exact bytes; no JSON decoding happens before the signature is checked. The general API rate limit does not count
/// these calls (a processor's burst of retries must not be refused), and they carry no identity.
public struct WebhookRequestContext: ChildRequestContext, APIRequestContext {
    public var coreContext: CoreRequestContextStorage
    public var maxUploadSize: Int
    public let requestID: String
    public let peerAddress: String?
    public var identity: Principal { .anonymous }

    /// Webhook payloads are small; a larger body is refused before it is read whole.
    public static let maxBodyBytes = 256 << 10

    public init(context: AppRequestContext) throws {
        self.coreContext = context.coreContext
        self.maxUploadSize = min(context.maxUploadSize, Self.maxBodyBytes)
        self.requestID = context.requestID
        self.peerAddress = context.peerAddress
    }

    /// The body exactly as sent, for the signature check.
    public func rawBody(_ request: Request) async throws -> [UInt8] {
        // Past the limit this throws HTTPError(.contentTooLarge), which ErrorMiddleware renders as 413.
        Array(buffer: try await request.body.collect(upTo: maxUploadSize))
    }
}
