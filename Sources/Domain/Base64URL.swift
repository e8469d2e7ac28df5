public import Foundation

/// URL-safe base64 without padding, as in JWTs: it survives URLs, QR byte mode and copy and paste.
public enum Base64URL {
    /// Mapped byte by byte: every checkout encodes one token per ticket, so it stays cheap.
    public static func encode(_ data: Data) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(data.count * 4 / 3 + 2)
        for byte in data.base64EncodedData() where byte != UInt8(ascii: "=") {
            out.append(
                byte == UInt8(ascii: "+") ? UInt8(ascii: "-") : byte == UInt8(ascii: "/") ? UInt8(ascii: "_") : byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func decode(_ text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}
