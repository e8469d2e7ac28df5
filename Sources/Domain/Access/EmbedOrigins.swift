public import Foundation

/// The sites allowed to frame an organization's embeds, as stored (space-separated) and as a browser is told
/// (`Content-Security-Policy: frame-ancestors`).
public enum EmbedOrigins {
    public static func list(_ stored: String?) -> [String] {
        (stored ?? "").split(separator: " ").map(String.init)
    }

    /// An origin and nothing more: `https://host[:port]`, or `http://localhost[:port]` for development.
    public static func isValid(_ origin: String) -> Bool {
        guard let url = URL(string: origin), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty,
            url.path.isEmpty, url.query == nil, url.fragment == nil, url.user == nil,
            origin.range(of: #"^[A-Za-z][A-Za-z0-9+.-]*://[A-Za-z0-9.-]+(:[0-9]{1,5})?$"#, options: .regularExpression)
                != nil
        else { return false }
        return scheme == "https" || (scheme == "http" && ["localhost", "127.0.0.1"].contains(host.lowercased()))
    }

    /// The directive's sources: the allowed origins, or `'none'` when there are none.
    public static func frameAncestors(_ origins: [String]) -> String {
        origins.isEmpty ? "'none'" : origins.joined(separator: " ")
    }
}
