public import Accounts
public import Domain
import Foundation
public import HTTPCore
public import Hummingbird
import Identity
public import Orders
public import WireTypes

/// The account pages: sign in with a form (a session cookie, not a token), see one's orders, sign out. The first of
/// the web pages; buyers' and organizers' pages join them on the same surface.
public struct AccountPages: Sendable {
    let auth: AuthService
    let orders: OrdersServices
    let clientAddress: ClientAddress
    let clock: AppClock
    let cookies: WebCookies
    /// How long a web session lasts: the refresh-token lifetime of the installation.
    let sessionSeconds: Int

    public init(
        auth: AuthService, orders: OrdersServices, clientAddress: ClientAddress, clock: AppClock, cookies: WebCookies,
        sessionSeconds: Int
    ) {
        self.auth = auth
        self.orders = orders
        self.clientAddress = clientAddress
        self.clock = clock
        self.cookies = cookies
        self.sessionSeconds = sessionSeconds
    }

    public func register(on router: some RouterMethods<AppRequestContext>) {
        let pages = router.group(context: WebRequestContext.self)
        let signedIn = router.group(context: SignedInWebRequestContext.self)
        pages.get("/account/sign-in") { request, context in
            Page.response(Self.signInPage(csrf: context.csrfToken, next: Self.next(request), problem: nil))
        }
        pages.post("/account/sign-in") { request, context in
            let form = WebForm(try await request.body.collect(upTo: 64 << 10))
            try form.requireOnly(["email", "password", "next"])
            let next = Self.safeNext(form["next"])
            do {
                let token = try await auth.startWebSession(
                    identifier: form["email"], password: form["password"], now: clock.now(),
                    request: clientAddress.metadata(request, context))
                var response = Page.redirect(next)
                response.setCookie(cookies.session(token, maxAge: sessionSeconds))
                // A new CSRF token with the new session: one planted before signing in is worth nothing after.
                response.setCookie(cookies.csrf(OpaqueToken.generate()))
                return response
            } catch let error as AccountsError where error == .invalidCredentials {
                return Page.response(
                    Self.signInPage(
                        csrf: context.csrfToken, next: next,
                        problem:
                            "The email or password is wrong. Or the address is not verified yet: follow the link we "
                            + "mailed to it."),
                    status: .unauthorized)
            } catch is FieldProblems {
                return Page.response(
                    Self.signInPage(csrf: context.csrfToken, next: next, problem: "Enter your email and password."),
                    status: .badRequest)
            }
        }
        signedIn.get("/account") { _, context in
            let mine = try await orders.queries.mine(context.user, now: clock.now())
            let me = try await auth.currentUser(context.user)
            return Page.response(Self.accountPage(me, orders: mine.orders, csrf: context.csrfToken))
        }
        signedIn.post("/account/sign-out") { request, context in
            try WebForm(try await request.body.collect(upTo: 64 << 10)).requireOnly([])
            try await auth.endWebSession(
                context.user, now: clock.now(), request: clientAddress.metadata(request, context))
            var response = Page.redirect("/account/sign-in")
            response.setCookie(cookies.clearedSession())
            response.setCookie(cookies.csrf(OpaqueToken.generate()))
            return response
        }
    }

    static func next(_ request: Request) -> String { safeNext(request.uri.queryParameters.get("next")) }

    /// Only a path of ours: never another site (an open redirect would lend our name to a phishing link).
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"),
            !next.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { return "/account" }
        return next
    }

    static func signInPage(csrf: String, next: String, problem: String?) -> String {
        Page.document(
            title: "Sign in",
            body: """
                <h1>Sign in</h1>
                \(problem.map { "<p class=\"error\" role=\"alert\">\(Page.escape($0))</p>" } ?? "")
                <form method="post" action="/account/sign-in">
                \(Page.csrfField(csrf))
                <input type="hidden" name="next" value="\(Page.escape(next))">
                <label for="email">Email</label><input id="email" name="email" type="email" autocomplete="username" required>
                <label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
                <button type="submit">Sign in</button>
                </form>
                """)
    }

    static func accountPage(_ me: Components.Schemas.User, orders: [OrderDTO], csrf: String) -> String {
        let rows = orders.map { order in
            """
            <tr><td>\(Page.escape(order.orderNumber))</td><td>\(Page.escape(order.status))</td>\
            <td>\(order.tickets.count)</td><td>\(Page.escape("\(order.total) \(order.currency)"))</td></tr>
            """
        }.joined()
        let list =
            orders.isEmpty
            ? "<p>You have no orders yet.</p>"
            : "<table><thead><tr><th>Order</th><th>Status</th><th>Tickets</th><th>Total</th></tr></thead>"
                + "<tbody>\(rows)</tbody></table>"
        return Page.document(
            title: "Your account",
            body: """
                <h1>Your account</h1>
                <p>Signed in as \(Page.escape(me.email))</p>
                <h2>Your orders</h2>
                \(list)
                <form method="post" action="/account/sign-out">\(Page.csrfField(csrf))<button type="submit">Sign out</button></form>
                """)
    }
}
