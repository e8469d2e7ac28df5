public import Foundation

/// An amount of money: integer minor units (cents) and an ISO 4217 currency. Never a floating-point number.
public struct Money: Sendable, Hashable, Codable {
    public var minorUnits: Int
    public var currency: Currency

    public init(minorUnits: Int, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// The amount in major units, exactly (`12050` cents → `120.5`), for JSON.
    public var decimal: Decimal {
        Decimal(minorUnits) / pow(10, currency.minorDigits)
    }
}

/// An ISO 4217 currency code with the number of digits after its decimal point.
public struct Currency: Sendable, Hashable, Codable, CustomStringConvertible {
    public let code: String

    /// Nil unless `code` is three letters.
    public init?(_ code: String) {
        let upper = code.uppercased()
        guard upper.count == 3, upper.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        self.code = upper
    }

    /// A code as stored (an event's, an order's, a payment's): every stored code is valid, and one that somehow is not
    /// reads as euros rather than failing the read.
    public static func stored(_ code: String) -> Currency {
        Currency(code) ?? euro
    }

    private static let euro = Currency(code: "EUR")

    private init(code: String) {
        self.code = code
    }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        guard let currency = Currency(raw) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "must be an ISO 4217 code"))
        }
        self = currency
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }

    public var description: String { code }

    /// Currencies without minor units; every other currency is taken to have two.
    private static let zeroDigit: Set<String> = [
        "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF",
    ]

    public var minorDigits: Int { Self.zeroDigit.contains(code) ? 0 : 2 }

    /// Converts a price a person wrote in major units (`120.00`, `45.5`) to minor units, or nil when it has
    /// more decimals than the currency allows or is out of range.
    public func minorUnits(fromMajor amount: Double) -> Int? {
        guard amount.isFinite, abs(amount) < 1e12 else { return nil }
        let scaled = amount * pow(10, Double(minorDigits))
        let rounded = scaled.rounded()
        // Binary floating point cannot hold 0.1 exactly; anything within a millionth of a minor unit is that unit.
        guard abs(scaled - rounded) < 1e-6 else { return nil }
        return Int(rounded)
    }
}
