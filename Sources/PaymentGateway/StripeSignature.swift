import Crypto
public import Foundation

/// Stripe's webhook signature: `Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">[,v1=…]`. Any
/// `v1` matching any configured secret passes (several secrets during a rotation); a timestamp further than the
/// tolerance from now is refused, so a captured webhook cannot be replayed later.
public struct StripeSignature: Sendable {
    public let secrets: [String]
    public let tolerance: TimeInterval

    public init(secrets: [String], tolerance: TimeInterval = 300) {
        self.secrets = secrets
        self.tolerance = tolerance
    }

    public func verify(body: [UInt8], header: String?, now: Date) throws {
        guard !secrets.isEmpty else { throw PaymentGatewayError.badSignature("no webhook secret is configured") }
        guard let header, !header.isEmpty else { throw PaymentGatewayError.badSignature("missing Stripe-Signature") }
        var timestamp: Int?
        var signatures: [[UInt8]] = []
        for element in header.split(separator: ",") {
            let pair = element.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { continue }
            switch pair[0] {
            case "t": timestamp = Int(pair[1])
            case "v1": if let bytes = Self.hexBytes(pair[1]) { signatures.append(bytes) }
            default: continue  // v0 and schemes to come are not ours to check
            }
        }
        guard let timestamp else { throw PaymentGatewayError.badSignature("no timestamp") }
        guard !signatures.isEmpty else { throw PaymentGatewayError.badSignature("no v1 signature") }
        let signedPayload = Array("\(timestamp).".utf8) + body
        let matches = secrets.contains { secret in
            let expected = Array(
                HMAC<SHA256>.authenticationCode(for: signedPayload, using: SymmetricKey(data: Array(secret.utf8))))
            return signatures.contains { Self.constantTimeEqual($0, expected) }
        }
        guard matches else { throw PaymentGatewayError.badSignature("no signature matches") }
        guard abs(now.timeIntervalSince1970 - Double(timestamp)) <= tolerance else {
            throw PaymentGatewayError.staleSignature
        }
    }

    /// The header Stripe would send for `body` at `timestamp`: for tests and tools that sign as Stripe does.
    public static func header(body: [UInt8], secret: String, timestamp: Int) -> String {
        let code = HMAC<SHA256>.authenticationCode(
            for: Array("\(timestamp).".utf8) + body, using: SymmetricKey(data: Array(secret.utf8)))
        return "t=\(timestamp),v1=\(code.map { String(format: "%02x", $0) }.joined())"
    }

    static func hexBytes(_ hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0, digits.count <= 256 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }
}
