public import Crypto
import Domain
public import Foundation
import Identity

/// What a signed ticket's QR code says, verifiable by a kiosk that has only the event's public key.
///
/// Text form: `BOX1.` followed by URL-safe base64 (no padding) of the payload bytes and then the 64-byte Ed25519
/// signature over them. Payload bytes: format (1 byte, 1), ticket ID, event ID and ticket type ID (16 bytes each,
/// RFC 4122 order), the ticket's secret version (4 bytes, big-endian), the number of sessions (1 byte) and each
/// included session's number (2 bytes each, big-endian: 1 is S1). docs/checkin.md documents the same.
public struct SignedTicket: Sendable, Equatable {
    public static let prefix = "BOX1."
    static let format: UInt8 = 1

    public var ticketID: UUID
    public var eventID: UUID
    public var ticketTypeID: UUID
    public var version: Int
    public var sessionNumbers: [Int]

    public init(ticketID: UUID, eventID: UUID, ticketTypeID: UUID, version: Int, sessionNumbers: [Int]) {
        self.ticketID = ticketID
        self.eventID = eventID
        self.ticketTypeID = ticketTypeID
        self.version = version
        self.sessionNumbers = sessionNumbers
    }

    var payload: Data {
        var bytes = Data([Self.format])
        for id in [ticketID, eventID, ticketTypeID] { bytes += withUnsafeBytes(of: id.uuid) { Data($0) } }
        bytes += withUnsafeBytes(of: UInt32(version).bigEndian) { Data($0) }
        bytes.append(UInt8(sessionNumbers.count))
        for number in sessionNumbers { bytes += withUnsafeBytes(of: UInt16(number).bigEndian) { Data($0) } }
        return bytes
    }

    /// The QR text, signed with the event's private key.
    public func signed(with key: Curve25519.Signing.PrivateKey) throws -> String {
        let payload = self.payload
        return Self.prefix + Base64URL.encode(payload + (try key.signature(for: payload)))
    }

    public static func looksSigned(_ text: String) -> Bool { text.hasPrefix(prefix) }

    /// The payload of `text` without checking its signature (to learn which event's key to check it with).
    public static func unverified(_ text: String) -> (ticket: SignedTicket, payload: Data, signature: Data)? {
        guard text.hasPrefix(prefix), let bytes = Base64URL.decode(String(text.dropFirst(prefix.count))),
            bytes.count > 64 + 54
        else { return nil }
        let payload = bytes.prefix(bytes.count - 64)
        let signature = bytes.suffix(64)
        let raw = [UInt8](payload)
        guard raw[0] == format else { return nil }
        func uuid(_ offset: Int) -> UUID {
            let b = Array(raw[offset..<offset + 16])
            return UUID(
                uuid: (
                    b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]
                ))
        }
        let version = raw[49..<53].reduce(0) { $0 << 8 | Int($1) }
        let count = Int(raw[53])
        guard raw.count == 54 + count * 2 else { return nil }
        let numbers = (0..<count).map { Int(raw[54 + $0 * 2]) << 8 | Int(raw[55 + $0 * 2]) }
        return (
            SignedTicket(
                ticketID: uuid(1), eventID: uuid(17), ticketTypeID: uuid(33), version: version, sessionNumbers: numbers),
            Data(payload), Data(signature)
        )
    }

    /// The ticket `text` carries if it is signed by the holder of `publicKey` (raw 32 bytes), nil otherwise.
    public static func verified(_ text: String, publicKey: Data) -> SignedTicket? {
        guard let (ticket, payload, signature) = unverified(text),
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey),
            key.isValidSignature(signature, for: payload)
        else { return nil }
        return ticket
    }
}
