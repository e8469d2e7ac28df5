import BoxOfficeApp
import Foundation
import HTTPCore
import HTTPTypes
import HummingbirdTesting
import Mail
import TestSupport
import Testing

/// The templates: every message in every language renders whole, values never become markup, an organization's look
/// shows, and the preview endpoint renders any of them.
@Suite struct MailTemplateTests {
    @Test func everyMessageRendersInEveryLanguage() throws {
        let renderer = MailRenderer()
        for language in MailLanguage.allCases {
            for template in MailTemplate.allCases {
                let rendered = renderer.render(
                    template.sample(MailFormat(language)), language: language, layout: .installation)
                let name = "\(template.rawValue) (\(language.rawValue))"
                #expect(!rendered.subject.isEmpty && !rendered.subject.contains("\n"), "\(name)")
                #expect(!rendered.text.contains("{{") && !rendered.html.contains("{{"), "\(name)")
                #expect(!rendered.text.contains("\n\n\n"), "\(name): no runs of blank lines")
                #expect(rendered.html.hasPrefix("<!doctype html>"), "\(name)")
                #expect(rendered.html.contains("lang=\"\(language.rawValue)\""), "\(name)")
                #expect(rendered.text.hasPrefix(language == .en ? "Hello" : "Hallo"), "\(name)")
            }
        }
        // The same message reads differently in German, amounts and dates included.
        let english = renderer.render(
            MailTemplate.orderConfirmation.sample(MailFormat(.en)), language: .en, layout: .installation)
        let german = renderer.render(
            MailTemplate.orderConfirmation.sample(MailFormat(.de)), language: .de, layout: .installation)
        #expect(english.subject == "Your tickets for Autumn Jazz Nights")
        #expect(german.subject == "Ihre Tickets für Autumn Jazz Nights")
        #expect(english.text.contains("49.00 EUR") && german.text.contains("49,00 EUR"))
        #expect(german.text.contains("Dezember 2026"))
    }

    @Test func valuesAreTextNeverMarkup() {
        let content = MailContent(
            .organizerMessage,
            values: [
                "name": "<script>alert(1)</script>", "subject": "Hi", "eventTitle": "Tom & Jerry",
                "sessions": "S1",
            ],
            body: "<img src=x onerror=alert(1)>\nline two")
        let rendered = MailRenderer().render(
            content, language: .en,
            layout: MailLayout(name: "Studio \"Quote\"", primaryColor: "#123456", footerAddress: "1 <b>Lane</b>"))
        #expect(!rendered.html.contains("<script>") && rendered.html.contains("&lt;script&gt;"))
        #expect(!rendered.html.contains("<img src=x") && rendered.html.contains("&lt;img src=x"))
        #expect(rendered.html.contains("Tom &amp; Jerry") && !rendered.html.contains("<b>Lane"))
        #expect(rendered.html.contains("#123456"))
        // The plain text is the words as written.
        #expect(rendered.text.contains("Hello <script>alert(1)</script>,"))
        #expect(rendered.text.contains("> <img src=x onerror=alert(1)>\n> line two"))
    }

    @Test func aMessageWithoutItsLinkHasNoButton() {
        let rendered = MailRenderer().render(
            MailContent(.passwordReset, values: ["name": "Ada"]), language: .en, layout: .installation)
        #expect(!rendered.html.contains("<a href") && !rendered.text.contains("Choose a new password:"))
        let linked = MailRenderer().render(
            MailContent(.passwordReset, values: ["name": "Ada"], link: "https://x.example/r?token=a&b=1"),
            language: .en, layout: .installation)
        #expect(linked.html.contains("href=\"https://x.example/r?token=a&amp;b=1\""))
        #expect(linked.text.contains("Choose a new password: https://x.example/r?token=a&b=1"))
    }

