import Foundation

/// Where and how to hand mail to an SMTP server, read from `SMTP_URL`:
/// `smtp://user:password@host:587` (STARTTLS required), `smtps://user:password@host:465` (TLS from the first byte),
/// `smtp://127.0.0.1:2525?starttls=off` (plain text, on a loopback server only). User and password are
/// percent-decoded; AUTH is used when they are given (PLAIN, else LOGIN, as the server offers).
public struct SMTPSettings: Sendable, Equatable, CustomStringConvertible {
    public enum Security: Sendable, Equatable {
        /// Plain connection upgraded with STARTTLS before anything else is said; a server without it is refused.
        case startTLS
        /// TLS from the first byte (port 465).
        case implicitTLS
        /// No TLS: only to a loopback server (a local relay or a test).
        case none
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var username: String?
    public var password: String?
    /// PEM certificates trusted besides the system's (`SMTP_CA_FILE`): a private relay, the tests' server.
    public var trustedCertificatesFile: String?
    /// Seconds each step may take (connect, each reply).
    public var timeoutSeconds: Int
    /// How long an unused connection is kept for the next message.
    public var idleSeconds: Int
    /// The name BoxOffice gives in EHLO.
    public var heloName: String

    public init(
        host: String, port: Int, security: Security, username: String? = nil, password: String? = nil,
        trustedCertificatesFile: String? = nil, timeoutSeconds: Int = 30, idleSeconds: Int = 20,
        heloName: String = "boxoffice.localhost"
    ) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.trustedCertificatesFile = trustedCertificatesFile
        self.timeoutSeconds = timeoutSeconds
        self.idleSeconds = idleSeconds
        self.heloName = heloName
    }

    /// The password never: settings may end up in a log line.
    public var description: String {
        "SMTPSettings(\(security) \(host):\(port), user: \(username ?? "-"), password: \(password == nil ? "-" : "***"))"
    }

    /// The name sent for SNI and checked against the certificate; none for an IP address (SNI cannot carry one).
    var serverNameIndication: String? {
        let isAddress = host.contains(":") || host.allSatisfy { $0.isNumber || $0 == "." }
        return isAddress ? nil : host
    }

    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case invalid(String)
        public var description: String {
            switch self {
            case .invalid(let why): why
            }
        }
    }

    /// Reads `SMTP_URL`; the error says what is wrong with it.
    public static func parse(_ text: String) throws -> SMTPSettings {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            let host = components.host, !host.isEmpty
        else { throw ParseError.invalid("must be smtp://[user:password@]host[:port] or smtps://…") }
        var security: Security
        switch scheme {
        case "smtp": security = .startTLS
        case "smtps": security = .implicitTLS
        default: throw ParseError.invalid("must start with smtp:// or smtps://")
        }
        let starttls = components.queryItems?.first { $0.name == "starttls" }?.value?.lowercased()
        if starttls == "off" {
            guard security == .startTLS else { throw ParseError.invalid("starttls=off is for smtp:// only") }
            guard ["127.0.0.1", "::1", "localhost"].contains(host.lowercased()) else {
                throw ParseError.invalid("starttls=off is only allowed to a loopback server")
            }
            security = .none
        }
        let port = components.port ?? (security == .implicitTLS ? 465 : 587)
        if (components.user != nil) != (components.password != nil) {
            throw ParseError.invalid("give both user and password, or neither")
        }
        guard (1...65_535).contains(port) else { throw ParseError.invalid("port must be 1–65535") }
        return SMTPSettings(
            host: host, port: port, security: security,
            username: components.percentEncodedUser.flatMap { $0.removingPercentEncoding },
            password: components.percentEncodedPassword.flatMap { $0.removingPercentEncoding })
    }
}
