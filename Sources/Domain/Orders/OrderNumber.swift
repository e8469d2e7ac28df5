/// Short, human-friendly, unguessable order numbers: 10 characters of Crockford base32 (50 random bits).
public enum OrderNumber {
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    public static func generate<G: RandomNumberGenerator>(using generator: inout G) -> String {
        String((0..<10).map { _ in alphabet[Int.random(in: 0..<32, using: &generator)] })
    }

    public static func generate() -> String {
        var generator = Randomness.Generator()
        return generate(using: &generator)
    }
}
