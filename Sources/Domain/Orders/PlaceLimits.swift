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

    /// A buyer without an account (a cart or a guest's email) is as cheap to make anew as a request: their address is
    /// what bounds them, so it is decided first.
    public var isAnonymous: Bool { !buyerKey.hasPrefix("user:") }
}

/// An event's limits on the places one buyer and one client address have (held, pending or sold); 0 means no limit.
/// An address is bounded twice: by a count and by a share of the smallest session's capacity, whichever is lower, so
/// that one address never takes a small event whole however the count is set.
public struct PlaceLimits: Sendable, Equatable {
    public var perBuyer: Int
    public var perAddress: Int
    /// Percent of the capacity of the smallest session a purchase includes (1–100; 0: no share limit).
    public var addressShare: Int

    public init(perBuyer: Int, perAddress: Int, addressShare: Int = 0) {
        self.perBuyer = perBuyer
        self.perAddress = perAddress
        self.addressShare = addressShare
    }

    public static let none = PlaceLimits(perBuyer: 0, perAddress: 0)
    public var isNone: Bool { perBuyer == 0 && perAddress == 0 && addressShare == 0 }

    /// The event's own limits where it sets them, the installation's otherwise.
    public func overridden(perBuyer buyer: Int?, perAddress address: Int?, addressShare share: Int? = nil)
        -> PlaceLimits
    {
        PlaceLimits(perBuyer: buyer ?? perBuyer, perAddress: address ?? perAddress, addressShare: share ?? addressShare)
    }

    /// The limits with the share turned into places of a session of `capacity`: the address's limit is the lower of
    /// its count and its share (rounded up, at least one place).
    public func resolved(smallestCapacity capacity: Int?) -> PlaceLimits {
        guard addressShare > 0, let capacity, capacity > 0 else {
            return PlaceLimits(perBuyer: perBuyer, perAddress: perAddress)
        }
        let share = max(1, (capacity * addressShare + 99) / 100)
        return PlaceLimits(perBuyer: perBuyer, perAddress: perAddress == 0 ? share : min(perAddress, share))
    }
}

/// A purchase or hold that would take a buyer or an address past its event's limit.
public struct PlaceLimitExceeded: Error, Sendable, Equatable {
    public enum Scope: String, Sendable { case buyer, address }
    public var scope: Scope
    public var limit: Int
    /// Places this buyer (or address) already has for the event: held, pending or sold.
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

    /// Takes `quantity` places of `eventID` for `taker`, or throws without taking any. An anonymous buyer's address
    /// is decided first: a new cart or email per request is free, the address is not.
    public mutating func take(_ quantity: Int, of eventID: UUID, by taker: PlaceTaker) throws(PlaceLimitExceeded) {
        let limits = self.limits[eventID] ?? .none
        let buyerKey = Key(eventID: eventID, quotaKey: "buyer:\(taker.buyerKey)")
        let addressKey = taker.address.map { Key(eventID: eventID, quotaKey: "address:\($0)") }
        func checkBuyer() throws(PlaceLimitExceeded) {
            let held = used[buyerKey, default: 0]
            if limits.perBuyer > 0, held + quantity > limits.perBuyer {
                throw PlaceLimitExceeded(scope: .buyer, limit: limits.perBuyer, held: held, requested: quantity)
            }
        }
        func checkAddress() throws(PlaceLimitExceeded) {
            guard let addressKey else { return }
            let held = used[addressKey, default: 0]
            if limits.perAddress > 0, held + quantity > limits.perAddress {
                throw PlaceLimitExceeded(scope: .address, limit: limits.perAddress, held: held, requested: quantity)
            }
        }
        if taker.isAnonymous {
            try checkAddress()
            try checkBuyer()
        } else {
            try checkBuyer()
            try checkAddress()
        }
        used[buyerKey, default: 0] += quantity
        if let addressKey { used[addressKey, default: 0] += quantity }
    }
}
