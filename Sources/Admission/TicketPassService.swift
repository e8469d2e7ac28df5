import Audit
import Domain
import FluentKit
import Foundation
import HTTPCore
import Outbox
import Persistence
import SQLKit
import Tickets

/// The holder's side of a ticket: its QR text (secret or signed payload) and reissue.
struct TicketPassService: Sendable {
    let store: DatabaseStore
    let keys: TicketKeys
    let audit = AuditTrail()

    /// Who may see a ticket's code: the signed-in buyer, or a guest with the order's access token.
    struct Holder: Sendable {
        var principal: Principal
        var orderTokenHash: String?
    }

    private struct Row {
        var ticketID: UUID
        var eventID: UUID
        var organizationID: UUID
        var ticketTypeID: UUID
        var status: String
        var version: Int
        var sealed: String?
        var orderStatus: OrderStatus
        var signedTickets: Bool
        var signingKeySealed: String?
    }

    func pass(_ ticketID: UUID, holder: Holder, now: Date) async throws -> TicketPassDTO {
        let db = store.database()
        var row = try await load(ticketID, holder: holder, now: now, on: db)
        try usable(row)
        if row.sealed == nil {
            // Tickets sold before secrets existed get theirs on first sight.
            let issued = try await keys.issue(on: db)
            try await db.sql.raw(
                """
                UPDATE tickets SET secret_hash = \(bind: issued.hash), secret_sealed = \(bind: issued.sealed)
                WHERE id = \(bind: ticketID) AND secret_sealed IS NULL
                """
            ).run()
            row = try await load(ticketID, holder: holder, now: now, on: db)
        }
        return try await dto(row, on: db)
    }

    /// A new secret and version; the old version goes on the event's revocation list and stops opening doors.
    func reissue(_ ticketID: UUID, holder: Holder, now: Date, meta: RequestMetadata) async throws -> TicketPassDTO {
        return try await store.transaction { db in
            let issued = try await keys.issue(on: db)
            let row = try await load(ticketID, holder: holder, now: now, on: db)
            try usable(row)
            let sql = db.sql
            guard
                try await sql.raw(
                    """
                    UPDATE tickets SET secret_hash = \(bind: issued.hash), secret_sealed = \(bind: issued.sealed),
                      secret_version = secret_version + 1
                    WHERE id = \(bind: ticketID) AND secret_version = \(bind: row.version) RETURNING id
                    """
                ).first() != nil
            else { throw HTTPFailure.conflict("The ticket changed meanwhile; try again.") }
            try await TicketRevocations.revoke(
                ticketID: ticketID, eventID: row.eventID, version: row.version, reason: "reissued", now: now, on: db)
            // The buyer gets the new code by mail: whoever asked for it, the old one no longer opens the door.
            let orderID = try await sql.raw("SELECT order_id FROM tickets WHERE id = \(bind: ticketID)")
                .first(row: TicketOrderRow.self)?.orderId
            if let orderID {
                try await Outbox.enqueue(TicketReissued(ticketId: ticketID, orderId: orderID), now: now, on: db)
            }
            try await audit.record(
                AuditEntry(
                    actor: AuditActor(holder.principal), action: "ticket.reissued", targetType: "ticket",
                    targetID: ticketID.uuidString,
                    organizationID: row.organizationID, details: ["revokedVersion": .int(row.version)]),
                from: meta, at: now, on: db)
            return try await dto(try await load(ticketID, holder: holder, now: now, on: db), on: db)
        }
    }

    private func usable(_ row: Row) throws {
        if let refusal = AdmissionError.refusal(ticketStatus: row.status, orderStatus: row.orderStatus) {
            throw refusal
        }
    }

    private func load(_ ticketID: UUID, holder: Holder, now: Date, on db: any Database) async throws -> Row {
        guard
            let row = try await db.sql.raw(
                """
                SELECT t.id, t.event_id, e.organization_id, t.ticket_type_id, t.status, t.secret_version, t.secret_sealed, o.status AS order_status,
                       o.payment_deadline, o.user_id, o.access_token_hash, e.signed_tickets, e.signing_key_sealed
                FROM tickets t JOIN orders o ON o.id = t.order_id JOIN events e ON e.id = t.event_id WHERE t.id = \(bind: ticketID)
                """
            ).first(row: PassRow.self)
        else { throw AdmissionError.ticketNotFound }
        let userID = row.userId
        let tokenHash = row.accessTokenHash
        let isBuyer = if case .user(let user) = holder.principal { user.id == userID } else { false }
        guard isBuyer || (holder.orderTokenHash != nil && holder.orderTokenHash == tokenHash) else {
            throw AdmissionError.ticketNotFound
        }
        return Self.row(row, now: now)
    }

