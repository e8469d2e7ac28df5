public import Accounts
public import Domain
import Foundation
public import HTTPCore
public import Hummingbird
public import Messaging

/// A page behind a mailed link that does one thing with the link's token: the GET shows a button, the POST (with the
/// page's CSRF token) does it. The link alone changes nothing, so a mail scanner that follows it confirms nothing.
struct LinkPage: Sendable {
    var path: String
    var title: String
    var prompt: String
    var button: String
    /// Does it; returns the sentence shown after. A refusal of the token itself throws.
    var act: @Sendable (_ token: String, _ request: Request, _ context: WebRequestContext) async throws -> String
    /// Whether an error is the token's refusal (unknown, expired, used), shown as such.
    var isTokenRefusal: @Sendable (any Error) -> Bool
    var refusal: String

    func register(on pages: RouterGroup<WebRequestContext>) {
        pages.get(RouterPath(path)) { request, context in
            let token = request.uri.queryParameters.get("token").map { String($0) } ?? ""
            return Page.response(
                Page.document(
                    title: title,
                    body: """
                        <h1>\(Page.escape(title))</h1>
                        <p>\(Page.escape(prompt))</p>
                        <form method="post" action="\(Page.escape(path))">\(Page.csrfField(context.csrfToken))
                        <input type="hidden" name="token" value="\(Page.escape(token))">
                        <button type="submit">\(Page.escape(button))</button></form>
                        """))
        }
        pages.post(RouterPath(path)) { request, context in
            let form = WebForm(try await request.body.collect(upTo: 64 << 10))
            try form.requireOnly(["token"])
            do {
                let done = try await act(form["token"] ?? "", request, context)
                return Page.response(
                    Page.document(title: title, body: "<h1>\(Page.escape(title))</h1><p>\(Page.escape(done))</p>"))
            } catch let error where isTokenRefusal(error) || error is FieldProblems {
                return Page.response(
                    Page.document(
                        title: "Link expired",
                        body: "<h1>This link no longer works</h1><p>\(Page.escape(refusal))</p>"),
                    status: .badRequest)
            }
        }
    }
}

/// The link mailed at sign-up: `/account/verify-email?token=…`.
public struct EmailVerificationPages: Sendable {
    let auth: AuthService
    let clientAddress: ClientAddress
    let clock: AppClock

    public init(auth: AuthService, clientAddress: ClientAddress, clock: AppClock) {
        self.auth = auth
        self.clientAddress = clientAddress
        self.clock = clock
    }

    public func register(on router: some RouterMethods<AppRequestContext>) {
        let pages = router.group(context: WebRequestContext.self)
        LinkPage(
            path: "/account/verify-email", title: "Confirm your email address",
            prompt: "Confirm that this address belongs to your account.", button: "Confirm my address",
            act: { [auth, clientAddress, clock] token, request, context in
                try await auth.verifyEmail(
                    token: token, now: clock.now(), request: clientAddress.metadata(request, context))
                return "Your address is confirmed. Thank you!"
            },
            isTokenRefusal: { ($0 as? AccountsError) == .invalidVerificationToken },
            refusal:
                "It was used already, or more than a week has passed. Reset your password from the sign-in page: "
                + "its link verifies the address too."
        ).register(on: pages)
    }
}

/// The newsletter's links: confirming a subscription (`/newsletter/confirm`) and leaving it
/// (`/newsletter/unsubscribe`; mail clients' one-click goes to `POST /api/newsletter/unsubscribe`).
public struct NewsletterPages: Sendable {
    let newsletter: Newsletter
    let clientAddress: ClientAddress
    let clock: AppClock

    public init(newsletter: Newsletter, clientAddress: ClientAddress, clock: AppClock) {
        self.newsletter = newsletter
        self.clientAddress = clientAddress
        self.clock = clock
    }

    public func register(on router: some RouterMethods<AppRequestContext>) {
        let pages = router.group(context: WebRequestContext.self)
        let refused: @Sendable (any Error) -> Bool = { ($0 as? MessagingError) == .invalidNewsletterToken }
        LinkPage(
            path: "/newsletter/confirm", title: "Confirm your subscription",
            prompt: "Confirm that you want to receive this newsletter.", button: "Confirm my subscription",
            act: { [newsletter, clientAddress, clock] token, request, context in
                try await newsletter.confirm(
                    token: token, now: clock.now(), request: clientAddress.metadata(request, context)
                ).message
            },
            isTokenRefusal: refused,
            refusal: "It was used already, or more than a week has passed. Subscribe again to get a new one."
        ).register(on: pages)
        LinkPage(
            path: "/newsletter/unsubscribe", title: "Unsubscribe",
            prompt: "Stop receiving this newsletter.", button: "Unsubscribe",
            act: { [newsletter, clientAddress, clock] token, request, context in
                try await newsletter.unsubscribe(
                    token: token, now: clock.now(), request: clientAddress.metadata(request, context)
                ).message
            },
            isTokenRefusal: refused,
            refusal: "This unsubscribe link is unknown. Use the link of the newsletter's latest message."
        ).register(on: pages)
    }
}
