extension MailCatalog {
    static func english(_ template: MailTemplate) -> MailWording {
        switch template {
        case .orderConfirmation:
            MailWording(
                subject: "Your tickets for {{eventTitle}}",
                paragraphs: [
                    "Thank you for your order {{orderNumber}} for {{eventTitle}}. Total: {{total}}.",
                    "Your tickets and the sessions each one opens:",
                ],
                after: [
                    "Show each ticket's QR code at the door; every code opens its own sessions once."
                ], action: "View your order")
        case .orderReserved:
            MailWording(
                subject: "Order {{orderNumber}} reserved: {{eventTitle}}",
                paragraphs: [
                    "We have reserved your tickets for {{eventTitle}}.{{^free}} Order {{orderNumber}} waits for your "
                        + "payment of {{total}}{{#deadline}} until {{deadline}}; unpaid, its places are released then"
                        + "{{/deadline}}.{{/free}}{{#free}} Order {{orderNumber}} is free: your tickets come as soon as "
                        + "you confirm your email address.{{/free}}",
                    "{{#confirmBy}}Please confirm your email address by {{confirmBy}} with the link below to keep these "
                        + "places; unconfirmed, they are released then.{{/confirmBy}}",
                    "Your tickets:",
                ],
                action:
                    "{{#confirmBy}}Confirm your email address{{/confirmBy}}{{^confirmBy}}View your order{{/confirmBy}}")
        case .paymentReceived:
            MailWording(
                subject: "Payment received: your tickets for {{eventTitle}}",
                paragraphs: [
                    "We have received your payment of {{total}} for order {{orderNumber}} ({{eventTitle}}). Your tickets "
                        + "are valid now:"
                ],
                after: [
                    "Show each ticket's QR code at the door."
                ], action: "View your order")
        case .paymentFailed:
            MailWording(
                subject: "Order {{orderNumber}}: the payment did not go through",
                paragraphs: [
                    "The payment for your order {{orderNumber}} ({{eventTitle}}) was declined{{#reason}}: {{reason}}"
                        + "{{/reason}}. The order is cancelled and its places are released; you have not been charged.",
                    "You are welcome to order again while places are left.",
                ], action: "Back to the event")
        case .orderExpired:
            MailWording(
                subject: "Order {{orderNumber}} expired",
                paragraphs: [
                    "Your order {{orderNumber}} for {{eventTitle}} was not paid in time, so its places have been released "
                        + "and the order has expired.",
                    "You are welcome to order again while places are left.",
                ], action: "Back to the event")
        case .orderCancelled:
            MailWording(
                subject: "Order {{orderNumber}} cancelled",
                paragraphs: [
                    "Your order {{orderNumber}} for {{eventTitle}} has been cancelled{{#byOrganizer}} by the organizer"
                        + "{{/byOrganizer}}. Its tickets no longer open the doors.",
                    "{{#paid}}If you paid, the organizer will refund you; you will hear from us when it is done.{{/paid}}",
                ])
        case .orderRefunded:
            MailWording(
                subject: "Order {{orderNumber}} refunded",
                paragraphs: [
                    "Your order {{orderNumber}} for {{eventTitle}} has been refunded{{#total}} ({{total}}){{/total}}. "
                        + "Its tickets no longer open the doors.",
                    "The organizer pays the money back the way you paid; ask them if it has not arrived within a few days.",
                ])
        case .refundIssued:
            MailWording(
                subject: "Order {{orderNumber}}: refund of {{amount}}",
                paragraphs: [
                    "{{amount}} of your order {{orderNumber}} ({{eventTitle}}) has been refunded to your card. Banks take "
                        + "a few days to show it."
                ])
        case .refundFailed:
            MailWording(
                subject: "Order {{orderNumber}}: a refund failed and needs you",
                paragraphs: [
                    "The payment processor could not refund {{amount}} of order {{orderNumber}} of {{buyerName}} "
                        + "({{eventTitle}}){{#reason}}: {{reason}}{{/reason}}.",
                    "Please refund the buyer another way or try again.",
                ])
        case .latePaymentAccepted:
            MailWording(
                subject: "Order {{orderNumber}}: your payment arrived late and your tickets are confirmed",
                paragraphs: [
                    "Your payment for order {{orderNumber}} ({{eventTitle}}) arrived after the order had expired. The "
                        + "places were still free, so your order is paid and your tickets are valid."
                ])
        case .latePaymentAcceptedOrganizers:
            MailWording(
                subject: "Order {{orderNumber}}: a late payment was accepted",
                paragraphs: [
                    "A payment for order {{orderNumber}} of {{buyerName}} ({{eventTitle}}) arrived after the order "
                        + "expired; its places were free, and the order is paid."
                ])
        case .latePaymentRefunded:
            MailWording(
                subject: "Order {{orderNumber}}: your late payment is refunded",
                paragraphs: [
                    "Your payment for order {{orderNumber}} ({{eventTitle}}) arrived after the order had expired and its "
                        + "places were taken. We are refunding it in full{{#amount}} ({{amount}}){{/amount}}; you need do "
                        + "nothing."
                ])
        case .latePaymentRefundedOrganizers:
            MailWording(
                subject: "Order {{orderNumber}}: a late payment is refunded",
                paragraphs: [
                    "A payment for order {{orderNumber}} of {{buyerName}} ({{eventTitle}}) arrived after the order "
                        + "expired, when its places were gone. It is being refunded in full{{#amount}} ({{amount}})"
                        + "{{/amount}}."
                ])
        case .ticketReissued:
            MailWording(
                subject: "Your new ticket for {{eventTitle}}",
                paragraphs: [
                    "Your ticket {{ticketLabel}} of order {{orderNumber}} ({{eventTitle}}) has a new code. The old code no "
                        + "longer opens the door: show this one."
                ])
        case .eventChanged:
            MailWording(
                subject: "{{eventTitle}} has changed",
                paragraphs: [
                    "The organizer has changed {{eventTitle}}, for which you hold tickets (order {{orderNumber}}):"
                ],
                after: [
                    "Your tickets stay valid. If you can no longer come, reply to this message."
                ], action: "View your order")
        case .eventCancelled:
            MailWording(
                subject: "{{eventTitle}} is cancelled",
                paragraphs: [
                    "We are sorry: {{eventTitle}} has been cancelled, and with it your order {{orderNumber}}. If you paid, "
                        + "your money is being refunded; your tickets no longer open the doors."
                ])
        case .sessionReminder:
            MailWording(
                subject: "Reminder: {{eventTitle}}, {{sessionLabel}}",
                paragraphs: [
                    "{{eventTitle}}: {{sessionLabel}} starts in about {{lead}}, on {{startsAt}}.",
                    "Your tickets for it (order {{orderNumber}}):",
                ],
                after: [
                    "Show each ticket's QR code at the door."
                ])
        case .organizerMessage:
            MailWording(
                subject: "{{subject}}",
                paragraphs: ["A message from the organizer of {{eventTitle}} to the attendees of {{sessions}}:"])
        case .passwordReset:
            MailWording(
                subject: "Reset your password",
                paragraphs: [
                    "Someone (we hope you) asked to reset the password of your account. Choose a new one with the link "
                        + "below within the hour.",
                    "The link works once. If you did not ask, ignore this message: your password stays as it is.",
                ], action: "Choose a new password")
        case .emailVerification:
            MailWording(
                subject: "Confirm your email address",
                paragraphs: [
                    "Welcome! Please confirm that this address is yours with the link below (it works for {{days}} days).",
                    "If you did not create an account, ignore this message.",
                ], action: "Confirm my address")
        case .registrationExisting:
            MailWording(
                subject: "Someone tried to register with your address",
                paragraphs: [
                    "Someone (perhaps you) tried to create an account with this address, which already has one. No new "
                        + "account was made.",
                    "If it was you, sign in instead, or reset your password with the link below. If not, ignore this "
                        + "message: your account is unchanged.",
                ], action: "Reset my password")
        case .newsletterConfirmation:
            MailWording(
                subject: "Confirm your subscription to {{organization}}",
                paragraphs: [
                    "Please confirm that you want the newsletter of {{organization}} with the link below. Without "
                        + "confirmation, you will not receive anything.",
                    "If you did not ask for it, ignore this message.",
                ], action: "Confirm my subscription")
        case .newsletterCampaign:
            MailWording(subject: "{{subject}}", paragraphs: [])
        }
    }
}
