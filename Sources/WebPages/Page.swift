import Foundation
import HTTPCore
import HTTPTypes
import Hummingbird

/// The HTML around every page, and escaping: everything a page shows from outside goes through `escape`.
enum Page {
    static func document(title: String, body: String) -> String {
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title)) · BoxOffice</title>
        <style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
        label{display:block;margin:.75rem 0 .25rem}input{font:inherit;padding:.4rem;width:100%;box-sizing:border-box}
        button{font:inherit;padding:.5rem 1rem;margin-top:1rem}table{border-collapse:collapse;width:100%}
        td,th{text-align:left;padding:.3rem;border-bottom:1px solid #ddd}.muted{color:#666}.error{color:#a00}</style>
        </head><body><main>
        \(body)
        </main></body></html>
        """
    }

    static func response(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    static func escape(_ text: String) -> String { HTMLEscaping.escape(text) }

    /// The hidden field every form carries.
    static func csrfField(_ token: String?) -> String {
        "<input type=\"hidden\" name=\"_csrf\" value=\"\(escape(token ?? ""))\">"
    }
}
