import AsyncKit
import FluentKit
import HTTPCore
import Hummingbird

/// Routes that exist only in tests, mounted behind the production middleware, to exercise what every
/// real endpoint will meet: JSON bodies, unexpected failures, path parameters.
enum ProbeRoutes {
    struct Order: Codable, ResponseEncodable {
        struct Buyer: Codable { var email: String }
        var name: String
        var seats: Int
        var buyer: Buyer
    }

    struct Unexpected: Error {}

    /// What a CHECK or unique constraint refusal looks like from the database driver.
    struct ConstraintRefusal: Error, DatabaseError {
        var isSyntaxError: Bool { false }
        var isConstraintFailure: Bool { true }
        var isConnectionClosed: Bool { false }
    }

    static func register(on router: Router<AppRequestContext>) {
        router.post("/api/probe/orders") { request, context in
            try await request.decode(as: Order.self, context: context)
        }
        router.get("/api/probe/crash") { _, _ -> String in
            throw Unexpected()
        }
        router.delete("/api/probe/items/:id") { _, _ in HTTPResponse.Status.noContent }
        router.get("/api/probe/constraint") { _, _ -> String in throw ConstraintRefusal() }
        router.get("/api/probe/pool") { _, _ -> String in throw ConnectionPoolTimeoutError.connectionRequestTimeout }
    }
}
