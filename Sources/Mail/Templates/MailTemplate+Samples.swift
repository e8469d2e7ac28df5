import Foundation

extension MailTemplate {
    /// What the message looks like with made-up data: the preview endpoint renders this, and the tests render every
    /// message of every language from it.
    public func sample(_ format: MailFormat) -> MailContent {
        let start = Date(timeIntervalSince1970: 1_796_320_800)  // 2026-12-03T18:00:00Z
        let values: [String: String] = [
            "name": "Ada Lovelace", "eventTitle": "Autumn Jazz Nights", "orderNumber": "7K3Q9M2XPD",
            "total": format.money(minorUnits: 4_900, currency: "EUR"),
            "amount": format.money(minorUnits: 2_450, currency: "EUR"),
            "deadline": format.dateTime(start.addingTimeInterval(-86_400)), "buyerName": "Ada Lovelace",
            "reason": QuotedClause.inSentence("Your card was declined."), "ticketLabel": "Day pass: Ada Lovelace",
            "sessionLabel": "S1 Opening night", "startsAt": format.dateTime(start), "lead": format.lead(minutes: 1440),
            "subject": "Doors open at 18:30", "sessions": "S1 Opening night", "days": "7", "byOrganizer": "yes",
            "paid": "yes",
        ]
        let tickets = [
            "Day pass: Ada Lovelace — S1 Opening night (\(format.dateTime(start))), S2 Late set "
                + "(\(format.dateTime(start.addingTimeInterval(10_800))))"
        ]
        let link = "https://tickets.example.org/sample-link"
        let code = [MailContent.TicketCode(contentID: "sample-ticket@boxoffice", label: "Day pass: Ada Lovelace")]
        switch self {
        case .orderConfirmation, .paymentReceived:
            return MailContent(self, values: values, items: tickets, codes: code)
        case .ticketReissued:
            return MailContent(self, values: values, items: tickets, codes: code)
        case .sessionReminder:
            return MailContent(self, values: values, items: ["Day pass: Ada Lovelace"], codes: code)
        case .orderReserved:
            return MailContent(self, values: values, items: ["Day pass: Ada Lovelace"])
        case .eventChanged:
            return MailContent(
                self, values: values,
                items: [
                    "S1 Opening night: \(format.dateTime(start)) – \(format.dateTime(start.addingTimeInterval(7_200)))"
                ])
        case .organizerMessage:
            return MailContent(
                self, values: values, body: "Doors open at 18:30.\nPlease bring your ticket's QR code on your phone.")
        case .newsletterCampaign:
            return MailContent(
                self, values: values, body: "Our spring season is out: six evenings, twelve bands.",
                unsubscribeLink: link)
        case .paymentFailed, .orderExpired, .passwordReset, .emailVerification, .registrationExisting,
            .newsletterConfirmation:
            return MailContent(self, values: values, link: link)
        case .orderCancelled, .orderRefunded, .refundIssued, .refundFailed, .latePaymentAccepted,
            .latePaymentAcceptedOrganizers, .latePaymentRefunded, .latePaymentRefundedOrganizers, .eventCancelled:
            return MailContent(self, values: values)
        }
    }
}
