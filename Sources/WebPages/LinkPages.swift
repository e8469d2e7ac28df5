public import Accounts
public import Domain
import Foundation
public import HTTPCore
public import Hummingbird
public import Messaging
public import Persistence

/// A page behind a mailed link that does one thing with the link's token: the GET shows a button, the POST (with the
/// page's CSRF token) does it. The link alone changes nothing, so a mail scanner that follows it confirms nothing.
struct LinkPage: Sendable {
    var path: String
    var title: String
    var prompt: String
    var button: String
    /// A password field the form asks for besides the button (its label), handed to `act` as the form's `password`.
    var passwordLabel: String? = nil
    /// Does it; returns the sentence shown after. A refusal of the token itself throws.
    var act:
        @Sendable (_ token: String, _ form: WebForm, _ request: Request, _ context: WebRequestContext) async throws ->
            String
    /// Whether an error is the token's refusal (unknown, expired, used), shown as such.
    var isTokenRefusal: @Sendable (any Error) -> Bool
    var refusal: String

    private var passwordField: String {
        guard let passwordLabel else { return "" }
        return """
            <label>\(Page.escape(passwordLabel)) <input type="password" name="password" required \
            autocomplete="current-password"></label>
            """
    }

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
                        \(passwordField)<button type="submit">\(Page.escape(button))</button></form>
                        """))
        }
        pages.post(RouterPath(path)) { request, context in
            let form = WebForm(try await request.body.collect(upTo: 64 << 10))
            try form.requireOnly(passwordLabel == nil ? ["token"] : ["token", "password"])
            do {
                let done = try await act(form["token"] ?? "", form, request, context)
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
            prompt:
                "Confirm that this address belongs to your account with the password you chose when you registered. "
                + "Did you not register? Then use the link \"Not you\" at the foot of the mail: the account is removed.",
            button: "Confirm my address", passwordLabel: "Your password",
            act: { [auth, clientAddress, clock] token, form, request, context in
                try await auth.verifyEmail(
                    token: token, password: form["password"], now: clock.now(),
                    request: clientAddress.metadata(request, context))
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
            act: { [newsletter, clientAddress, clock] token, _, request, context in
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
            act: { [newsletter, clientAddress, clock] token, _, request, context in
                try await newsletter.unsubscribe(
                    token: token, now: clock.now(), request: clientAddress.metadata(request, context)
                ).message
            },
            isTokenRefusal: refused,
            refusal: "This unsubscribe link is unknown. Use the link of the newsletter's latest message."
        ).register(on: pages)
    }
}

/// The "not me" link at the foot of every message (`/mail/not-me?token=…`): its owner says they never asked for mail
/// here, and this installation mails the address no more; an account registered with it and never verified is
/// removed. `/mail/not-me/undo` takes it back.
public struct NotMePages: Sendable {
    let store: DatabaseStore
    let clock: AppClock

    public init(store: DatabaseStore, clock: AppClock) {
        self.store = store
        self.clock = clock
    }

    struct UnknownLink: Error {}

    public func register(on router: some RouterMethods<AppRequestContext>) {
        let pages = router.group(context: WebRequestContext.self)
        LinkPage(
            path: "/mail/not-me", title: "Not you?",
            prompt:
                "If you did not ask for mail from us, we will not write to this address again, and an account "
                + "somebody registered with it without confirming it is removed.",
            button: "Never mail this address again",
            act: { [store, clock] token, _, _, _ in
                guard try await MailConsent.refuse(refusalToken: token, now: clock.now(), on: store.database()) else {
                    throw UnknownLink()
                }
                return "Done: this address gets no more mail from us. Changed your mind? Open the same link with "
                    + "/mail/not-me/undo instead of /mail/not-me."
            },
            isTokenRefusal: { $0 is UnknownLink },
            refusal: "This link is unknown. Use the link at the foot of the latest message you received."
        ).register(on: pages)
        LinkPage(
            path: "/mail/not-me/undo", title: "Mail me again",
            prompt: "Take back your \"not me\": mail about your orders and accounts may reach this address again.",
            button: "Mail me again",
            act: { [store] token, _, _, _ in
                guard try await MailConsent.address(refusalToken: token, on: store.database()) != nil else {
                    throw UnknownLink()
                }
                try await MailConsent.withdrawRefusal(refusalToken: token, on: store.database())
                return "Done: mail may reach this address again."
            },
            isTokenRefusal: { $0 is UnknownLink },
            refusal: "This link is unknown. Use the link at the foot of the latest message you received."
        ).register(on: pages)
    }
}
