import Domain
import Foundation
import Testing

/// One source of randomness: IDs, order numbers and bytes all draw from it, so a seeded source makes them reproducible.
@Suite struct RandomnessTests {
    @Test func aSeededSourceMakesEveryDrawReproducible() {
        func draws() -> (UUID, String, [UInt8]) {
            Randomness.$source.withValue(SeededRandomSource(seed: 42)) {
                (UUID.random(), OrderNumber.generate(), Randomness.bytes(12))
            }
        }
        let (first, second) = (draws(), draws())
        #expect(first.0 == second.0 && first.1 == second.1 && first.2 == second.2)
        #expect(first.0.uuidString.dropFirst(14).first == "4", "still a version 4 UUID")
        let other = Randomness.$source.withValue(SeededRandomSource(seed: 43)) { UUID.random() }
        #expect(other != first.0)
        // Outside a seeded task the system's generator answers.
        #expect(UUID.random() != first.0 && Randomness.bytes(32).count == 32)
    }
}
