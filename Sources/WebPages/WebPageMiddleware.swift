public import Domain
import Foundation
public import HTTPCore
import HTTPTypes
public import Hummingbird
import Identity
import Logging
public import Persistence

/// The web pages' edge: who is signed in (the session cookie), protection against cross-site form posts, and errors
/// as HTML pages instead of JSON.
///
/// CSRF: every page carries a random token in a cookie (`bx_csrf`, SameSite=Lax, `__Host-` over HTTPS) and in each of
/// its forms (`_csrf`); a form post whose field does not match its cookie, or whose `Origin` is another site's, is
/// refused 403 before any handler. A site elsewhere can make a browser post, but can neither read nor set our cookie;
/// the token is replaced at sign-in and sign-out, so one planted before signing in is worth nothing after.
public struct WebPageMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext

    static let maxFormBytes = 64 << 10

    let store: DatabaseStore
    let clock: AppClock
    let cookies: WebCookies
    let translate: ErrorTranslator

    public init(store: DatabaseStore, clock: AppClock, cookies: WebCookies, translate: @escaping ErrorTranslator) {
        self.store = store
        self.clock = clock
        self.cookies = cookies
        self.translate = translate
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var context = context
        var request = request
        let existingToken = request.cookies[cookies.csrfName]?.value.nilIfEmpty
        let token = existingToken ?? OpaqueToken.generate()
        context.csrfToken = token
        var clearSession = false
        do {
            if let cookie = request.cookies[cookies.sessionName]?.value {
                if let user = try await WebSessions.verify(cookie, now: clock.now(), on: store.database()) {
                    context.identity = .user(user)
                    context.logger[metadataKey: "user.id"] = .string(user.id.uuidString)
                } else {
                    clearSession = true
                }
            }
            if ![.get, .head].contains(request.method) {
                let body = try await request.body.collect(upTo: Self.maxFormBytes)
                request.body = .init(buffer: body)
                try Self.checkForgery(
                    request, form: WebForm(body), cookieToken: existingToken)
            }
            var response = try await next(request, context)
            finish(&response, token: existingToken == nil ? token : nil, clearSession: clearSession)
            return response
        } catch {
            var response = HTMLErrorPage.response(for: error, request: request, context: context, translate: translate)
            finish(&response, token: existingToken == nil ? token : nil, clearSession: clearSession)
            return response
        }
    }

    /// A form post must come from our own pages: its `_csrf` equals its cookie, and its `Origin`, when the browser
    /// sends one, is this host.
    static func checkForgery(_ request: Request, form: WebForm, cookieToken: String?) throws {
        if let origin = request.headers[.origin], let host = request.head.authority,
            URL(string: origin)?.hostWithPort != host
        {
            throw HTTPFailure.forbidden("This form was sent from another site.")
        }
        guard let cookieToken, let sent = form["_csrf"],
            OpaqueToken.hash(sent) == OpaqueToken.hash(cookieToken)
        else {
            throw HTTPFailure.forbidden("This form has expired or was not sent from our page; reload it and try again.")
        }
    }

    private func finish(_ response: inout Response, token: String?, clearSession: Bool) {
        // A handler that set its own CSRF cookie (a new one at sign-in) wins.
        let handlerSetCSRF = response.headers[values: .setCookie].contains { $0.hasPrefix(cookies.csrfName + "=") }
        if let token, !handlerSetCSRF { response.setCookie(cookies.csrf(token)) }
        if clearSession { response.setCookie(cookies.clearedSession()) }
        // Pages are ours alone: no framing, no scripts, forms only to ourselves.
        if response.headers[.contentSecurityPolicy] == nil {
            response.headers[.contentSecurityPolicy] =
                "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'"
        }
        response.headers[.cacheControl] = "no-store"
    }
}

extension String {
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}

extension URL {
    /// `host[:port]` as a Host header names it.
    fileprivate var hostWithPort: String? {
        guard let host else { return nil }
        return port.map { "\(host):\($0)" } ?? host
    }
}

/// An `application/x-www-form-urlencoded` body, decoded.
public struct WebForm: Sendable {
    let fields: [String: String]

    public init(_ body: ByteBuffer) {
        var fields: [String: String] = [:]
        for pair in String(buffer: body).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            if let name = parts.first, !name.isEmpty, fields[name] == nil {
                fields[name] = parts.count > 1 ? parts[1] : ""
            }
        }
        self.fields = fields
    }

    public subscript(_ name: String) -> String? { fields[name] }

    /// Forms are strict like JSON bodies: a field the page never asks for is refused, named.
    public func requireOnly(_ known: Set<String>) throws {
        var problems = FieldProblems()
        for name in fields.keys.sorted() where !known.contains(name) && name != "_csrf" {
            problems.add(name, "is not a field of this form")
        }
        try problems.throwIfAny()
    }
}
