/// A session's code within its event: `S` and its number (`S1`), which buyers, organizers and kiosks use in place of its
/// ID, and which mails and reports show.
public struct SessionCode: Sendable, Hashable, CustomStringConvertible {
    public let number: Int

    public init(number: Int) {
        self.number = number
    }

    /// A code as a person writes it: `S` or `s` and a positive number; nil for anything else.
    public init?(_ text: String) {
        guard text.hasPrefix("S") || text.hasPrefix("s"), let number = Int(text.dropFirst()), number > 0 else {
            return nil
        }
        self.number = number
    }

    public var description: String { "S\(number)" }
}
