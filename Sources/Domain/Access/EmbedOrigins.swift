import Foundation

/// The sites allowed to frame an organization's embeds, as stored (space-separated) and as a browser is told
/// (`Content-Security-Policy: frame-ancestors`).
public enum EmbedOrigins {
    public static func list(_ stored: String?) -> [String] {
        (stored ?? "").split(separator: " ").map(String.init)
    }

    /// An origin and nothing more: `https://host[:port]`, or `http://localhost[:port]` for development; a port is 1 to
    /// 65535, without leading zeros (a browser would never match `:99999`, and the policy should say what it means).
    public static func isValid(_ origin: String) -> Bool {
        guard let url = URL(string: origin), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty,
            url.path.isEmpty, url.query == nil, url.fragment == nil, url.user == nil,
            origin.range(
                of: #"^[A-Za-z][A-Za-z0-9+.-]*://[A-Za-z0-9.-]+(:[1-9][0-9]{0,4})?$"#, options: .regularExpression)
                != nil
        else { return false }
        if let colon = origin.lastIndex(of: ":"), let port = Int(origin[origin.index(after: colon)...]) {
            guard (1...65535).contains(port) else { return false }
        }
        return scheme == "https" || (scheme == "http" && ["localhost", "127.0.0.1"].contains(host.lowercased()))
    }

    /// The directive's sources: the allowed origins, or `'none'` when there are none.
    public static func frameAncestors(_ origins: [String]) -> String {
        origins.isEmpty ? "'none'" : origins.joined(separator: " ")
    }
}
