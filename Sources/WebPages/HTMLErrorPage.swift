import Domain
import Foundation
import HTTPCore
import HTTPTypes
import Hummingbird
import Logging

/// Errors on the web pages, as a person should see them: an HTML page with the status and a sentence, or, when the
/// page needs a signed-in person, a redirect to the sign-in page that comes back afterwards.
enum HTMLErrorPage {
    static func response(
        for error: any Error, request: Request, context: AppRequestContext, translate: ErrorTranslator
    ) -> Response {
        // The database's errors mean on a page what they mean in the API (a busy pool is a 503 with Retry-After).
        let error: any Error = (error as? any APIError) ?? translate(error) ?? error
        let (status, message): (HTTPResponse.Status, String) =
            switch error {
            case let error as any APIError: (error.status, error.message)
            case let problems as FieldProblems:
                (
                    .badRequest,
                    problems.byField.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "; ")
                )
            case let error as HTTPError: (error.status, error.body ?? error.status.reasonPhrase)
            default: (.internalServerError, "Something went wrong on our side; please try again.")
            }
        if status == .internalServerError {
            context.logger.error("page failed", metadata: ["error": "\(String(reflecting: error))"])
        }
        if status == .unauthorized {
            // A form posted from a session that has ended comes back to the account page once signed in again.
            let path = request.method == .get ? request.uri.path : "/account"
            let back = path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/account"
            return Response(status: .seeOther, headers: [.location: "/account/sign-in?next=\(back)"])
        }
        let body = Page.document(
            title: "\(status.code) \(status.reasonPhrase)",
            body: """
                <h1>\(Page.escape(status.reasonPhrase))</h1>
                <p>\(Page.escape(message))</p>
                <p class="muted">Reference: \(Page.escape(context.requestID))</p>
                <p><a href="/account">Your account</a></p>
                """)
        var response = Page.response(body, status: status)
        // What the error asks of the client (Retry-After on a 429 or 503) holds on a page too.
        if let error = error as? any APIError {
            for field in error.headers { response.headers.append(field) }
        }
        return response
    }
}
