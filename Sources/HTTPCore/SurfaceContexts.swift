public import Domain
public import Hummingbird
import Logging

/// The signed-in bearer API: made from the parent context once authentication has run, so every handler on this
/// surface has its user, and a request without one is refused (`SurfaceGate.people`: 401, or 403 for a kiosk token)
/// before any handler.
public struct UserRequestContext: ChildRequestContext, APIRequestContext {
    public var coreContext: CoreRequestContextStorage
    public var maxUploadSize: Int
    public let requestID: String
    public let peerAddress: String?
    public let user: UserIdentity
    public var identity: Principal { .user(user) }

    public init(context: AppRequestContext) throws {
        guard case .user(let user) = context.identity else { throw SurfaceGate.people.refusal(of: context.identity) }
        self.user = user
        self.coreContext = context.coreContext
        self.maxUploadSize = context.maxUploadSize
        self.requestID = context.requestID
        self.peerAddress = context.peerAddress
    }

}

/// The door kiosks' surface: every handler has its kiosk; anyone else is refused (`SurfaceGate.kiosks`: 401, or 403
/// for a person's token).
public struct KioskRequestContext: ChildRequestContext, APIRequestContext {
    public var coreContext: CoreRequestContextStorage
    public var maxUploadSize: Int
    public let requestID: String
    public let peerAddress: String?
    public let kiosk: KioskIdentity
    public var identity: Principal { .kiosk(kiosk) }

    public init(context: AppRequestContext) throws {
        guard case .kiosk(let kiosk) = context.identity else {
            throw SurfaceGate.kiosks.refusal(of: context.identity)
        }
        self.kiosk = kiosk
        self.coreContext = context.coreContext
        self.maxUploadSize = context.maxUploadSize
        self.requestID = context.requestID
        self.peerAddress = context.peerAddress
    }

}

/// The door: where staff (signed in) and kiosks scan tickets. Anyone else is refused (`SurfaceGate.peopleAndKiosks`)
/// before any handler.
public struct DoorRequestContext: ChildRequestContext, APIRequestContext {
    public var coreContext: CoreRequestContextStorage
    public var maxUploadSize: Int
    public let requestID: String
    public let peerAddress: String?
    /// A signed-in person or a kiosk.
    public let identity: Principal

    public init(context: AppRequestContext) throws {
        guard SurfaceGate.peopleAndKiosks.serves(.init(context.identity)) else {
            throw SurfaceGate.peopleAndKiosks.refusal(of: context.identity)
        }
        self.identity = context.identity
        self.coreContext = context.coreContext
        self.maxUploadSize = context.maxUploadSize
        self.requestID = context.requestID
        self.peerAddress = context.peerAddress
    }

}

/// The partner surface (`/api/partner/…`): partner apps, each with a key its organization made
/// (`POST /api/organizations/{id}/partner-keys`), read what the organization publishes. Every handler has its partner;
/// anyone else is refused (`SurfaceGate.partners`: 401, or 403 for a person's or kiosk's token) before any handler.
public struct PartnerRequestContext: ChildRequestContext, APIRequestContext {
    public var coreContext: CoreRequestContextStorage
    public var maxUploadSize: Int
    public let requestID: String
    public let peerAddress: String?
    public let partner: PartnerIdentity
    public var identity: Principal { .partner(partner) }

    public init(context: AppRequestContext) throws {
        guard case .partner(let partner) = context.identity else {
            throw SurfaceGate.partners.refusal(of: context.identity)
        }
        self.partner = partner
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
