public import HTTPCore
import Mail

extension MessagingRoutes {
    public static let documentation: APIDocumentation = {
        let invalid = OpenAPI.error("Invalid body or query; details.fields names each problem (VALIDATION_FAILED)")
        let unprocessable = OpenAPI.error("A field the rules refuse; details.fields names it (VALIDATION_FAILED)")
        let unauthorized = OpenAPI.error("Not signed in (UNAUTHORIZED)")
        let forbidden = OpenAPI.error("Not allowed (FORBIDDEN)")
        let limited = OpenAPI.error("Too many attempts (RATE_LIMITED, with Retry-After)")
        func path(_ name: String, _ description: String) -> JSONValue {
            [
                "name": .string(name), "in": "path", "required": true, "schema": OpenAPI.uuid,
                "description": .string(description),
            ]
        }
        let organization = path("organizationId", "The organization's ID")
        let event = path("eventId", "The event's ID")
        func operation(
            _ id: String, _ summary: String, description: String? = nil, parameters: [JSONValue] = [],
            body: String? = nil, signedIn: Bool = true, _ responses: [String: JSONValue]
        ) -> JSONValue {
            OpenAPI.operation(
                id, tag: "Messaging", summary: summary, description: description, parameters: parameters,
                requestBody: body.map { OpenAPI.body(OpenAPI.ref($0)) }, signedIn: signedIn, responses: responses)
        }
        let color: JSONValue = ["type": ["string", "null"], "pattern": "^#[0-9A-Fa-f]{6}$"]
        let subject = OpenAPI.plainText(minLength: 1, maxLength: 200)
        let languages = MailLanguage.allCases.map(\.rawValue)
        return APIDocumentation(
            paths: [
                "/api/organizations/{organizationId}/email-settings": [
                    "get": operation(
                        "getEmailSettings", "The organization's mail: language, reply-to, colours, footer",
                        parameters: [organization],
                        [
                            "200": OpenAPI.json("Settings", OpenAPI.ref("EmailSettings")), "400": invalid,
                            "401": unauthorized, "403": forbidden, "404": OpenAPI.error("No such organization"),
                        ]),
                    "put": operation(
                        "setEmailSettings", "Set the organization's mail (owners)",
                        description:
                            "The whole setting: an absent or null field takes its default (the installation's language, no reply-to, the default colours, no footer address, UTC). Times in its mail are shown in `timeZone` (events carry none of their own yet). The logo is the organization's own.",
                        parameters: [organization], body: "EmailSettingsRequest",
                        [
                            "200": OpenAPI.json("Settings", OpenAPI.ref("EmailSettings")), "400": invalid,
                            "401": unauthorized, "403": forbidden, "404": OpenAPI.error("No such organization"),
                            "422": unprocessable,
                        ]),
                ],
                "/api/admin/email-templates": [
                    "get": operation(
                        "listEmailTemplates", "Every message BoxOffice sends, by name, and its languages",
                        ["200": OpenAPI.json("Templates", OpenAPI.ref("EmailTemplateList")), "401": unauthorized])
                ],
                "/api/admin/email-templates/{name}/preview": [
                    "get": operation(
                        "previewEmailTemplate", "A message rendered with sample data: subject, text and HTML",
                        description:
                            "In the installation's layout (admins), or in an organization's (`organizationId`, its organizers).",
                        parameters: [
                            [
                                "name": "name", "in": "path", "required": true,
                                "schema": OpenAPI.enumeration(MailTemplate.allCases.map(\.rawValue)),
                            ],
                            ["name": "language", "in": "query", "schema": OpenAPI.enumeration(languages)],
                            ["name": "organizationId", "in": "query", "schema": OpenAPI.uuid],
                        ],
                        [
                            "200": OpenAPI.json("The rendered message", OpenAPI.ref("EmailPreview")), "400": invalid,
                            "401": unauthorized, "403": forbidden,
                            "404": OpenAPI.error("No such template or organization"),
                        ])
                ],
                "/api/events/{eventId}/reminders": [
                    "get": operation(
                        "getEventReminders", "When the event's ticket holders are reminded before each session",
                        parameters: [event],
                        [
                            "200": OpenAPI.json("Offsets", OpenAPI.ref("ReminderSettings")), "400": invalid,
                            "401": unauthorized, "403": forbidden, "404": OpenAPI.error("No such event"),
                        ]),
                    "put": operation(
                        "setEventReminders", "Set the event's reminder offsets (organizers)",
                        description:
                            "Minutes before each session; an empty list sends no reminders; null (or no field) follows the installation's REMINDER_OFFSETS again. Each offset is sent once per session, even with several instances.",
                        parameters: [event], body: "ReminderSettingsRequest",
                        [
                            "200": OpenAPI.json("Offsets", OpenAPI.ref("ReminderSettings")), "400": invalid,
                            "401": unauthorized, "403": forbidden, "404": OpenAPI.error("No such event"),
                            "422": unprocessable,
                        ]),
                ],
                "/api/events/{eventId}/messages/recipients": [
                    "get": operation(
                        "countMessageRecipients", "How many addresses a message to these sessions reaches now",
                        parameters: [
                            event,
                            [
                                "name": "sessionIds", "in": "query", "required": true, "schema": OpenAPI.string,
                                "description": "Session IDs or codes (S1, S2), comma-separated",
                            ],
                        ],
                        [
                            "200": OpenAPI.json("The count", OpenAPI.ref("RecipientCount")), "400": invalid,
                            "401": unauthorized, "403": forbidden, "404": OpenAPI.error("No such event"),
                            "422": OpenAPI.error("A session the event does not have (VALIDATION_FAILED)"),
                        ])
                ],
                "/api/events/{eventId}/messages": [
                    "get": operation(
                        "listEventMessages", "The organizers' messages to the event's attendees",
                        parameters: [event],
                        [
                            "200": OpenAPI.json("Messages", OpenAPI.ref("OrganizerMessageList")), "400": invalid,
                            "401": unauthorized, "403": forbidden, "404": OpenAPI.error("No such event"),
                        ]),
                    "post": operation(
                        "sendEventMessage", "Write to the attendees of chosen sessions (seed 002's S1/S2/S3 targeting)",
                        description:
                            "Buyers of paid orders whose valid tickets open one of the sessions and whose order vouches for their address (a signed-in buyer's own account address, a guest who followed the order's link, a card payer), unless they said \"not me\"; attendees' typed addresses are not written to. Each address receives it once, in the organization's language and layout and naming it, through the outbox. At most three messages per event in 24 hours (MESSAGE_LIMIT).",
                        parameters: [event], body: "OrganizerMessageRequest",
                        [
                            "202": OpenAPI.json("Queued", OpenAPI.ref("OrganizerMessage")), "400": invalid,
                            "401": unauthorized, "403": forbidden, "404": OpenAPI.error("No such event"),
                            "422": unprocessable,
                            "429": OpenAPI.error(
                                "The event's messages of the last 24 hours reached the cap (MESSAGE_LIMIT)"),
                        ]),
                ],
                "/api/newsletter/subscribe": [
                    "post": operation(
                        "subscribeNewsletter", "Subscribe to an organization's newsletter (double opt-in, seed 004)",
                        description:
                            "Answers 202 for any address; a confirmation link is mailed, and only a confirmed subscriber receives campaigns. `organizationId` may be left out when the installation has one organization.",
                        body: "SubscribeRequest", signedIn: false,
                        [
                            "202": OpenAPI.json("Accepted", OpenAPI.ref("NewsletterAnswer")), "400": invalid,
                            "422": unprocessable, "429": limited,
                        ])
                ],
                "/api/newsletter/confirm": [
                    "post": operation(
                        "confirmNewsletter", "Confirm a subscription with the mailed link's token",
                        body: "NewsletterTokenRequest", signedIn: false,
                        [
                            "200": OpenAPI.json("Subscribed", OpenAPI.ref("NewsletterAnswer")), "400": invalid,
                            "422": OpenAPI.error("A token unknown or expired (INVALID_NEWSLETTER_TOKEN)"),
                            "429": limited,
                        ])
                ],
                "/api/newsletter/unsubscribe": [
                    "post": OpenAPI.operation(
                        "unsubscribeNewsletter", tag: "Messaging",
                        summary: "Leave a newsletter: the one-click address of List-Unsubscribe (RFC 8058)",
                        description:
                            "The token in the query (as the List-Unsubscribe header gives it, with the form body `List-Unsubscribe=One-Click`) or in a JSON body.",
                        parameters: [["name": "token", "in": "query", "schema": OpenAPI.string]],
                        requestBody: [
                            "required": false,
                            "content": [
                                "application/json": ["schema": OpenAPI.ref("NewsletterTokenRequest")],
                                "application/x-www-form-urlencoded": [
                                    "schema": [
                                        "type": "object", "additionalProperties": false,
                                        "properties": ["List-Unsubscribe": OpenAPI.enumeration(["One-Click"])],
                                    ]
                                ],
                            ],
                        ],
                        responses: [
                            "200": OpenAPI.json("Unsubscribed", OpenAPI.ref("NewsletterAnswer")), "400": invalid,
                            "422": OpenAPI.error("A token unknown (INVALID_NEWSLETTER_TOKEN)"), "429": limited,
                        ])
                ],
                "/api/organizations/{organizationId}/newsletter/subscribers": [
                    "get": operation(
                        "listSubscribers", "The organization's newsletter subscribers (organizers)",
                        parameters: [
                            organization,
                            [
                                "name": "status", "in": "query",
                                "schema": OpenAPI.enumeration(["pending", "subscribed", "unsubscribed"]),
                            ],
                            [
                                "name": "page", "in": "query",
                                "schema": ["type": "integer", "minimum": 1, "maximum": 1_000_000],
                            ],
                            [
                                "name": "perPage", "in": "query",
                                "schema": ["type": "integer", "minimum": 1, "maximum": 500],
                            ],
                        ],
                        [
                            "200": OpenAPI.json("Subscribers", OpenAPI.ref("SubscriberPage")), "400": invalid,
                            "401": unauthorized, "403": forbidden, "404": OpenAPI.error("No such organization"),
                        ])
                ],
                "/api/organizations/{organizationId}/newsletter/subscribers/export": [
                    "get": operation(
                        "exportSubscribers", "Every subscriber as CSV, with the consent's time and address",
                        parameters: [organization],
                        [
                            "200": [
                                "description": "CSV (RFC 4180)", "content": ["text/csv": ["schema": OpenAPI.string]],
                            ],
                            "400": invalid, "401": unauthorized, "403": forbidden,
                            "404": OpenAPI.error("No such organization"),
                        ])
                ],
                "/api/organizations/{organizationId}/newsletter/subscribers/{subscriberId}": [
                    "delete": operation(
                        "removeSubscriber", "Remove a subscriber and their consent record (erasure)",
                        parameters: [organization, path("subscriberId", "The subscriber's ID")],
                        [
                            "204": ["description": "Removed"], "400": invalid, "401": unauthorized,
                            "403": forbidden, "404": OpenAPI.error("No such organization or subscriber"),
                        ])
                ],
                "/api/organizations/{organizationId}/newsletter/campaigns": [
                    "get": operation(
                        "listCampaigns", "The organization's newsletter campaigns", parameters: [organization],
                        [
                            "200": OpenAPI.json("Campaigns", OpenAPI.ref("CampaignList")), "400": invalid,
                            "401": unauthorized, "403": forbidden, "404": OpenAPI.error("No such organization"),
                        ]),
                    "post": operation(
                        "sendCampaign", "Send a campaign to every confirmed subscriber (organizers)",
                        description:
                            "Sent in batches through the outbox, each address once, with unsubscribe links and List-Unsubscribe one-click headers.",
                        parameters: [organization], body: "CampaignRequest",
                        [
                            "202": OpenAPI.json("Queued", OpenAPI.ref("Campaign")), "400": invalid,
                            "401": unauthorized, "403": forbidden, "404": OpenAPI.error("No such organization"),
                            "422": unprocessable,
                        ]),
                ],
            ],
            schemas: [
                "EmailSettings": OpenAPI.object(
                    [
                        "language": OpenAPI.enumeration(languages), "replyTo": ["type": ["string", "null"]],
                        "primaryColor": OpenAPI.string, "backgroundColor": OpenAPI.string,
                        "footerAddress": ["type": ["string", "null"]], "logoUrl": ["type": ["string", "null"]],
                        "timeZone": OpenAPI.string,
                    ], optional: ["replyTo", "footerAddress", "logoUrl"]),
                "EmailSettingsRequest": OpenAPI.object(
                    [
                        "language": [
                            "type": ["string", "null"], "enum": .array(languages.map(JSONValue.string) + [.null]),
                        ],
                        "replyTo": ["anyOf": [OpenAPI.email, ["type": "null"]]],
                        "primaryColor": color, "backgroundColor": color,
                        "footerAddress": OpenAPI.plainText(maxLength: 300, nullable: true),
                        "timeZone": [
                            "type": ["string", "null"], "maxLength": 64,
                            "description": "An IANA zone such as Europe/Berlin",
                        ],
                    ],
                    optional: ["language", "replyTo", "primaryColor", "backgroundColor", "footerAddress", "timeZone"]),
                "EmailTemplateList": OpenAPI.object([
                    "templates": [
                        "type": "array",
                        "items": OpenAPI.object([
                            "name": OpenAPI.string, "languages": ["type": "array", "items": OpenAPI.string],
                        ]),
                    ]
                ]),
                "EmailPreview": OpenAPI.object([
                    "name": OpenAPI.string, "language": OpenAPI.enumeration(languages), "subject": OpenAPI.string,
                    "text": OpenAPI.string, "html": OpenAPI.string,
                ]),
                "ReminderSettings": OpenAPI.object([
                    "offsetsMinutes": ["type": "array", "items": OpenAPI.integer], "inherited": OpenAPI.boolean,
                ]),
                "ReminderSettingsRequest": OpenAPI.object(
                    [
                        "offsetsMinutes": [
                            "type": ["array", "null"], "maxItems": 5, "uniqueItems": true,
                            "items": ["type": "integer", "minimum": 1, "maximum": 20160],
                        ]
                    ], optional: ["offsetsMinutes"]),
                "RecipientCount": OpenAPI.object([
                    "sessionIds": ["type": "array", "items": OpenAPI.uuid], "recipients": OpenAPI.integer,
                ]),
                "OrganizerMessageRequest": OpenAPI.object([
                    "subject": subject,
                    "body": OpenAPI.plainText(minLength: 1, maxLength: 10_000)
                        .merging(["description": "Plain text; shown as written, paragraphs kept"]),
                    "sessionIds": [
                        "type": "array", "minItems": 1, "maxItems": 100,
                        "items": ["type": "string", "description": "A session's ID or its code (S1)"],
                    ],
                ]),
                "OrganizerMessage": OpenAPI.object([
                    "messageId": OpenAPI.uuid, "subject": OpenAPI.string, "body": OpenAPI.string,
                    "sessionIds": ["type": "array", "items": OpenAPI.uuid], "recipients": OpenAPI.integer,
                    "state": OpenAPI.enumeration(["queued", "sent"]), "createdAt": OpenAPI.dateTime,
                ]),
                "OrganizerMessageList": OpenAPI.object([
                    "messages": ["type": "array", "items": OpenAPI.ref("OrganizerMessage")]
                ]),
                "SubscribeRequest": OpenAPI.object(
                    [
                        "organizationId": OpenAPI.uuid, "email": OpenAPI.email,
                        "name": OpenAPI.plainText(maxLength: 100, nullable: true),
                    ], optional: ["organizationId", "name"]),
                "NewsletterTokenRequest": OpenAPI.object(["token": ["type": "string", "minLength": 1]]),
                "NewsletterAnswer": OpenAPI.object(["message": OpenAPI.string]),
                "Subscriber": OpenAPI.object(
                    [
                        "subscriberId": OpenAPI.uuid, "email": OpenAPI.string, "name": ["type": ["string", "null"]],
                        "status": OpenAPI.enumeration(["pending", "subscribed", "unsubscribed"]),
                        "createdAt": OpenAPI.dateTime,
                        "confirmedAt": ["type": ["string", "null"], "format": "date-time"],
                        "unsubscribedAt": ["type": ["string", "null"], "format": "date-time"],
                    ], optional: ["name", "confirmedAt", "unsubscribedAt"]),
                "SubscriberPage": OpenAPI.object([
                    "subscribers": ["type": "array", "items": OpenAPI.ref("Subscriber")], "total": OpenAPI.integer,
                    "page": OpenAPI.integer, "perPage": OpenAPI.integer,
                ]),
                "CampaignRequest": OpenAPI.object([
                    "subject": subject, "body": OpenAPI.plainText(minLength: 1, maxLength: 20_000),
                ]),
                "Campaign": OpenAPI.object([
                    "campaignId": OpenAPI.uuid, "subject": OpenAPI.string, "body": OpenAPI.string,
                    "recipients": OpenAPI.integer, "state": OpenAPI.enumeration(["queued", "sent"]),
                    "createdAt": OpenAPI.dateTime,
                ]),
                "CampaignList": OpenAPI.object(["campaigns": ["type": "array", "items": OpenAPI.ref("Campaign")]]),
            ],
            tags: [
                [
                    "name": "Messaging",
                    "description":
                        "Email settings and previews, reminders, organizers' messages to sessions, the newsletter",
                ]
            ])
    }()
}
