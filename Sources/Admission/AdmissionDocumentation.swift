public import HTTPCore

extension AdmissionRoutes {
    public static let documentation: APIDocumentation = {
        func path(_ name: String, _ description: String? = nil) -> JSONValue {
            var parameter: [String: JSONValue] = [
                "name": .string(name), "in": "path", "required": true, "schema": OpenAPI.uuid,
            ]
            if let description { parameter["description"] = .string(description) }
            return .object(parameter)
        }
        let orderToken: JSONValue = [
            "name": "X-Order-Token", "in": "header", "required": false, "schema": OpenAPI.string,
            "description":
                "A guest's access token for the ticket's order (or `?orderToken=` in the query, for image links).",
        ]
        let orderTokenQuery: JSONValue = [
            "name": "orderToken", "in": "query", "required": false, "schema": OpenAPI.string,
        ]
        let signedIn = OpenAPI.error("Not signed in (401)")
        let forbidden = OpenAPI.error("Not allowed (403), or a kiosk token outside its event or capability")
        let invalid = OpenAPI.error("Invalid body; details.fields names each problem (VALIDATION_FAILED)")
        let holderErrors: [String: JSONValue] = [
            "404": OpenAPI.error("No such ticket, or not yours (TICKET_NOT_FOUND)"),
            "409": OpenAPI.error("NOT_PAID (the order is not paid) or CANCELLED"),
        ]
        let doorRefusals: [String: JSONValue] = [
            "400": invalid, "401": signedIn, "403": forbidden,
            "404": OpenAPI.error(
                "INVALID_TICKET (unknown secret, bad signature, or a revoked version: details.reason) or TICKET_NOT_FOUND"
            ),
            "409": OpenAPI.error(
                "ALREADY_CHECKED_IN (details: ticketId, sessionId, checkedInAt, gate, station), NOT_PAID or CANCELLED"),
            "422": OpenAPI.error(
                "WRONG_EVENT, WRONG_SESSION (details.includedSessions) or OUTSIDE_CHECKIN_WINDOW (details: opensAt, closesAt)"
            ),
        ]
        let admitted = OpenAPI.json(
            "Admitted (or, with a nonce seen before, the earlier admission with replayed: true)", OpenAPI.ref("Checkin")
        )
        func image(_ id: String, _ type: String, _ summary: String) -> JSONValue {
            OpenAPI.operation(
                id, tag: "Tickets", summary: summary, parameters: [path("ticketId"), orderToken, orderTokenQuery],
                responses: [
                    "200": [
                        "description": "The QR code of the ticket's pass (its qrText)",
                        "content": [.init(stringLiteral: type): ["schema": ["type": "string", "format": "binary"]]],
                    ]
                ]
                .merging(holderErrors) { a, _ in a })
        }
        return APIDocumentation(
            paths: [
                "/api/tickets/{ticketId}/pass": [
                    "get": OpenAPI.operation(
                        "getTicketPass", tag: "Tickets",
                        summary: "The text of a ticket's QR code (its holder, or a guest with the order's token)",
                        description:
                            "The ticket's secret (32 random bytes, URL-safe base64; the server keeps only its SHA-256), or, for events with signed tickets, a BOX1 payload signed with the event's Ed25519 key.",
                        parameters: [path("ticketId"), orderToken, orderTokenQuery],
                        responses: ["200": OpenAPI.json("The pass", OpenAPI.ref("TicketPass"))].merging(holderErrors) {
                            a, _ in a
                        })
                ],
                "/api/tickets/{ticketId}/qr.svg": [
                    "get": image("getTicketQRCodeSVG", "image/svg+xml", "A ticket's QR code as SVG")
                ],
                "/api/tickets/{ticketId}/qr.png": [
                    "get": image("getTicketQRCodePNG", "image/png", "A ticket's QR code as PNG")
                ],
                "/api/tickets/{ticketId}/reissue": [
                    "post": OpenAPI.operation(
                        "reissueTicket", tag: "Tickets",
                        summary: "A new secret for a ticket; the old code stops opening doors",
                        description:
                            "The old version goes on the event's revocation list (offline kiosks get it in their bundle).",
                        parameters: [path("ticketId"), orderToken],
                        responses: ["200": OpenAPI.json("The new pass", OpenAPI.ref("TicketPass"))].merging(
                            holderErrors
                        ) { a, _ in a })
                ],
                "/api/checkin": [
                    "post": OpenAPI.operation(
                        "checkIn", tag: "Check-in",
                        summary: "Admit a scanned ticket (staff of the event, organizers, admins, the event's kiosks)",
                        description:
                            "Admits the ticket once per session it includes; the database's unique (ticket, session) pair decides between doors scanning at once. Without sessionId, the session whose check-in window is open. The same nonce returns the same admission.",
                        requestBody: OpenAPI.body(OpenAPI.ref("ScanRequest")), signedIn: true,
                        responses: ["200": admitted].merging(doorRefusals) { a, _ in a })
                ],
                "/api/tickets/{ticketId}/checkin": [
                    "put": OpenAPI.operation(
                        "checkInTicket", tag: "Check-in",
                        summary: "Admit a ticket by ID, after an attendee search (seed 002)",
                        description:
                            "Staff of the event, organizers, admins, and kiosks with the scan_search capability.",
                        parameters: [path("ticketId")],
                        requestBody: OpenAPI.body(OpenAPI.ref("CheckinRequest")), signedIn: true,
                        responses: ["200": admitted].merging(doorRefusals) { a, _ in a })
                ],
                "/api/checkins/{checkinId}": [
                    "delete": OpenAPI.operation(
                        "undoCheckIn", tag: "Check-in", summary: "Undo an admission (organizers, admins); audited",
                        parameters: [path("checkinId")], signedIn: true,
                        responses: [
                            "204": ["description": "Undone: the ticket can be admitted to that session again"],
                            "401": signedIn,
                            "403": forbidden, "404": OpenAPI.error("No such check-in (CHECKIN_NOT_FOUND)"),
                        ])
                ],
                "/api/events/{eventId}/checkins/stats": [
                    "get": OpenAPI.operation(
                        "getCheckinStats", tag: "Check-in",
                        summary: "Door numbers: admitted versus sold per session, per gate, per 5 minutes",
                        parameters: [path("eventId")], signedIn: true,
                        responses: [
                            "200": OpenAPI.json("The numbers", OpenAPI.ref("CheckinStats")), "401": signedIn,
                            "403": forbidden,
                            "404": OpenAPI.error("No such event"),
                        ])
                ],
                "/api/events/{eventId}/checkins/conflicts": [
                    "get": OpenAPI.operation(
                        "listCheckinConflicts", tag: "Check-in",
                        summary: "Double admits reported by offline kiosks (organizers, admins)",
                        parameters: [path("eventId")], signedIn: true,
                        responses: [
                            "200": OpenAPI.json("The conflicts, newest first", OpenAPI.ref("CheckinConflictList")),
                            "401": signedIn,
                            "403": forbidden, "404": OpenAPI.error("No such event"),
                        ])
                ],
                "/api/events/{eventId}/door-settings": [
                    "get": OpenAPI.operation(
                        "getDoorSettings", tag: "Kiosks", summary: "An event's door settings (organizers, admins)",
                        parameters: [path("eventId")], signedIn: true,
                        responses: [
                            "200": OpenAPI.json("The settings", OpenAPI.ref("DoorSettings")), "401": signedIn,
                            "403": forbidden,
                            "404": OpenAPI.error("No such event"),
                        ]),
                    "put": OpenAPI.operation(
                        "updateDoorSettings", tag: "Kiosks",
                        summary: "Switch signed tickets on or off; set the check-in window",
                        description:
                            "Switching signed tickets on makes the event's Ed25519 key pair (once); its public key is then in the settings and the offline bundle.",
                        parameters: [path("eventId")], requestBody: OpenAPI.body(OpenAPI.ref("DoorSettingsRequest")),
                        signedIn: true,
                        responses: [
                            "200": OpenAPI.json("The settings", OpenAPI.ref("DoorSettings")), "400": invalid,
                            "401": signedIn,
                            "403": forbidden, "404": OpenAPI.error("No such event"),
                        ]),
                ],
                "/api/events/{eventId}/kiosk-tokens": [
                    "post": OpenAPI.operation(
                        "createKioskToken", tag: "Kiosks",
                        summary: "Create a kiosk token for a door station (organizers, admins)",
                        description:
                            "The token (kiosk_…) is shown once; only its SHA-256 is kept. At most 8 hours, 4 by default.",
                        parameters: [path("eventId")], requestBody: OpenAPI.body(OpenAPI.ref("KioskTokenRequest")),
                        signedIn: true,
                        responses: [
                            "201": OpenAPI.json("The kiosk, with its token", OpenAPI.ref("KioskToken")), "400": invalid,
                            "401": signedIn, "403": forbidden, "404": OpenAPI.error("No such event"),
                        ]),
                    "get": OpenAPI.operation(
                        "listKioskTokens", tag: "Kiosks",
                        summary: "An event's kiosks, newest first (organizers, admins)",
                        parameters: [path("eventId")], signedIn: true,
                        responses: [
                            "200": OpenAPI.json("The kiosks (without tokens)", OpenAPI.ref("KioskTokenList")),
                            "401": signedIn,
                            "403": forbidden, "404": OpenAPI.error("No such event"),
                        ]),
                ],
                "/api/events/{eventId}/kiosk-tokens/{kioskId}": [
                    "delete": OpenAPI.operation(
                        "revokeKioskToken", tag: "Kiosks", summary: "Revoke a kiosk token; its next request is refused",
                        parameters: [path("eventId"), path("kioskId")], signedIn: true,
                        responses: [
                            "204": ["description": "Revoked"], "401": signedIn, "403": forbidden,
                            "404": OpenAPI.error("No such event or kiosk (KIOSK_NOT_FOUND)"),
                        ])
                ],
                "/api/kiosk/me": [
                    "get": OpenAPI.operation(
                        "getKiosk", tag: "Kiosks", summary: "The calling kiosk: station, event, capabilities, expiry",
                        signedIn: true,
                        responses: [
                            "200": OpenAPI.json("The kiosk", OpenAPI.ref("KioskSelf")), "401": signedIn,
                            "403": forbidden,
                        ])
                ],
                "/api/kiosk/offline-bundle": [
                    "get": OpenAPI.operation(
                        "getOfflineBundle", tag: "Kiosks", summary: "What a kiosk needs to keep admitting offline",
                        description:
                            "The event's public key and payload format, the revocation list, the sessions' check-in windows, the ticket types' sessions and who is already in; for events without signed tickets, every valid ticket's secret hash (hex SHA-256).",
                        signedIn: true,
                        responses: [
                            "200": OpenAPI.json("The bundle", OpenAPI.ref("OfflineBundle")), "401": signedIn,
                            "403": forbidden,
                        ])
                ],
                "/api/kiosk/attendees": [
                    "get": OpenAPI.operation(
                        "searchAttendees", tag: "Kiosks",
                        summary: "Search the event's attendees by name, email or order number (scan_search kiosks)",
                        parameters: [
                            [
                                "name": "q", "in": "query", "required": true,
                                "schema": ["type": "string", "minLength": 2, "maxLength": 200],
                            ]
                        ], signedIn: true,
                        responses: [
                            "200": OpenAPI.json("Up to 50 matches", OpenAPI.ref("AttendeeSearch")), "400": invalid,
                            "401": signedIn,
                            "422": OpenAPI.error("A query that trimming leaves shorter than two (VALIDATION_FAILED)"),
                            "403": forbidden,
                        ])
                ],
                "/api/kiosk/sync": [
                    "post": OpenAPI.operation(
                        "syncOfflineScans", tag: "Kiosks",
                        summary: "Upload scans made offline (up to 500, each with its nonce and time)",
                        description:
                            "Each scan is admitted as of its own time. A scan of a ticket already admitted to that session is reported as a duplicate and kept for the organizer. Uploading the same nonce again gives the same outcome.",
                        requestBody: OpenAPI.body(OpenAPI.ref("SyncRequest")), signedIn: true,
                        responses: [
                            "200": OpenAPI.json("One result per scan", OpenAPI.ref("SyncResponse")), "400": invalid,
                            "401": signedIn,
                            "403": forbidden,
                        ])
                ],
            ],
            schemas: schemas)
    }()

