public import Accounts
public import Domain
import Foundation
public import HTTPCore
public import Hummingbird

/// The link in a password reset mail: `GET /account/reset-password?token=…` asks for the new password; posting the form
/// sets it (once, within the hour) and ends every sign-in. The link alone changes nothing, so a mail scanner that
/// follows it spends no token.
public struct PasswordResetPages: Sendable {
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
        pages.get("/account/reset-password") { request, context in
            let token = request.uri.queryParameters.get("token").map { String($0) } ?? ""
            return Page.response(Self.form(token: token, csrf: context.csrfToken, problem: nil))
        }
        pages.post("/account/reset-password") { request, context in
            let form = WebForm(try await request.body.collect(upTo: 64 << 10))
            try form.requireOnly(["token", "password"])
            let token = form["token"] ?? ""
            do {
                try await auth.resetPassword(
                    token: token, newPassword: form["password"], now: clock.now(),
                    request: clientAddress.metadata(request, context))
            } catch let problems as FieldProblems {
                let why =
                    problems.byField["newPassword"].map { "The new password \($0)." }
                    ?? "This page needs the link from the mail; open it again."
                return Page.response(
                    Self.form(token: token, csrf: context.csrfToken, problem: why), status: .badRequest)
            } catch AccountsError.invalidResetToken {
                return Page.response(
                    Page.document(
                        title: "Link expired",
                        body: """
                            <h1>This link no longer works</h1>
                            <p>It was used already, or more than an hour has passed. Ask for a new one from the sign-in page.</p>
                            """),
                    status: .badRequest)
            }
            return Page.response(
                Page.document(
                    title: "Password changed",
                    body: """
                        <h1>Password changed</h1>
                        <p>Every device was signed out. <a href="/account/sign-in">Sign in</a> with the new password.</p>
                        """))
        }
    }

    static func form(token: String, csrf: String?, problem: String?) -> String {
        Page.document(
            title: "Choose a new password",
            body: """
                <h1>Choose a new password</h1>
                \(problem.map { "<p role=\"alert\">\(Page.escape($0))</p>" } ?? "")
                <form method="post" action="/account/reset-password">\(Page.csrfField(csrf))
                <input type="hidden" name="token" value="\(Page.escape(token))">
                <label>New password <input type="password" name="password" autocomplete="new-password" minlength="8" required></label>
                <button type="submit">Set the password</button></form>
                """)
    }
}
