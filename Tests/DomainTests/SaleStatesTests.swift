import Domain
import Testing

@Suite struct SaleStatesTests {
    @Test func onlyTheDocumentedMovesAreAllowed() {
        let allowed: Set<String> = [
            "pending>paid", "pending>cancelled", "pending>expired", "paid>cancelled", "paid>refunded",
        ]
        for from in OrderStatus.allCases {
            for to in OrderStatus.allCases {
                #expect(from.canMove(to: to) == allowed.contains("\(from.rawValue)>\(to.rawValue)"), "\(from) → \(to)")
            }
        }
    }

    @Test func eachMoveSaysWhatHappensToThePlaces() {
        #expect(OrderStatus.pending.placeEffect(to: .paid) == .confirmHeld)
        #expect(OrderStatus.pending.placeEffect(to: .cancelled) == .releaseHeld)
        #expect(OrderStatus.pending.placeEffect(to: .expired) == .releaseHeld)
        #expect(OrderStatus.paid.placeEffect(to: .refunded) == .releaseSold)
        #expect(OrderStatus.paid.placeEffect(to: .cancelled) == .releaseSold)
    }

    @Test func orderNumbersAreTenCrockfordCharacters() {
        var seen = Set<String>()
        for _ in 0..<1000 {
            let number = OrderNumber.generate()
            #expect(number.count == 10)
            #expect(number.allSatisfy { "0123456789ABCDEFGHJKMNPQRSTVWXYZ".contains($0) })
            seen.insert(number)
        }
        #expect(seen.count == 1000)
    }
}
