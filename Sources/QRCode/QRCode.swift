/// A QR code symbol (ISO/IEC 18004, model 2) holding bytes, built in-process so that tickets need no network
/// and no system library. Byte mode only: ticket secrets and signed payloads are ASCII, and byte mode reads
/// back verbatim in every decoder.
///
/// There is no Swift QR encoder among the packages this project may use, and linking a C library
/// (libqrencode) would break `swift run boxoffice serve` on a machine without it; the symbol is checked by an
/// outside decoder (zbarimg) in the tests.
public struct QRCode: Sendable, Equatable {
    /// Modules per side: 21 for version 1, four more per version.
    public let size: Int
    public let version: Int
    public let errorCorrection: ErrorCorrection
    /// Row-major, `true` is dark.
    private let modules: [Bool]

    public enum ErrorCorrection: Sendable, CaseIterable {
        /// Recovers about 7%, 15%, 25% and 30% of the symbol.
        case low, medium, quartile, high

        var ordinal: Int {
            switch self {
            case .low: 0
            case .medium: 1
            case .quartile: 2
            case .high: 3
            }
        }

        /// The two bits the format information carries for this level.
        var formatBits: Int {
            switch self {
            case .low: 1
            case .medium: 0
            case .quartile: 3
            case .high: 2
            }
        }
    }

    public enum EncodingError: Error, Equatable {
        /// Even version 40 cannot hold this many bytes at the level asked for.
        case dataTooLong(bytes: Int)
    }

    public func isDark(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < size && y < size && modules[y * size + x]
    }

    /// Encodes `bytes` in the smallest version that holds them, with the mask that scores best.
    public init(bytes: [UInt8], errorCorrection: ErrorCorrection = .medium) throws {
        guard let version = (1...40).first(where: { Self.fitsIn($0, count: bytes.count, errorCorrection) }) else {
            throw EncodingError.dataTooLong(bytes: bytes.count)
        }
        let codewords = Self.dataCodewords(bytes, version: version, errorCorrection)
        var matrix = ModuleMatrix(version: version)
        matrix.drawFunctionPatterns()
        matrix.drawCodewords(ReedSolomon.interleaved(codewords, version: version, errorCorrection))
        var best: (penalty: Int, matrix: ModuleMatrix)?
        for mask in 0..<8 {
            var candidate = matrix
            candidate.apply(mask: mask)
            candidate.drawFormatBits(errorCorrection, mask: mask)
            let penalty = candidate.penalty()
            if best == nil || penalty < best!.penalty { best = (penalty, candidate) }
        }
        self.size = matrix.size
        self.version = version
        self.errorCorrection = errorCorrection
        self.modules = best!.matrix.dark
    }

    public init(text: String, errorCorrection: ErrorCorrection = .medium) throws {
        try self.init(bytes: Array(text.utf8), errorCorrection: errorCorrection)
    }

    // MARK: - Data codewords

    private static func countBits(_ version: Int) -> Int { version <= 9 ? 8 : 16 }

    private static func fitsIn(_ version: Int, count: Int, _ level: ErrorCorrection) -> Bool {
        let bits = 4 + countBits(version) + 8 * count
        return count < (1 << countBits(version)) && bits <= Capacity.dataCodewords(version, level) * 8
    }

    /// Mode, count, bytes, terminator and padding, as the data codewords of `version`.
    private static func dataCodewords(_ bytes: [UInt8], version: Int, _ level: ErrorCorrection) -> [UInt8] {
        var bits = BitBuffer()
        bits.append(0b0100, count: 4)
        bits.append(bytes.count, count: countBits(version))
        for byte in bytes { bits.append(Int(byte), count: 8) }
        let capacity = Capacity.dataCodewords(version, level) * 8
        bits.append(0, count: min(4, capacity - bits.count))
        bits.append(0, count: (8 - bits.count % 8) % 8)
        var codewords = bits.bytes
        var pad: UInt8 = 0xEC
        while codewords.count * 8 < capacity {
            codewords.append(pad)
            pad ^= 0xEC ^ 0x11
        }
        return codewords
    }
}

struct BitBuffer {
    private(set) var bits: [Bool] = []
    var count: Int { bits.count }

    mutating func append(_ value: Int, count: Int) {
        for shift in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> shift) & 1 == 1) }
    }

    var bytes: [UInt8] {
        stride(from: 0, to: bits.count, by: 8).map { start in
            (0..<8).reduce(UInt8(0)) { byte, offset in
                byte << 1 | (start + offset < bits.count && bits[start + offset] ? 1 : 0)
            }
        }
    }
}