    @Test(arguments: TestDatabase.all)
    func previewsRenderAnyMessageInAnOrganizationsLook(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fixture = try await CatalogFixture.make(app)
            let org = fixture.organization.organizationId
            let settings = try await app.client.send(
                .put, "/api/organizations/\(org)/email-settings", headers: fixture.headers,
                json: [
                    "language": "de", "primaryColor": "#AA3300", "footerAddress": "Seilstraße 1, Berlin",
                    "timeZone": "Europe/Berlin",
                ])
            #expect(settings.status == .ok, "\(settings.text)")
            #expect(try settings.json()["primaryColor"] == "#aa3300" && settings.json()["language"] == "de")

            let preview = try await app.client.send(
                .get, "/api/admin/email-templates/order-confirmation/preview?organizationId=\(org)",
                headers: fixture.headers)
            #expect(preview.status == .ok, "\(preview.text)")
            let body = try preview.json()
            #expect(body["language"] == "de" && body["subject"] == "Ihre Tickets für Autumn Jazz Nights")
            #expect(body["html"]?.stringValue?.contains("#aa3300") == true)
            #expect(body["text"]?.stringValue?.contains("Seilstraße 1, Berlin") == true)
            #expect(body["text"]?.stringValue?.contains("Gesendet von Rope Studio") == true)
            // The sample session starts 18:00 UTC: 19:00 in Berlin in December.
            #expect(body["text"]?.stringValue?.contains("19:00 Uhr MEZ") == true, "\(body["text"]?.stringValue ?? "")")
            #expect(try settings.json()["timeZone"] == "Europe/Berlin")
            let english = try await app.client.send(
                .get, "/api/admin/email-templates/order-confirmation/preview?organizationId=\(org)&language=en",
                headers: fixture.headers)
            #expect(try english.json()["subject"] == "Your tickets for Autumn Jazz Nights")

            // The installation's look is for admins; unknown names and languages are named.
            let plain = "/api/admin/email-templates/password-reset/preview"
            #expect(try await app.client.send(.get, plain, headers: fixture.headers).status == .forbidden)
            let admin = try await app.signInAdmin()
            #expect(try await app.client.send(.get, plain, headers: admin.bearer).status == .ok)
            let unknown = try await app.client.send(
                .get, "/api/admin/email-templates/nope/preview", headers: admin.bearer)
            #expect(unknown.status == .notFound && unknown.errorCode == "TEMPLATE_NOT_FOUND")
            let badLanguage = try await app.client.send(.get, plain + "?language=fr", headers: admin.bearer)
            #expect(badLanguage.status == .badRequest)
            let list = try await app.client.send(.get, "/api/admin/email-templates", headers: admin.bearer)
            #expect(try list.json()["templates"]?.arrayValue?.count == MailTemplate.allCases.count)

            // Only owners set the look; bad values are named: what the API document states (a language, a colour, an
            // address) as malformed, a time zone no database of zones knows by rule.
            let bad = try await app.client.send(
                .put, "/api/organizations/\(org)/email-settings", headers: fixture.headers,
                json: ["language": "fr", "primaryColor": "red", "replyTo": "nope", "timeZone": "Mars/Olympus"])
            #expect(bad.status == .badRequest)
            #expect(
                Set(try bad.json()["error"]?["details"]?["fields"]?.objectValue?.keys.map { $0 } ?? []) == [
                    "language", "primaryColor", "replyTo",
                ])
            let unknownZone = try await app.client.send(
                .put, "/api/organizations/\(org)/email-settings", headers: fixture.headers,
                json: ["timeZone": "Mars/Olympus"])
            #expect(unknownZone.status == .unprocessableContent)
            #expect(try unknownZone.json()["error"]?["details"]?["fields"]?["timeZone"] != nil)
            let stranger = try await app.signUp("stranger@example.org")
            #expect(
                try await app.client.send(
                    .put, "/api/organizations/\(org)/email-settings", headers: stranger.bearer, json: ["language": "en"]
                ).status == .forbidden)
        }
    }
}

/// A processor's sentence quoted in ours keeps no full stop of its own ("declined: Your card was declined.").
@Suite struct QuotedClauseTests {
    @Test func aQuotedSentenceLosesItsClosingFullStop() {
        #expect(QuotedClause.inSentence("Your card was declined.") == "Your card was declined")
        #expect(QuotedClause.inSentence(" insufficient funds ") == "insufficient funds")
        #expect(QuotedClause.inSentence("no reason given") == "no reason given")
    }
}
