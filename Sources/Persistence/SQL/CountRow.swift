/// The row of `SELECT COUNT(…) AS n`.
package struct CountRow: Decodable, Sendable {
    package var n: Int
}
