public import HTTPTypes
public import Hummingbird
import Synchronization

/// The routes the server answers, so that a path known under another method gets 405 and `Allow`
/// rather than 404.
///
/// Middleware must exist before routes are added (Hummingbird applies it to later routes only), so the
/// catalog is created empty, handed to `ErrorMiddleware`, and filled once all routes are registered.
public final class RouteCatalog: Sendable {
    private let routes = Mutex<[(path: RouterPath, method: HTTPRequest.Method)]>([])

    public init() {}

    public func record(_ routes: [Router<AppRequestContext>.RouteDescription]) {
        self.routes.withLock { $0 = routes.map { ($0.path, $0.method) } }
    }

    /// The methods registered for a concrete request path, in a stable order. As the router does, the most specific
    /// routes win: `/api/holds/mine` is not `/api/holds/{holdId}`, so its `Allow` lists only its own methods.
    public func methods(matching path: String) -> [HTTPRequest.Method] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        let matching = routes.withLock { routes in routes.filter { Self.matches($0.path, segments) } }
        let best = matching.map { Self.literals($0.path) }.max() ?? 0
        let methods = matching.filter { Self.literals($0.path) == best }.map(\.method)
        return Array(Set(methods)).sorted { $0.rawValue < $1.rawValue }
    }

    /// How many of a route's segments are fixed words rather than parameters or wildcards.
    private static func literals(_ route: RouterPath) -> Int {
        route.components.filter { component in
            let text = component.description
            return !(text.hasPrefix(":") || text.hasPrefix("{") || text.hasPrefix("*") || text.hasPrefix("$"))
        }.count
    }

    private static func matches(_ route: RouterPath, _ segments: [Substring]) -> Bool {
        var index = 0
        for component in route.components {
            // `Element.value` is not public; a recursive wildcard describes itself as "**".
            if component.description == "**" { return true }
            guard index < segments.count, component ~= segments[index] else { return false }
            index += 1
        }
        return index == segments.count
    }
}
