import Hummingbird

/// The pages' cookies, made one way: HttpOnly, SameSite=Lax, Path=/; and, when the installation is served over
/// HTTPS, Secure with the `__Host-` prefix, which browsers accept only from a secure origin without a Domain, so no
/// subdomain and no plain-HTTP page can plant or overwrite them.
public struct WebCookies: Sendable {
    public let secure: Bool

    public init(secure: Bool) {
        self.secure = secure
    }

    public var sessionName: String { secure ? "__Host-bx_session" : "bx_session" }
    public var csrfName: String { secure ? "__Host-bx_csrf" : "bx_csrf" }

    func session(_ token: String, maxAge: Int) -> Cookie { make(sessionName, token, maxAge: maxAge) }
    func clearedSession() -> Cookie { make(sessionName, "", maxAge: 0) }
    func csrf(_ token: String) -> Cookie { make(csrfName, token, maxAge: nil) }

    private func make(_ name: String, _ value: String, maxAge: Int?) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }
}
