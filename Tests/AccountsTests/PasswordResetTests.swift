import Accounts
import BoxOfficeApp
import Foundation
import HTTPCore
import HTTPTypes
import HummingbirdTesting
import Logging
import Mail
import TestSupport
import Testing

/// Forgotten passwords: a link mailed by the outbox worker, good for an hour and once; using it sets the password and
/// signs every device out. Asking tells nobody whether an address has an account.
@Suite struct PasswordResetTests {
    /// The token of the reset link in a mail's text.
    static func token(in text: String) -> String? {
        guard let range = text.range(of: #"reset-password\?token=[A-Za-z0-9_\-]+"#, options: .regularExpression) else {
            return nil
        }
        return String(text[range].split(separator: "=")[1])
    }

    @Test(arguments: TestDatabase.all)
    func aMailedLinkSetsTheNewPasswordOnceAndSignsEveryoneOut(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let account = try await app.signUp("forgetful@example.org")
            let known = try await app.client.send(
                .post, "/api/auth/forgot-password", json: ["email": "Forgetful@Example.org"])
            let unknown = try await app.client.send(
                .post, "/api/auth/forgot-password", json: ["email": "nobody@example.org"])
            #expect(known.status == .accepted && unknown.status == .accepted)
            #expect(known.text == unknown.text, "the answer tells nothing about the address")
            #expect(await eventually { app.mailer.sent(subject: "Reset your password").count == 1 })
            let mail = try #require(app.mailer.sent(subject: "Reset your password").first)
            #expect(mail.to.map(\.email) == ["forgetful@example.org"] && mail.subject == "Reset your password")
            let token = try #require(Self.token(in: mail.text))
            #expect(
                try await app.store.sql().raw(
                    "SELECT COUNT(*) AS n FROM password_resets WHERE token_hash = \(bind: token)"
                )
                .first()!.decode(column: "n", as: Int.self) == 0, "only the token's hash is kept")

            let weak = try await app.client.send(
                .post, "/api/auth/reset-password", json: ["token": token, "newPassword": "short"])
            #expect(weak.status == .badRequest)
            #expect(try weak.json()["error"]?["details"]?["fields"]?["newPassword"] != nil)
            let reset = try await app.client.send(
                .post, "/api/auth/reset-password", json: ["token": token, "newPassword": "a brand new passphrase"])
            #expect(reset.status == .noContent)
            let again = try await app.client.send(
                .post, "/api/auth/reset-password", json: ["token": token, "newPassword": "another new passphrase"])
            #expect(again.status == .unprocessableContent && again.errorCode == "INVALID_RESET_TOKEN", "works once")

            let refresh = try await app.client.send(
                .post, "/api/auth/refresh", json: ["refreshToken": account.refresh_token])
            #expect(refresh.status == .unauthorized, "every sign-in was revoked")
            let old = try await app.client.send(
                .post, "/api/auth/login", json: ["email": "forgetful@example.org", "password": TestApp.password])
            #expect(old.status == .unauthorized)
            let new = try await app.client.send(
                .post, "/api/auth/login",
                json: ["email": "forgetful@example.org", "password": "a brand new passphrase"])
            #expect(new.status == .ok)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aLinkExpiresAfterAnHour(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            _ = try await app.signUp("late@example.org")
            _ = try await app.client.send(.post, "/api/auth/forgot-password", json: ["email": "late@example.org"])
            #expect(await eventually { app.mailer.sent(subject: "Reset your password").count == 1 })
            let token = try #require(Self.token(in: app.mailer.sent(subject: "Reset your password")[0].text))
            app.clock.advance(by: 3601)
            let late = try await app.client.send(
                .post, "/api/auth/reset-password", json: ["token": token, "newPassword": "a brand new passphrase"])
            #expect(late.errorCode == "INVALID_RESET_TOKEN")
            let bad = try await app.client.send(.post, "/api/auth/forgot-password", json: ["email": "not an email"])
            #expect(bad.status == .badRequest)
            #expect(try bad.json()["error"]?["details"]?["fields"]?["email"] != nil)
        }
    }

    /// The whole way through a real mail server: the link read from the message aiosmtpd captured, its page opened, the
    /// form posted with its CSRF token.
    @Test func theLinkInTheMailOpensAPageThatResetsThePassword() async throws {
        guard let url = ProcessInfo.processInfo.environment["BOXOFFICE_TEST_SMTP_URL"] else {
            #expect(!TestPeers.required, "BOXOFFICE_TEST_SMTP_URL is required under scripts/test")
            return
        }
        var mail = MailConfig()
        mail.smtpURL = url
        mail.smtpTrustedCertificates = ProcessInfo.processInfo.environment["BOXOFFICE_TEST_SMTP_CA"]
        let live = try BoxOffice.liveMailer(mail, clock: .system, logger: Logger(label: "reset-mail"))
        let address = "reset-\(UUID().uuidString.prefix(8).lowercased())@example.org"
        try await withApp(seams: .init(mailer: live)) { app in
            _ = try await app.signUp(address)
            _ = try await app.client.send(
                .post, "/api/auth/forgot-password", json: ["email": .string(address)] as [String: JSONValue])
            let subject = "Reset your password"
            #expect(await eventually { (try? CapturedMail.messages(for: address, subject: subject).count) == 1 })
            let captured = try #require(try CapturedMail.messages(for: address, subject: subject).first)
            let token = try #require(Self.token(in: captured.text))

            let page = try await app.client.send(.get, "/account/reset-password?token=\(token)")
            #expect(page.status == .ok && page.text.contains("Choose a new password"))
            var cookies: [String: String] = [:]
            for line in page.headers[values: .setCookie] {
                let pair = line.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
                cookies[String(pair[0])] = pair.count > 1 ? String(pair[1]) : ""
            }
            let csrf = try #require(cookies.first { $0.key.hasSuffix("bx_csrf") }?.value)
            let headers: HTTPFields = [
                .contentType: "application/x-www-form-urlencoded",
                .cookie: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "),
            ]
            let body = "_csrf=\(csrf)&token=\(token)&password=a%20brand%20new%20passphrase"
            let done = try await app.client.send(.post, "/account/reset-password", headers: headers, raw: body)
            #expect(done.status == .ok && done.text.contains("Password changed"))
            let new = try await app.client.send(
                .post, "/api/auth/login",
                json: ["email": .string(address), "password": "a brand new passphrase"] as [String: JSONValue])
            #expect(new.status == .ok)
        }
    }
}
