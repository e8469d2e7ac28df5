extension MailCatalog {
    static func german(_ template: MailTemplate) -> MailWording {
        switch template {
        case .orderConfirmation:
            MailWording(
                subject: "Ihre Tickets für {{eventTitle}}",
                paragraphs: [
                    "Vielen Dank für Ihre Bestellung {{orderNumber}} für {{eventTitle}}. Gesamtbetrag: {{total}}.",
                    "Ihre Tickets und die Termine, zu denen sie Einlass geben:",
                ],
                after: [
                    "Zeigen Sie am Einlass den QR-Code jedes Tickets; jeder Code gilt einmal je Termin."
                ], action: "Bestellung ansehen")
        case .orderReserved:
            MailWording(
                subject: "Bestellung {{orderNumber}} reserviert: {{eventTitle}}",
                paragraphs: [
                    "Wir haben Ihre Tickets für {{eventTitle}} reserviert.{{^free}} Die Bestellung {{orderNumber}} "
                        + "wartet auf Ihre Zahlung von {{total}}{{#deadline}} bis {{deadline}}; ohne Zahlung werden die "
                        + "Plätze dann freigegeben{{/deadline}}.{{/free}}{{#free}} Die Bestellung {{orderNumber}} ist "
                        + "kostenlos: Ihre Tickets kommen, sobald Sie Ihre E-Mail-Adresse bestätigen.{{/free}}",
                    "{{#confirmBy}}Bitte bestätigen Sie Ihre E-Mail-Adresse bis {{confirmBy}} mit dem Link unten, um die "
                        + "Plätze zu behalten; ohne Bestätigung werden sie dann freigegeben.{{/confirmBy}}",
                    "Ihre Tickets:",
                ],
                action:
                    "{{#confirmBy}}E-Mail-Adresse bestätigen{{/confirmBy}}{{^confirmBy}}Bestellung ansehen{{/confirmBy}}"
            )
        case .paymentReceived:
            MailWording(
                subject: "Zahlung erhalten: Ihre Tickets für {{eventTitle}}",
                paragraphs: [
                    "Wir haben Ihre Zahlung von {{total}} für die Bestellung {{orderNumber}} ({{eventTitle}}) erhalten. "
                        + "Ihre Tickets sind jetzt gültig:"
                ],
                after: [
                    "Zeigen Sie am Einlass den QR-Code jedes Tickets."
                ], action: "Bestellung ansehen")
        case .paymentFailed:
            MailWording(
                subject: "Bestellung {{orderNumber}}: Die Zahlung ist fehlgeschlagen",
                paragraphs: [
                    "Die Zahlung für Ihre Bestellung {{orderNumber}} ({{eventTitle}}) wurde abgelehnt{{#reason}}: "
                        + "{{reason}}{{/reason}}. Die Bestellung ist storniert und ihre Plätze sind freigegeben; Ihnen "
                        + "wurde nichts berechnet.",
                    "Sie können gern erneut bestellen, solange Plätze frei sind.",
                ], action: "Zur Veranstaltung")
        case .orderExpired:
            MailWording(
                subject: "Bestellung {{orderNumber}} abgelaufen",
                paragraphs: [
                    "Ihre Bestellung {{orderNumber}} für {{eventTitle}} wurde nicht rechtzeitig bezahlt; ihre Plätze sind "
                        + "freigegeben und die Bestellung ist abgelaufen.",
                    "Sie können gern erneut bestellen, solange Plätze frei sind.",
                ], action: "Zur Veranstaltung")
        case .orderCancelled:
            MailWording(
                subject: "Bestellung {{orderNumber}} storniert",
                paragraphs: [
                    "Ihre Bestellung {{orderNumber}} für {{eventTitle}} wurde{{#byOrganizer}} vom Veranstalter"
                        + "{{/byOrganizer}} storniert. Ihre Tickets geben keinen Einlass mehr.",
                    "{{#paid}}Wenn Sie bezahlt haben, erstattet der Veranstalter den Betrag; wir geben Ihnen Bescheid, "
                        + "sobald das geschehen ist.{{/paid}}",
                ])
        case .orderRefunded:
            MailWording(
                subject: "Bestellung {{orderNumber}} erstattet",
                paragraphs: [
                    "Ihre Bestellung {{orderNumber}} für {{eventTitle}} wurde erstattet{{#total}} ({{total}}){{/total}}. "
                        + "Ihre Tickets geben keinen Einlass mehr.",
                    "Der Veranstalter zahlt den Betrag auf dem Weg zurück, auf dem Sie bezahlt haben; fragen Sie ihn, "
                        + "falls er nach einigen Tagen nicht angekommen ist.",
                ])
        case .refundIssued:
            MailWording(
                subject: "Bestellung {{orderNumber}}: Erstattung von {{amount}}",
                paragraphs: [
                    "{{amount}} Ihrer Bestellung {{orderNumber}} ({{eventTitle}}) wurden auf Ihre Karte erstattet. Banken "
                        + "zeigen das erst nach einigen Tagen an."
                ])
        case .refundFailed:
            MailWording(
                subject: "Bestellung {{orderNumber}}: Eine Erstattung ist fehlgeschlagen",
                paragraphs: [
                    "Der Zahlungsdienst konnte {{amount}} der Bestellung {{orderNumber}} von {{buyerName}} "
                        + "({{eventTitle}}) nicht erstatten{{#reason}}: {{reason}}{{/reason}}.",
                    "Bitte erstatten Sie den Betrag auf anderem Weg oder versuchen Sie es erneut.",
                ])
        case .latePaymentAccepted:
            MailWording(
                subject: "Bestellung {{orderNumber}}: Ihre Zahlung kam spät, Ihre Tickets sind bestätigt",
                paragraphs: [
                    "Ihre Zahlung für die Bestellung {{orderNumber}} ({{eventTitle}}) kam an, nachdem die Bestellung "
                        + "abgelaufen war. Die Plätze waren noch frei: Ihre Bestellung ist bezahlt und Ihre Tickets gelten."
                ])
        case .latePaymentAcceptedOrganizers:
            MailWording(
                subject: "Bestellung {{orderNumber}}: Eine späte Zahlung wurde angenommen",
                paragraphs: [
                    "Eine Zahlung für die Bestellung {{orderNumber}} von {{buyerName}} ({{eventTitle}}) kam nach Ablauf "
                        + "der Bestellung an; die Plätze waren frei, die Bestellung ist bezahlt."
                ])
        case .latePaymentRefunded:
            MailWording(
                subject: "Bestellung {{orderNumber}}: Ihre späte Zahlung wird erstattet",
                paragraphs: [
                    "Ihre Zahlung für die Bestellung {{orderNumber}} ({{eventTitle}}) kam an, nachdem die Bestellung "
                        + "abgelaufen und ihre Plätze vergeben waren. Wir erstatten sie vollständig{{#amount}} ({{amount}})"
                        + "{{/amount}}; Sie müssen nichts tun."
                ])
        case .latePaymentRefundedOrganizers:
            MailWording(
                subject: "Bestellung {{orderNumber}}: Eine späte Zahlung wird erstattet",
                paragraphs: [
                    "Eine Zahlung für die Bestellung {{orderNumber}} von {{buyerName}} ({{eventTitle}}) kam nach Ablauf "
                        + "der Bestellung an, als ihre Plätze vergeben waren. Sie wird vollständig erstattet{{#amount}} "
                        + "({{amount}}){{/amount}}."
                ])
        case .ticketReissued:
            MailWording(
                subject: "Ihr neues Ticket für {{eventTitle}}",
                paragraphs: [
                    "Ihr Ticket {{ticketLabel}} der Bestellung {{orderNumber}} ({{eventTitle}}) hat einen neuen Code. Der "
                        + "alte Code gibt keinen Einlass mehr: Zeigen Sie diesen."
                ])
        case .eventChanged:
            MailWording(
                subject: "{{eventTitle}} wurde geändert",
                paragraphs: [
                    "Der Veranstalter hat {{eventTitle}} geändert, wofür Sie Tickets haben (Bestellung {{orderNumber}}):"
                ],
                after: [
                    "Ihre Tickets bleiben gültig. Falls Sie nicht mehr kommen können, antworten Sie auf diese Nachricht."
                ], action: "Bestellung ansehen")
        case .eventCancelled:
            MailWording(
                subject: "{{eventTitle}} ist abgesagt",
                paragraphs: [
                    "Es tut uns leid: {{eventTitle}} wurde abgesagt und damit Ihre Bestellung {{orderNumber}}. Falls Sie "
                        + "bezahlt haben, wird Ihr Geld erstattet; Ihre Tickets geben keinen Einlass mehr."
                ])
        case .sessionReminder:
            MailWording(
                subject: "Erinnerung: {{eventTitle}}, {{sessionLabel}}",
                paragraphs: [
                    "{{eventTitle}}: {{sessionLabel}} beginnt in etwa {{lead}}, am {{startsAt}}.",
                    "Ihre Tickets dafür (Bestellung {{orderNumber}}):",
                ],
                after: [
                    "Zeigen Sie am Einlass den QR-Code jedes Tickets."
                ])
        case .organizerMessage:
            MailWording(
                subject: "{{subject}}",
                paragraphs: ["Eine Nachricht des Veranstalters von {{eventTitle}} an die Gäste von {{sessions}}:"])
        case .passwordReset:
            MailWording(
                subject: "Passwort zurücksetzen",
                paragraphs: [
                    "Jemand (hoffentlich Sie) möchte das Passwort Ihres Kontos zurücksetzen. Wählen Sie innerhalb einer "
                        + "Stunde mit dem Link unten ein neues.",
                    "Der Link gilt einmal. Wenn Sie das nicht waren, ignorieren Sie diese Nachricht: Ihr Passwort bleibt.",
                ], action: "Neues Passwort wählen")
        case .emailVerification:
            MailWording(
                subject: "Bestätigen Sie Ihre E-Mail-Adresse",
                paragraphs: [
                    "Willkommen! Bitte bestätigen Sie mit dem Link unten, dass diese Adresse Ihnen gehört (er gilt "
                        + "{{days}} Tage).",
                    "Wenn Sie kein Konto angelegt haben, ignorieren Sie diese Nachricht.",
                ], action: "Adresse bestätigen")
        case .registrationExisting:
            MailWording(
                subject: "Jemand wollte sich mit Ihrer Adresse registrieren",
                paragraphs: [
                    "Jemand (vielleicht Sie) wollte mit dieser Adresse ein Konto anlegen; es gibt schon eines. Es wurde "
                        + "kein neues Konto angelegt.",
                    "Wenn Sie es waren, melden Sie sich an oder setzen Sie Ihr Passwort mit dem Link unten zurück. Sonst "
                        + "ignorieren Sie diese Nachricht: Ihr Konto ist unverändert.",
                ], action: "Passwort zurücksetzen")
        case .newsletterConfirmation:
            MailWording(
                subject: "Bestätigen Sie Ihr Abonnement von {{organization}}",
                paragraphs: [
                    "Bitte bestätigen Sie mit dem Link unten, dass Sie den Newsletter von {{organization}} erhalten "
                        + "möchten. Ohne Bestätigung erhalten Sie nichts.",
                    "Wenn Sie das nicht angefragt haben, ignorieren Sie diese Nachricht.",
                ], action: "Abonnement bestätigen")
        case .newsletterCampaign:
            MailWording(subject: "{{subject}}", paragraphs: [])
        }
    }
}
