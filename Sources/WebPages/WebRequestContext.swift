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

    /// The signed-in person; a page that needs one sends everyone else to the sign-in page.
    public func signedIn() throws -> UserIdentity {
        guard case .user(let user) = identity else { throw HTTPFailure.unauthorized("Sign in to see this page.") }
        return user
    }
}
