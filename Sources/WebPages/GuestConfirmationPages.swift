public import Domain
import Foundation
public import HTTPCore
public import Hummingbird
public import Orders

/// The link in a guest's order confirmation: `GET /orders/confirm-email?token=…` shows the order and a button;
/// posting the form confirms the email: an offline order keeps its places until its payment deadline, a free one is
/// paid and its tickets mailed. Confirming takes a
/// click, not the link alone, so a mail scanner that follows links confirms nothing.
public struct GuestConfirmationPages: Sendable {
    let guests: GuestConfirmations
    let clock: AppClock

    public init(guests: GuestConfirmations, clock: AppClock) {
        self.guests = guests
        self.clock = clock
    }

    public func register(on router: some RouterMethods<AppRequestContext>) {
        let pages = router.group(context: WebRequestContext.self)
        pages.get("/orders/confirm-email") { request, context in
            let token = request.uri.queryParameters.get("token").map { String($0) } ?? ""
            let order = try await guests.pending(token: token, now: clock.now())
            let body =
                order.confirmed
                ? "<p>Your email is already confirmed for order \(Page.escape(order.orderNumber)).</p>"
                : """
                <p>Confirm your email address to keep the places of order \(Page.escape(order.orderNumber)).</p>
                <form method="post" action="/orders/confirm-email">\(Page.csrfField(context.csrfToken))
                <input type="hidden" name="token" value="\(Page.escape(token))">
                <button type="submit">Confirm my email</button></form>
                """
            return Page.response(Page.document(title: "Confirm your email", body: "<h1>Confirm your email</h1>\(body)"))
        }
        pages.post("/orders/confirm-email") { request, _ in
            let form = WebForm(try await request.body.collect(upTo: 64 << 10))
            try form.requireOnly(["token"])
            let confirmed = try await guests.confirm(token: form["token"] ?? "", now: clock.now())
            let outcome =
                if let deadline = confirmed.paymentDeadline {
                    """
                    <p>Order \(Page.escape(confirmed.orderNumber)) keeps its places until \
                    \(Page.escape(ISO8601Instant.string(deadline))): please pay by then.</p>
                    """
                } else {
                    """
                    <p>Order \(Page.escape(confirmed.orderNumber)) is confirmed: your tickets are on their way to your \
                    inbox.</p>
                    """
                }
            return Page.response(
                Page.document(title: "Email confirmed", body: "<h1>Email confirmed</h1>" + outcome))
        }
    }
}