    static let schemas: [String: JSONValue] = {
        let attendee = OpenAPI.object(
            [
                "name": OpenAPI.string, "email": OpenAPI.string, "dietaryRestrictions": OpenAPI.string,
                "emergencyContact": OpenAPI.string,
            ],
            optional: ["dietaryRestrictions", "emergencyContact"])
        func array(_ item: JSONValue) -> JSONValue { ["type": "array", "items": item] }
        return [
            "TicketPass": OpenAPI.object([
                "ticketId": OpenAPI.uuid, "eventId": OpenAPI.uuid, "status": OpenAPI.string, "version": OpenAPI.integer,
                "signed": OpenAPI.boolean, "qrText": OpenAPI.string,
            ]),
            "CheckinRequest": OpenAPI.object(
                [
                    "secret": OpenAPI.string,
                    "sessionId": ["type": "string", "description": "A session ID or code (S2)"],
                    "gate": ["type": "string", "maxLength": 80],
                    "nonce": ["type": "string", "minLength": 1, "maxLength": 100],
                    "eventId": OpenAPI.uuid,
                ],
                optional: ["secret", "sessionId", "gate", "nonce", "eventId"]),
            // A scan names the ticket by its QR code's text, which must not be blank.
            "ScanRequest": OpenAPI.object(
                [
                    "secret": [
                        "type": "string", "minLength": 1,
                        "allOf": [
                            ["pattern": "\\S"],
                            ["pattern": .string(OpenAPI.textPattern)],
                        ],
                    ],
                    "sessionId": ["type": "string", "description": "A session ID or code (S2)"],
                    "gate": ["type": "string", "maxLength": 80],
                    "nonce": ["type": "string", "minLength": 1, "maxLength": 100],
                    "eventId": OpenAPI.uuid,
                ],
                optional: ["sessionId", "gate", "nonce", "eventId"]),
            "Checkin": OpenAPI.object(
                [
                    "checkinId": OpenAPI.uuid, "ticketId": OpenAPI.uuid, "eventId": OpenAPI.uuid,
                    "sessionId": OpenAPI.uuid,
                    "sessionCode": OpenAPI.string, "ticketTypeName": OpenAPI.string, "gate": OpenAPI.string,
                    "station": OpenAPI.string,
                    "method": OpenAPI.enumeration(["scan", "manual", "offline"]), "checkedInAt": OpenAPI.dateTime,
                    "replayed": OpenAPI.boolean,
                    "attendee": attendee,
                ],
                optional: ["gate", "station", "attendee"]),
            "CheckinStats": OpenAPI.object([
                "eventId": OpenAPI.uuid,
                "sessions": array(
                    OpenAPI.object([
                        "sessionId": OpenAPI.uuid, "sessionCode": OpenAPI.string, "name": OpenAPI.string,
                        "sold": OpenAPI.integer, "admitted": OpenAPI.integer,
                    ])),
                "gates": array(OpenAPI.object(["gate": OpenAPI.string, "admitted": OpenAPI.integer])),
                "intervals": array(OpenAPI.object(["startsAt": OpenAPI.dateTime, "admitted": OpenAPI.integer])),
                "doubleAdmits": OpenAPI.integer,
            ]),
            "CheckinConflictList": OpenAPI.object([
                "conflicts": array(
                    OpenAPI.object(
                        [
                            "conflictId": OpenAPI.uuid, "ticketId": OpenAPI.uuid, "sessionId": OpenAPI.uuid,
                            "gate": OpenAPI.string,
                            "station": OpenAPI.string, "scannedAt": OpenAPI.dateTime,
                            "firstCheckedInAt": OpenAPI.dateTime,
                            "firstGate": OpenAPI.string, "recordedAt": OpenAPI.dateTime,
                        ],
                        optional: ["gate", "station", "firstGate"]))
            ]),
            "DoorSettingsRequest": OpenAPI.object(
                [
                    "signedTickets": OpenAPI.boolean,
                    "checkinOpensMinutesBefore": ["type": "integer", "minimum": 0, "maximum": 10_080],
                    "checkinClosesMinutesAfter": ["type": "integer", "minimum": 0, "maximum": 10_080],
                ],
                optional: ["signedTickets", "checkinOpensMinutesBefore", "checkinClosesMinutesAfter"]),
            "DoorSettings": OpenAPI.object(
                [
                    "eventId": OpenAPI.uuid, "signedTickets": OpenAPI.boolean, "publicKey": OpenAPI.string,
                    "checkinOpensMinutesBefore": OpenAPI.integer, "checkinClosesMinutesAfter": OpenAPI.integer,
                    "eventCode": OpenAPI.string,
                ],
                optional: ["publicKey", "eventCode"]),
            "KioskTokenRequest": OpenAPI.object(
                [
                    "stationName": [
                        "type": "string", "minLength": 1, "maxLength": 80,
                        "pattern": .string(OpenAPI.nonBlankTextPattern),
                        "description": "Not only spaces",
                    ],
                    "capabilities": OpenAPI.enumeration(["scan", "scan_search"]),
                    "expiresInMinutes": ["type": "integer", "minimum": 1, "maximum": 480],
                ],
                optional: ["capabilities", "expiresInMinutes"]),
            "KioskToken": OpenAPI.object(
                [
                    "kioskId": OpenAPI.uuid, "eventId": OpenAPI.uuid, "eventCode": OpenAPI.string,
                    "stationName": OpenAPI.string,
                    "capabilities": OpenAPI.enumeration(["scan", "scan_search"]),
                    "status": OpenAPI.enumeration(["active", "expired", "revoked"]),
                    "createdAt": OpenAPI.dateTime, "expiresAt": OpenAPI.dateTime, "revokedAt": OpenAPI.dateTime,
                    "token": OpenAPI.string,
                ],
                optional: ["revokedAt", "token"]),
            "KioskTokenList": OpenAPI.object(["kiosks": array(OpenAPI.ref("KioskToken"))]),
            "KioskSelf": OpenAPI.object([
                "kioskId": OpenAPI.uuid, "stationName": OpenAPI.string, "eventId": OpenAPI.uuid,
                "eventTitle": OpenAPI.string,
                "eventCode": OpenAPI.string, "capabilities": OpenAPI.enumeration(["scan", "scan_search"]),
                "expiresAt": OpenAPI.dateTime,
            ]),
            "OfflineBundle": OpenAPI.object(
                [
                    "eventId": OpenAPI.uuid, "eventTitle": OpenAPI.string, "eventCode": OpenAPI.string,
                    "signedTickets": OpenAPI.boolean,
                    "keyAlgorithm": OpenAPI.string, "publicKey": OpenAPI.string, "payloadFormat": OpenAPI.string,
                    "sessions": array(
                        OpenAPI.object([
                            "sessionId": OpenAPI.uuid, "sessionCode": OpenAPI.string, "number": OpenAPI.integer,
                            "name": OpenAPI.string,
                            "startsAt": OpenAPI.dateTime, "checkinOpensAt": OpenAPI.dateTime,
                            "checkinClosesAt": OpenAPI.dateTime,
                        ])),
                    "ticketTypes": array(
                        OpenAPI.object([
                            "ticketTypeId": OpenAPI.uuid, "name": OpenAPI.string, "sessionIds": array(OpenAPI.uuid),
                        ])),
                    "revoked": array(
                        OpenAPI.object([
                            "ticketId": OpenAPI.uuid, "version": OpenAPI.integer, "reason": OpenAPI.string,
                            "revokedAt": OpenAPI.dateTime,
                        ])),
                    "tickets": array(
                        OpenAPI.object([
                            "ticketId": OpenAPI.uuid, "ticketTypeId": OpenAPI.uuid, "secretHash": OpenAPI.string,
                        ])),
                    "admitted": array(
                        OpenAPI.object([
                            "ticketId": OpenAPI.uuid, "sessionId": OpenAPI.uuid, "checkedInAt": OpenAPI.dateTime,
                        ])),
                    "generatedAt": OpenAPI.dateTime,
                ],
                optional: ["publicKey"]),
            "AttendeeSearch": OpenAPI.object([
                "attendees": array(
                    OpenAPI.object([
                        "ticketId": OpenAPI.uuid, "ticketTypeName": OpenAPI.string, "status": OpenAPI.string,
                        "orderNumber": OpenAPI.string,
                        "attendee": attendee, "checkedInSessionIds": array(OpenAPI.uuid),
                    ]))
            ]),
            "SyncRequest": OpenAPI.object([
                "scans": array(
                    OpenAPI.object(
                        [
                            "nonce": ["type": "string", "minLength": 1, "maxLength": 100],
                            "secret": ["type": "string", "minLength": 1], "sessionId": OpenAPI.string,
                            "gate": OpenAPI.string,
                            "scannedAt": OpenAPI.dateTime,
                        ],
                        optional: ["sessionId", "gate"])
                ).merging(["minItems": 1, "maxItems": 500])
            ]),
            "SyncResponse": OpenAPI.object([
                "results": array(
                    OpenAPI.object(
                        [
                            "nonce": OpenAPI.string,
                            "outcome": OpenAPI.enumeration(["admitted", "duplicate", "refused"]),
                            "code": OpenAPI.string,
                            "checkinId": OpenAPI.uuid, "ticketId": OpenAPI.uuid, "sessionId": OpenAPI.uuid,
                            "firstCheckedInAt": OpenAPI.dateTime,
                            "firstGate": OpenAPI.string,
                        ],
                        optional: ["code", "checkinId", "ticketId", "sessionId", "firstCheckedInAt", "firstGate"])),
                "admitted": OpenAPI.integer, "duplicates": OpenAPI.integer, "refused": OpenAPI.integer,
            ]),
        ]
    }()
}
