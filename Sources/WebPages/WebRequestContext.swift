public import Domain
public import HTTPCore
public import Hummingbird

/// The web pages' surface: a person in a browser, signed in by the session cookie or not, with the CSRF token their
/// forms must carry. Made after `WebPageMiddleware` has run.
public struct WebRequestContext: ChildRequestContext, APIRequestContext {
    public var coreContext: CoreRequestContextStorage
    public var maxUploadSize: Int
    public let requestID: String
    public let peerAddress: String?
    public let identity: Principal
    /// Put into every form as `_csrf`.
    public let csrfToken: String

    public init(context: AppRequestContext) throws {
        self.coreContext = context.coreContext
        self.maxUploadSize = context.maxUploadSize
        self.requestID = context.requestID
        self.peerAddress = context.peerAddress
        self.identity = context.identity
        self.csrfToken = context.csrfToken ?? ""
    }

}

/// The pages of a signed-in person: made only when the session cookie named one, so its handlers always have their
/// user; anyone else is sent to the sign-in page (a GET) or refused 401 (a form post) before any handler.
public struct SignedInWebRequestContext: ChildRequestContext, APIRequestContext {
    public var coreContext: CoreRequestContextStorage
    public var maxUploadSize: Int
    public let requestID: String
    public let peerAddress: String?
    public let user: UserIdentity
    public var identity: Principal { .user(user) }
    public let csrfToken: String

    public init(context: AppRequestContext) throws {
        guard case .user(let user) = context.identity else {
            throw HTTPFailure.unauthorized("Sign in to see this page.")
        }
        self.user = user
        self.coreContext = context.coreContext
        self.maxUploadSize = context.maxUploadSize
        self.requestID = context.requestID
        self.peerAddress = context.peerAddress
        self.csrfToken = context.csrfToken ?? ""
    }
}
