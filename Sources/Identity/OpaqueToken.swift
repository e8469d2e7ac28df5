import Crypto
public import Foundation

/// Opaque secrets (refresh tokens, cart tokens): 32 random bytes, URL-safe base64; only their SHA-256 is stored.
public enum OpaqueToken {
    public static func generate() -> String {
        let key = SymmetricKey(size: .bits256)
        // URL-safe base64 without padding, mapped byte by byte: every checkout makes one per ticket, so it stays cheap.
        let base64 = key.withUnsafeBytes { Data($0) }.base64EncodedData()
        var out: [UInt8] = []
        out.reserveCapacity(base64.count)
        for byte in base64 where byte != UInt8(ascii: "=") {
            out.append(byte == UInt8(ascii: "+") ? UInt8(ascii: "-") : byte == UInt8(ascii: "/") ? UInt8(ascii: "_") : byte)
        }
        return String(decoding: out, as: UTF8.self)
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