    private static func row(_ row: PassRow, now: Date) -> Row {
        let status = OrderStatus(rawValue: row.orderStatus) ?? .pending
        return Row(
            ticketID: row.id, eventID: row.eventId, organizationID: row.organizationId, ticketTypeID: row.ticketTypeId,
            status: row.status, version: row.secretVersion, sealed: row.secretSealed,
            orderStatus: status.effective(paymentDeadline: row.paymentDeadline, now: now),
            signedTickets: row.signedTickets, signingKeySealed: row.signingKeySealed)
    }

    /// The QR text of every valid ticket of an order, the code the kiosk reads, for its confirmation mail. A ticket sold
    /// before secrets existed has none yet (it gets one when first shown) and is left out.
    func codes(ofOrder orderID: UUID, now: Date) async throws -> [(ticketID: UUID, qrText: String)] {
        let db = store.database()
        let rows = try await db.sql.raw(
            """
            SELECT t.id, t.event_id, e.organization_id, t.ticket_type_id, t.status, t.secret_version, t.secret_sealed, o.status AS order_status,
                   o.payment_deadline, o.user_id, o.access_token_hash, e.signed_tickets, e.signing_key_sealed
            FROM tickets t JOIN orders o ON o.id = t.order_id JOIN events e ON e.id = t.event_id
            WHERE t.order_id = \(bind: orderID) AND t.status = 'valid' ORDER BY t.created_at, t.id
            """
        ).all(rows: PassRow.self)
        var codes: [(ticketID: UUID, qrText: String)] = []
        for passRow in rows {
            let row = Self.row(passRow, now: now)
            guard row.sealed != nil || (row.signedTickets && row.signingKeySealed != nil) else { continue }
            codes.append((row.ticketID, try await dto(row, on: db).qrText))
        }
        return codes
    }

    private func dto(_ row: Row, on db: any Database) async throws -> TicketPassDTO {
        if row.signedTickets, let sealedKey = row.signingKeySealed {
            let numbers = try await db.sql.raw(
                """
                SELECT s.number FROM sessions s JOIN ticket_type_sessions tts ON tts.session_id = s.id
                WHERE tts.ticket_type_id = \(bind: row.ticketTypeID) ORDER BY s.number
                """
            ).all(rows: SessionNumberRow.self).map(\.number)
            let signed = try SignedTicket(
                ticketID: row.ticketID, eventID: row.eventID, ticketTypeID: row.ticketTypeID, version: row.version,
                sessionNumbers: numbers
            ).signed(with: try await EventSigningKeys(keys: keys).privateKey(sealed: sealedKey, on: db))
            return TicketPassDTO(
                ticketId: row.ticketID, eventId: row.eventID, status: row.status, version: row.version, signed: true,
                qrText: signed)
        }
        guard let sealed = row.sealed else { throw AdmissionError.ticketNotFound }
        let secret = String(decoding: try await keys.open(sealed, on: db), as: UTF8.self)
        return TicketPassDTO(
            ticketId: row.ticketID, eventId: row.eventID, status: row.status, version: row.version, signed: false,
            qrText: secret)
    }
}

/// A ticket with its order and event, as a pass needs them.
private struct PassRow: Decodable {
    var id: UUID
    var eventId: UUID
    var organizationId: UUID
    var ticketTypeId: UUID
    var status: String
    var secretVersion: Int
    var secretSealed: String?
    var orderStatus: String
    var paymentDeadline: Date?
    var userId: UUID?
    var accessTokenHash: String?
    var signedTickets: Bool
    var signingKeySealed: String?
}

/// The order a ticket belongs to.
private struct TicketOrderRow: Decodable {
    var orderId: UUID
}

/// A session a signed ticket opens, by its number.
private struct SessionNumberRow: Decodable {
    var number: Int
}
