import Foundation
import HTTPCore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

/// The web pages' surface: a session cookie from a sign-in form, CSRF protection on every form, HTML errors, and a
/// sign-out that ends the session at once.
@Suite struct WebPagesTests {
    /// Cookies as a browser keeps them.
    final class Jar: @unchecked Sendable {
        var cookies: [String: String] = [:]

        func take(_ response: TestResponse) {
            for line in response.headers[values: .setCookie] {
                let pair = line.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
                let name = String(pair[0])
                let value = pair.count > 1 ? String(pair[1]) : ""
                if value.isEmpty || line.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
            }
        }

        var header: HTTPFields {
            cookies.isEmpty ? [:] : [.cookie: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")]
        }
    }

    static func csrf(in page: String) -> String? {
        guard let range = page.range(of: #"name="_csrf" value="([^"]*)""#, options: .regularExpression) else {
            return nil
        }
        return String(page[range]).components(separatedBy: "value=\"")[1].dropLast().description
    }

    static func form(_ fields: [String: String]) -> String {
        fields.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)" }
            .joined(separator: "&")
    }

    @Test(arguments: TestDatabase.all)
    func signInSeeOrdersSignOut(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let buyer = try await app.signUp("buyer@example.org")
            let fixture = try await CatalogFixture.make(app)
            let workshop = try await fixture.workshop()
            let order = try await app.client.send(
                .post, "/api/orders", headers: buyer.bearer,
                json: ["ticketTypeId": .string(workshop.day1.ticketTypeId.uuidString), "quantity": 1]
                    as [String: JSONValue])
            let number = try order.json()["orderNumber"]?.stringValue

            let jar = Jar()
            let away = try await app.client.send(.get, "/account")
            #expect(away.status == .seeOther && away.headers[.location] == "/account/sign-in?next=%2Faccount")

            let signInPage = try await app.client.send(.get, "/account/sign-in", headers: jar.header)
            jar.take(signInPage)
            #expect(signInPage.status == .ok && signInPage.headers[.contentType] == "text/html; charset=utf-8")
            #expect(signInPage.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
            let token = try #require(Self.csrf(in: signInPage.text))
            #expect(jar.cookies["bx_csrf"] == token)
            #expect(signInPage.headers[values: .setCookie].first?.contains("HttpOnly") == true)

            var post = jar.header
            post[.contentType] = "application/x-www-form-urlencoded"
            let good = ["email": "buyer@example.org", "password": TestApp.password, "next": "/account"]

            // Forged: no token, a token that is not the cookie's, or another site's form.
            let missing = try await app.client.send(.post, "/account/sign-in", headers: post, raw: Self.form(good))
            #expect(missing.status == .forbidden && missing.headers[.contentType]?.hasPrefix("text/html") == true)
            var other = good
            other["_csrf"] = "not-the-cookie"
            #expect(
                try await app.client.send(.post, "/account/sign-in", headers: post, raw: Self.form(other)).status
                    == .forbidden)
            var withToken = good
            withToken["_csrf"] = token
            var foreign = post
            foreign[.origin] = "https://evil.example"
            #expect(
                try await app.client.send(.post, "/account/sign-in", headers: foreign, raw: Self.form(withToken))
                    .status == .forbidden)
            // Without its cookie, a token copied from somewhere is worth nothing.
            #expect(
                try await app.client.send(
                    .post, "/account/sign-in", headers: [.contentType: "application/x-www-form-urlencoded"],
                    raw: Self.form(withToken)
                ).status == .forbidden)

            var extra = withToken
            extra["admin"] = "yes"
            let strict = try await app.client.send(.post, "/account/sign-in", headers: post, raw: Self.form(extra))
            #expect(strict.status == .badRequest && strict.text.contains("admin"))

            var wrong = withToken
            wrong["password"] = "not the password"
            let refused = try await app.client.send(.post, "/account/sign-in", headers: post, raw: Self.form(wrong))
            #expect(refused.status == .unauthorized && refused.text.contains("The email or password is wrong."))

            var offsite = withToken
            offsite["next"] = "//evil.example/phish"
            let signedIn = try await app.client.send(.post, "/account/sign-in", headers: post, raw: Self.form(offsite))
            #expect(signedIn.status == .seeOther && signedIn.headers[.location] == "/account", "no open redirect")
            let sessionCookie = try #require(
                signedIn.headers[values: .setCookie].first { $0.hasPrefix("bx_session=") })
            #expect(sessionCookie.contains("HttpOnly") && sessionCookie.contains("SameSite=Lax"))
            jar.take(signedIn)

            // A web session is no refresh token, and a refresh token is no session cookie.
            let sessionToken = try #require(jar.cookies["bx_session"])
            #expect(
                try await app.client.send(.post, "/api/auth/refresh", json: ["refreshToken": sessionToken]).status
                    == .unauthorized)
            #expect(
                try await app.client.send(.get, "/account", headers: [.cookie: "bx_session=\(buyer.refresh_token)"])
                    .status == .seeOther)
            // Signing in replaced the CSRF token: the one from before no longer passes.
            #expect(jar.cookies["bx_csrf"] != token)

            let account = try await app.client.send(.get, "/account", headers: jar.header)
            #expect(account.status == .ok)
            let orderNumber = try #require(number)
            #expect(account.text.contains("buyer@example.org") && account.text.contains(orderNumber))

            var signOut = jar.header
            signOut[.contentType] = "application/x-www-form-urlencoded"
            let stolen = jar.header
            #expect(
                try await app.client.send(
                    .post, "/account/sign-out", headers: signOut, raw: Self.form(["_csrf": token])
                )
                .status == .forbidden, "the token from before signing in")
            let out = try await app.client.send(
                .post, "/account/sign-out", headers: signOut,
                raw: Self.form(["_csrf": try #require(jar.cookies["bx_csrf"])]))
            #expect(out.status == .seeOther)
            jar.take(out)
            #expect(jar.cookies["bx_session"] == nil)
            // The session is over on the server too: the old cookie no longer signs anyone in.
            let replay = try await app.client.send(.get, "/account", headers: stolen)
            #expect(replay.status == .seeOther)
            #expect(replay.headers[values: .setCookie].contains { $0.hasPrefix("bx_session=;") })
        }
    }

    /// Served over HTTPS, the cookies are Secure and `__Host-` prefixed, which no subdomain or plain-HTTP page can set.
    @Test func overHTTPSTheCookiesAreHostOnlyAndSecure() async throws {
        try await withApp(configure: { $0.http.hstsEnabled = true }) { app in
            let page = try await app.client.send(.get, "/account/sign-in")
            let csrf = try #require(page.headers[values: .setCookie].first)
            #expect(csrf.hasPrefix("__Host-bx_csrf=") && csrf.contains("Secure") && csrf.contains("Path=/"))
            #expect(!csrf.contains("Domain"))
        }
    }

    @Test func errorsOnPagesAreHTML() async throws {
        try await withApp { app in
            let response = try await app.client.send(
                .post, "/account/sign-out", headers: [.contentType: "application/x-www-form-urlencoded"], raw: "")
            #expect(response.status == .forbidden)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.text.contains("<h1>Forbidden</h1>"))
        }
    }
}
