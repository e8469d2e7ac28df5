public import Foundation

/// Who takes places, for the limits on what one buyer and one client address may hold or keep pending per event: the
/// buyer is their account when signed in, else their cart's token, else the email they order with; the address is the
/// client's (from trusted proxies' `X-Forwarded-For`).
public struct PlaceTaker: Sendable, Hashable {
    public var buyerKey: String
    public var address: String?

    public init(userID: UUID?, cartTokenHash: String?, email: String?, address: String?) {
        if let userID {
            buyerKey = "user:\(userID.uuidString.lowercased())"
        } else if let cartTokenHash {
            buyerKey = "cart:\(cartTokenHash)"
        } else {
            buyerKey = "email:\(email ?? "")"
        }
        self.address = address.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The quota keys this taker counts against: `buyer:<key>` and `address:<ip>`.
    public var quotaKeys: [String] { ["buyer:\(buyerKey)"] + (address.map { ["address:\($0)"] } ?? []) }
}

/// An event's limits on places held or pending per buyer and per client address; 0 means no limit.
public struct PlaceLimits: Sendable, Equatable {
    public var perBuyer: Int
    public var perAddress: Int

    public init(perBuyer: Int, perAddress: Int) {
        self.perBuyer = perBuyer
        self.perAddress = perAddress
    }

    public static let none = PlaceLimits(perBuyer: 0, perAddress: 0)
    public var isNone: Bool { perBuyer == 0 && perAddress == 0 }

    /// The event's own limits where it sets them, the installation's otherwise.
    public func overridden(perBuyer buyer: Int?, perAddress address: Int?) -> PlaceLimits {
        PlaceLimits(perBuyer: buyer ?? perBuyer, perAddress: address ?? perAddress)
    }
}

/// A purchase or hold that would take a buyer or an address past its event's limit.
public struct PlaceLimitExceeded: Error, Sendable, Equatable {
    public enum Scope: String, Sendable { case buyer, address }
    public var scope: Scope
    public var limit: Int
    /// Places this buyer (or address) already holds or keeps pending for the event.
    public var held: Int
    public var requested: Int
}

/// What each buyer and address holds or keeps pending per event, as read in the transaction that decides, and the
/// decision: places are taken only while both stay within their limits. Purchases decided in the same transaction
/// count as they are taken.
public struct PlaceQuotaLedger: Sendable {
    struct Key: Hashable {
        var eventID: UUID
        var quotaKey: String
    }

    var used: [Key: Int]
    let limits: [UUID: PlaceLimits]

    public init(used: [(eventID: UUID, quotaKey: String, places: Int)], limits: [UUID: PlaceLimits]) {
        var totals: [Key: Int] = [:]
        for entry in used { totals[Key(eventID: entry.eventID, quotaKey: entry.quotaKey), default: 0] += entry.places }
        self.used = totals
        self.limits = limits
    }

    /// Takes `quantity` places of `eventID` for `taker`, or throws without taking any.
    public mutating func take(_ quantity: Int, of eventID: UUID, by taker: PlaceTaker) throws(PlaceLimitExceeded) {
        let limits = self.limits[eventID] ?? .none
        let buyerKey = Key(eventID: eventID, quotaKey: "buyer:\(taker.buyerKey)")
        let buyerHeld = used[buyerKey, default: 0]
        if limits.perBuyer > 0, buyerHeld + quantity > limits.perBuyer {
            throw PlaceLimitExceeded(scope: .buyer, limit: limits.perBuyer, held: buyerHeld, requested: quantity)
        }
        var addressKey: Key?
        if let address = taker.address {
            let key = Key(eventID: eventID, quotaKey: "address:\(address)")
            let addressHeld = used[key, default: 0]
            if limits.perAddress > 0, addressHeld + quantity > limits.perAddress {
                throw PlaceLimitExceeded(
                    scope: .address, limit: limits.perAddress, held: addressHeld, requested: quantity)
            }
            addressKey = key
        }
        used[buyerKey, default: 0] += quantity
        if let addressKey { used[addressKey, default: 0] += quantity }
    }
}
