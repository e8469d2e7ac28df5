/// Why an order moved, as a fact the code that reacts to the move reads, beside the reason's text that people read in
/// the order's history. Nothing parses that text: a fact a reader needs is carried here.
public enum TransitionCause: Sendable, Codable, Equatable {
    /// The card processor refused or cancelled the payment; `processorSays` is its own explanation, when it gave one.
    case cardPaymentFailed(processorSays: String?)
}
