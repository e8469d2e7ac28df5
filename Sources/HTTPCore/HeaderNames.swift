public import HTTPTypes

/// Headers of BoxOffice's own that more than one feature reads.
extension HTTPField.Name {
    /// A guest's access token for an order (and its tickets).
    public static var orderToken: Self { .init("X-Order-Token")! }
    /// A checkout retry's key: the same key and body give the same order.
    public static var idempotencyKey: Self { .init("Idempotency-Key")! }
}
