import Crypto
import Domain
import Foundation

/// Opaque secrets (refresh tokens, cart tokens): 32 random bytes, URL-safe base64; only their SHA-256 is stored.
public enum OpaqueToken {
    public static func generate() -> String {
        Base64URL.encode(Data(Randomness.bytes(32)))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Lowercase hex SHA-256 (`String(format:)` per byte cost a checkout more than its SHA-256 did).
    public static func hash(_ token: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in SHA256.hash(data: Data(token.utf8)) {
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
