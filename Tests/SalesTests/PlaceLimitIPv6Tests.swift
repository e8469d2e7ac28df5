import BoxOfficeApp
import Foundation
import HTTPCore
import HTTPTypes
import HummingbirdTesting
import TestSupport
import Testing

/// Behind a trusted proxy, 2001:db8:1:2::1 and then ::2 each took the whole per-address limit: the routes passed the
/// exact address. They pass the client's limit key now, so one IPv6 /64 is one address for places too.
@Suite struct PlaceLimitIPv6Tests {
    func hold(_ app: TestApp, _ type: UUID, _ quantity: Int, cart: String, from ip: String) async throws -> TestResponse
    {
        try await app.client.send(
            .post, "/api/holds", headers: [.cartToken: cart, .xForwardedFor: ip],
            json: ["ticketTypeId": .string(type.uuidString), "quantity": .int(quantity)] as [String: JSONValue])
    }

    @Test(arguments: TestDatabase.all)
    func addressesOfOneNetworkShareTheAddressLimit(_ database: TestDatabase) async throws {
        try await withApp(database, configure: { $0.sales.addressPlacesLimit = 6 }) { app in
            let fixture = try await CatalogFixture.make(app)
            let day1 = try await fixture.workshop().day1.ticketTypeId
            let first = try await hold(app, day1, 3, cart: "cart-a", from: "2001:db8:1:2::1")
            #expect(first.status == .created, "\(first.text)")
            let second = try await hold(app, day1, 3, cart: "cart-b", from: "2001:db8:1:2::2")
            #expect(second.status == .created, "\(second.text)")
            let third = try await hold(app, day1, 1, cart: "cart-c", from: "2001:db8:1:2:ffff::3")
            let scope = try third.json()["error"]?["details"]?["scope"]
            #expect(third.errorCode == "BUYER_LIMIT" && scope == "address", "\(third.text)")
            let neighbour = try await hold(app, day1, 1, cart: "cart-c", from: "2001:db8:1:3::1")
            #expect(neighbour.status == .created, "another /64 is another address: \(neighbour.text)")
        }
    }
}
