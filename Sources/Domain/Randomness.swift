import Foundation
import Synchronization

/// Where a random draw comes from.
public protocol RandomSource: Sendable {
    func next() -> UInt64
}

/// The system's cryptographically secure generator: what every draw uses outside tests.
public struct SystemRandomSource: RandomSource {
    public init() {}

    public func next() -> UInt64 {
        var generator = SystemRandomNumberGenerator()
        return generator.next()
    }
}

/// A reproducible source (SplitMix64) for tests that want the same IDs, tokens and order numbers on every run, so
/// that what they render (a page, an email) can be compared whole. Never for production: it is predictable.
public final class SeededRandomSource: RandomSource {
    private let state: Mutex<UInt64>

    public init(seed: UInt64) {
        state = Mutex(seed)
    }

    public func next() -> UInt64 {
        state.withLock { state in
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}

/// The one source of randomness for IDs, tokens, secrets, order numbers and door codes. It is the system's generator;
/// a test may draw from another within a task (`Randomness.$source.withValue(SeededRandomSource(seed: 1)) { … }`).
/// Cryptographic keys and AES-GCM nonces come from swift-crypto's own generator and never from here.
public enum Randomness {
    @TaskLocal public static var source: any RandomSource = SystemRandomSource()

    /// `count` random bytes.
    public static func bytes(_ count: Int) -> [UInt8] {
        let source = Self.source
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count + 8)
        while bytes.count < count {
            withUnsafeBytes(of: source.next()) { bytes.append(contentsOf: $0) }
        }
        return Array(bytes.prefix(count))
    }

    /// A `RandomNumberGenerator` drawing from the current source, for `Int.random(in:using:)` and the like.
    public struct Generator: RandomNumberGenerator {
        let source = Randomness.source

        public init() {}

        public mutating func next() -> UInt64 { source.next() }
    }
}
