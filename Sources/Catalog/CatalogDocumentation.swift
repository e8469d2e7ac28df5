public import HTTPCore

extension CatalogRoutes {
    public static let documentation: APIDocumentation = {
        func path(_ name: String, _ schema: JSONValue = OpenAPI.uuid, _ description: String? = nil) -> JSONValue {
            var object: [String: JSONValue] = ["name": .string(name), "in": "path", "required": true, "schema": schema]
            if let description { object["description"] = .string(description) }
            return .object(object)
        }
        func query(_ name: String, _ schema: JSONValue, _ description: String) -> JSONValue {
            [
                "name": .string(name), "in": "query", "required": false, "schema": schema,
                "description": .string(description),
            ]
        }
        let eventID = path("eventId")
        let sessionID = path("sessionId", OpenAPI.string, "Session code within the event: S1, S2, …")
        let ticketTypeID = path("ticketTypeId")
        let listFilters = [
            query("eventType", OpenAPI.enumeration(["Class", "SocialEvent"]), "Only this kind of event"),
            query("category", OpenAPI.string, "Only this category (case-insensitive)"),
            query("showPast", OpenAPI.boolean, "Include events that have ended (default false)"),
            query("organizerId", OpenAPI.uuid, "Only events this user organizes"),
            query("organization", OpenAPI.string, "Only events of this organization (ID or slug)"),
            query("from", OpenAPI.dateTime, "Events starting at or after"),
            query("to", OpenAPI.dateTime, "Events starting before"),
            query("q", OpenAPI.string, "Free text in title or short description"),
            query("page", ["type": "integer", "minimum": 1, "maximum": 100_000], "Page, from 1"),
            query("perPage", ["type": "integer", "minimum": 1, "maximum": 100], "Events per page (default 20)"),
        ]
        let invalid = OpenAPI.error("Invalid input; details.fields names each problem (VALIDATION_FAILED)")
        let notFound = OpenAPI.error("No such event, session, ticket type or venue (or not visible to you)")
        let guarded: [String: JSONValue] = [
            "401": OpenAPI.error("Not signed in"),
            "403": OpenAPI.error("Not allowed; see docs/permissions.md"),
        ]
        func op(
            _ id: String, _ summary: String, description: String? = nil, parameters: [JSONValue] = [],
            body: JSONValue? = nil,
            signedIn: Bool = false, _ responses: [String: JSONValue]
        ) -> JSONValue {
            OpenAPI.operation(
                id, tag: "Catalog", summary: summary, description: description, parameters: parameters,
                requestBody: body.map { OpenAPI.body($0) }, signedIn: signedIn,
                responses: signedIn ? responses.merging(guarded) { mine, _ in mine } : responses)
        }
        let list = OpenAPI.json("A page of events", OpenAPI.ref("EventList"))
        let details = OpenAPI.json("The event", OpenAPI.ref("EventDetails"))
        let conflict = OpenAPI.error("Refused by a business rule (see the code)")
        return APIDocumentation(
            paths: [
                "/api/events": [
                    "get": op(
                        "listEvents", "Published events", parameters: listFilters, ["200": list, "400": invalid]),
                    "post": op(
                        "createEvent", "Create an event (as a draft)",
                        description:
                            "Organizers of the organization and admins. The creator becomes the Primary organizer.",
                        body: OpenAPI.ref("CreateEventRequest"), signedIn: true,
                        ["201": details, "400": invalid, "404": notFound]),
                ],
                "/api/events/upcoming": [
                    "get": op(
                        "listUpcomingEvents", "Published events that have not started", parameters: listFilters,
                        ["200": list, "400": invalid])
                ],
                "/api/events/category/{category}": [
                    "get": op(
                        "listEventsByCategory", "Published events of one category",
                        parameters: [path("category", OpenAPI.string)] + listFilters,
                        ["200": list, "400": invalid])
                ],
                "/api/admin/events": [
                    "get": op(
                        "listManagedEvents", "Events in every state (admins: all; members: their organizations')",
                        parameters: listFilters + [
                            query(
                                "status",
                                [
                                    "type": "string",
                                    "pattern":
                                        "^((draft|published|cancelled|archived)(,(draft|published|cancelled|archived))*)?$",
                                ], "Comma-separated states: draft,published,cancelled,archived")
                        ],
                        signedIn: true, ["200": list, "400": invalid])
                ],
                "/api/events/{eventId}": [
                    "get": op(
                        "getEvent", "An event with venue, organizers, sessions and ticket types",
                        description:
                            "Published events are public; others are visible to those who may read the organization's events.",
                        parameters: [eventID], ["200": details, "400": invalid, "404": notFound]),
                    "put": op(
                        "updateEvent", "Change an event, or move it through its lifecycle",
                        description:
                            "Lifecycle: draft → published → cancelled or archived; cancelled → archived. Publishing needs a session.",
                        parameters: [eventID], body: OpenAPI.ref("UpdateEventRequest"), signedIn: true,
                        ["200": details, "400": invalid, "404": notFound, "409": conflict]),
                    "delete": op(
                        "deleteEvent", "Delete an event without registrations", parameters: [eventID], signedIn: true,
                        [
                            "204": ["description": "Deleted"], "404": notFound,
                            "409": OpenAPI.error("The event has registrations (EVENT_HAS_REGISTRATIONS)"),
                        ]),
                ],
                "/api/events/{eventId}/availability": [
                    "get": op(
                        "getEventAvailability", "Seats left per session and what each ticket type can sell",
                        parameters: [eventID],
                        ["200": OpenAPI.json("Availability", OpenAPI.ref("Availability")), "404": notFound])
                ],
                "/embed/events/{eventId}": [
                    "get": OpenAPI.operation(
                        "embedEventAvailability", tag: "Embeds",
                        summary: "A published event's availability as an HTML page for a partner's iframe",
                        description:
                            "Framed only by the origins the event's organization allows (Content-Security-Policy: frame-ancestors; see PUT /api/organizations/{organizationId}/embedding).",
                        parameters: [eventID],
                        responses: [
                            "200": ["description": "The page", "content": ["text/html": ["schema": OpenAPI.string]]],
                            "400": OpenAPI.error("The event ID is not a UUID (VALIDATION_FAILED)"),
                            "404": notFound,
                        ])
                ],
                "/api/events/{eventId}/tickets": [
                    "get": op(
                        "listEventTickets", "The event's ticket types (seed 003's ticket categories)",
                        parameters: [eventID],
                        ["200": OpenAPI.json("Ticket types", OpenAPI.ref("TicketTypeList")), "404": notFound])
                ],
                "/api/events/{eventId}/sessions": [
                    "get": op(
                        "listSessions", "The event's sessions", parameters: [eventID],
                        ["200": OpenAPI.json("Sessions", OpenAPI.ref("SessionList")), "404": notFound]),
                    "post": op(
                        "createSession", "Add a session; it gets the next free number (S1, S2, …)",
                        parameters: [eventID],
                        body: OpenAPI.ref("SessionRequest"), signedIn: true,
                        ["201": OpenAPI.json("The session", OpenAPI.ref("Session")), "400": invalid, "404": notFound]),
                ],
                "/api/events/{eventId}/sessions/{sessionId}": [
                    "put": op(
                        "updateSession", "Change a session (only the fields sent); capacity never below sold + held",
                        parameters: [eventID, sessionID],
                        body: OpenAPI.ref("SessionUpdate"), signedIn: true,
                        [
                            "200": OpenAPI.json("The session", OpenAPI.ref("Session")), "400": invalid, "404": notFound,
                            "409": OpenAPI.error("Capacity below sold + held (CAPACITY_BELOW_SOLD)"),
                        ]),
                    "delete": op(
                        "deleteSession", "Delete a session with no registrations that no ticket type includes",
                        parameters: [eventID, sessionID], signedIn: true,
                        [
                            "204": ["description": "Deleted"], "404": notFound,
                            "409": OpenAPI.error("SESSION_HAS_REGISTRATIONS or SESSION_IN_USE"),
                        ]),
                ],
                "/api/events/{eventId}/ticket-types": [
                    "get": op(
                        "listTicketTypes", "The event's ticket types with availability", parameters: [eventID],
                        ["200": OpenAPI.json("Ticket types", OpenAPI.ref("TicketTypeList")), "404": notFound]),
                    "post": op(
                        "createTicketType", "Add a ticket type including one or more sessions", parameters: [eventID],
                        body: OpenAPI.ref("TicketTypeRequest"), signedIn: true,
                        [
                            "201": OpenAPI.json("The ticket type", OpenAPI.ref("TicketType")), "400": invalid,
                            "404": notFound,
                        ]),
                ],
                "/api/events/{eventId}/ticket-types/{ticketTypeId}": [
                    "put": op(
                        "updateTicketType", "Change a ticket type",
                        description: "Included sessions are fixed once anything is sold (SESSIONS_LOCKED).",
                        parameters: [eventID, ticketTypeID], body: OpenAPI.ref("TicketTypeRequest"), signedIn: true,
                        [
                            "200": OpenAPI.json("The ticket type", OpenAPI.ref("TicketType")), "400": invalid,
                            "404": notFound, "409": conflict,
                        ]),
                    "delete": op(
                        "deleteTicketType", "Delete a ticket type that never sold",
                        parameters: [eventID, ticketTypeID], signedIn: true,
                        [
                            "204": ["description": "Deleted"], "404": notFound,
                            "409": OpenAPI.error("TICKET_TYPE_HAS_SALES"),
                        ]),
                ],
                "/api/ticket-types/{ticketTypeId}/availability": [
                    "get": op(
                        "getTicketTypeAvailability", "What one ticket type can sell, and which sessions limit it",
                        parameters: [ticketTypeID],
                        ["200": OpenAPI.json("Availability", OpenAPI.ref("TicketTypeAvailability")), "404": notFound])
                ],
                "/api/organizations/{organizationId}/venues": [
                    "get": op(
                        "listVenues", "The organization's venues", parameters: [path("organizationId")], signedIn: true,
                        ["200": OpenAPI.json("Venues", OpenAPI.ref("VenueList"))]),
                    "post": op(
                        "createVenue", "Add a venue", parameters: [path("organizationId")],
                        body: OpenAPI.ref("VenueRequest"),
                        signedIn: true,
                        ["201": OpenAPI.json("The venue", OpenAPI.ref("Venue")), "400": invalid, "404": notFound]),
                ],
                "/api/venues/{venueId}": [
                    "put": op(
                        "updateVenue", "Change a venue", parameters: [path("venueId")],
                        body: OpenAPI.ref("VenueUpdateRequest"), signedIn: true,
                        ["200": OpenAPI.json("The venue", OpenAPI.ref("Venue")), "400": invalid, "404": notFound]),
                    "delete": op(
                        "deleteVenue", "Delete a venue (its events keep their data)", parameters: [path("venueId")],
                        signedIn: true,
                        ["204": ["description": "Deleted"], "404": notFound]),
                ],
            ],
            schemas: CatalogSchemas.all,
            tags: [["name": "Catalog", "description": "Events, sessions, ticket types, availability and venues."]]
        )
    }()
}

enum CatalogSchemas {
    static let money: JSONValue = ["type": "number", "description": "Major units of `currency`, e.g. 120.00"]
    static let constraint = OpenAPI.enumeration([
        "EVENT_NOT_PUBLISHED", "INACTIVE", "SALES_NOT_STARTED", "SALES_ENDED", "SOLD_OUT", "SESSION_FULL",
    ])

    static func addressShare(nullable: Bool) -> JSONValue {
        [
            "type": nullable ? JSONValue.array(["integer", "null"]) : JSONValue.string("integer"), "minimum": 0,
            "maximum": 100,
            "description": .string(
                "Percent of the smallest session's capacity one client address may have (0: no share limit); "
                    + "the lower of this and addressPlacesLimit applies; default ADDRESS_PLACES_SHARE"
                    + (nullable ? "; null returns to the installation's" : "")),
        ]
    }

    static let all: [String: JSONValue] = [
        "EventSummary": OpenAPI.object(
            [
                "eventId": OpenAPI.uuid, "title": OpenAPI.string, "shortDescription": OpenAPI.string,
                "eventType": OpenAPI.enumeration(["Class", "SocialEvent"]), "category": OpenAPI.string,
                "status": OpenAPI.enumeration(["draft", "published", "cancelled", "archived"]),
                "startDate": OpenAPI.dateTime, "endDate": OpenAPI.dateTime, "venue": OpenAPI.string,
                "organizationId": OpenAPI.uuid,
                "imageUrl": OpenAPI.string, "totalCapacity": OpenAPI.integer, "availableSpots": OpenAPI.integer,
                "hasMultipleSessions": OpenAPI.boolean, "sessionCount": OpenAPI.integer, "lowestPrice": money,
                "highestPrice": money, "currency": OpenAPI.string,
            ],
            optional: ["category", "startDate", "endDate", "venue", "imageUrl", "lowestPrice", "highestPrice"]),
        "EventList": OpenAPI.object([
            "events": ["type": "array", "items": OpenAPI.ref("EventSummary")],
            "page": OpenAPI.integer, "perPage": OpenAPI.integer, "total": OpenAPI.integer,
        ]),
        "Venue": OpenAPI.object([
            "venueId": OpenAPI.uuid, "organizationId": OpenAPI.uuid, "name": OpenAPI.string, "address": OpenAPI.string,
            "capacity": OpenAPI.integer,
        ]),
        "VenueList": OpenAPI.object(["venues": ["type": "array", "items": OpenAPI.ref("Venue")]]),
        "Organizer": OpenAPI.object(["userId": OpenAPI.uuid, "displayName": OpenAPI.string, "role": OpenAPI.string]),
        "Session": OpenAPI.object([
            "sessionId": OpenAPI.string, "sessionName": OpenAPI.string, "sessionDate": OpenAPI.dateTime,
            "startTime": OpenAPI.string, "endTime": OpenAPI.string, "startsAt": OpenAPI.dateTime,
            "endsAt": OpenAPI.dateTime,
            "capacity": OpenAPI.integer, "currentRegistrations": OpenAPI.integer, "held": OpenAPI.integer,
            "availableSpots": OpenAPI.integer, "isActive": OpenAPI.boolean,
        ]),
        "SessionList": OpenAPI.object(["sessions": ["type": "array", "items": OpenAPI.ref("Session")]]),
        "TicketType": OpenAPI.object(
            [
                "ticketTypeId": OpenAPI.uuid, "eventId": OpenAPI.uuid, "name": OpenAPI.string,
                "description": OpenAPI.string,
                "includedSessions": ["type": "array", "items": OpenAPI.string], "price": money, "memberPrice": money,
                "priceMinor": OpenAPI.integer, "memberPriceMinor": OpenAPI.integer, "currency": OpenAPI.string,
                "quantityLimit": OpenAPI.integer, "maxQuantity": OpenAPI.integer, "availableQuantity": OpenAPI.integer,
                "sold": OpenAPI.integer, "salesStartDate": OpenAPI.dateTime, "salesEndDate": OpenAPI.dateTime,
                "isActive": OpenAPI.boolean, "isHidden": OpenAPI.boolean, "isAvailable": OpenAPI.boolean,
                "constraintReason": constraint,
            ],
            optional: ["memberPrice", "memberPriceMinor", "quantityLimit", "salesStartDate", "constraintReason"]),
        "TicketTypeList": OpenAPI.object(["ticketTypes": ["type": "array", "items": OpenAPI.ref("TicketType")]]),
        "EventDetails": OpenAPI.object(
            [
                "eventId": OpenAPI.uuid, "organizationId": OpenAPI.uuid, "title": OpenAPI.string,
                "shortDescription": OpenAPI.string,
                "fullDescription": ["type": "string", "description": "Sanitised HTML"],
                "eventType": OpenAPI.enumeration(["Class", "SocialEvent"]), "category": OpenAPI.string,
                "policiesProcedures": OpenAPI.string, "imageUrl": OpenAPI.string, "currency": OpenAPI.string,
                "status": OpenAPI.enumeration(["draft", "published", "cancelled", "archived"]),
                "isPublished": OpenAPI.boolean,
                "startDate": OpenAPI.dateTime, "endDate": OpenAPI.dateTime, "venue": OpenAPI.ref("Venue"),
                "organizers": ["type": "array", "items": OpenAPI.ref("Organizer")],
                "sessions": ["type": "array", "items": OpenAPI.ref("Session")],
                "ticketTypes": ["type": "array", "items": OpenAPI.ref("TicketType")],
                "refundCutoffHours": OpenAPI.integer, "buyerPlacesLimit": OpenAPI.integer,
                "addressPlacesLimit": OpenAPI.integer, "addressPlacesShare": OpenAPI.integer,
                "guestCheckout": OpenAPI.boolean, "createdAt": OpenAPI.dateTime, "updatedAt": OpenAPI.dateTime,
            ],
            optional: [
                "category", "policiesProcedures", "imageUrl", "startDate", "endDate", "venue", "refundCutoffHours",
                "buyerPlacesLimit", "addressPlacesLimit", "addressPlacesShare",
            ]),
        "SessionAvailability": OpenAPI.object([
            "sessionId": OpenAPI.string, "capacity": OpenAPI.integer, "sold": OpenAPI.integer, "held": OpenAPI.integer,
            "available": OpenAPI.integer, "isActive": OpenAPI.boolean, "hasWaitlist": OpenAPI.boolean,
            "waitlistCount": OpenAPI.integer,
        ]),
        "TicketTypeAvailability": OpenAPI.object(
            [
                "ticketTypeId": OpenAPI.uuid, "eventId": OpenAPI.uuid, "name": OpenAPI.string,
                "availableQuantity": OpenAPI.integer, "isAvailable": OpenAPI.boolean, "maxPurchasable": OpenAPI.integer,
                "constraintReason": constraint, "limitingSessionIds": ["type": "array", "items": OpenAPI.string],
                "sessions": ["type": "array", "items": OpenAPI.ref("SessionAvailability")],
                "lastCalculated": OpenAPI.dateTime,
            ],
            optional: ["constraintReason"]),
        "Availability": OpenAPI.object([
            "eventId": OpenAPI.uuid, "sessions": ["type": "array", "items": OpenAPI.ref("SessionAvailability")],
            "ticketTypes": ["type": "array", "items": OpenAPI.ref("TicketTypeAvailability")],
            "lastCalculated": OpenAPI.dateTime,
        ]),
        "CreateEventRequest": OpenAPI.object(
            [
                "organizationId": OpenAPI.uuid,
                "title": OpenAPI.plainText(minLength: 3, maxLength: 200, singleLine: true),
                "shortDescription": OpenAPI.plainText(maxLength: 500),
                "fullDescription": ["type": "string", "maxLength": 50_000, "description": "HTML, sanitised when kept"],
                "eventType": OpenAPI.enumeration(["Class", "SocialEvent"]),
                "category": OpenAPI.plainText(maxLength: 100),
                "policiesProcedures": OpenAPI.plainText(), "venueId": OpenAPI.uuid,
                "organizerIds": ["type": "array", "items": OpenAPI.uuid], "imageUrl": OpenAPI.webURL,
                "currency": OpenAPI.currency,
                "refundCutoffHours": ["type": "integer", "minimum": 0, "maximum": 8760],
                "buyerPlacesLimit": [
                    "type": "integer", "minimum": 0, "maximum": 10_000,
                    "description":
                        "Places one buyer may have, held, pending or sold (0: no limit); default BUYER_PLACES_LIMIT",
                ],
                "addressPlacesLimit": [
                    "type": "integer", "minimum": 0, "maximum": 10_000,
                    "description":
                        "Places one client address may have (0: no limit); default ADDRESS_PLACES_LIMIT",
                ],
                "addressPlacesShare": addressShare(nullable: false),
                "guestCheckout": [
                    "type": "boolean",
                    "description": "Whether buyers without an account may hold and order (default true)",
                ],
            ],
            optional: [
                "shortDescription", "fullDescription", "category", "policiesProcedures", "venueId", "organizerIds",
                "imageUrl", "currency",
                "refundCutoffHours", "buyerPlacesLimit", "addressPlacesLimit", "addressPlacesShare", "guestCheckout",
            ]),
        "UpdateEventRequest": OpenAPI.object(
            [
                "title": OpenAPI.plainText(minLength: 3, maxLength: 200, singleLine: true),
                "shortDescription": OpenAPI.plainText(maxLength: 500),
                "fullDescription": ["type": "string", "maxLength": 50_000, "description": "HTML, sanitised when kept"],
                "eventType": OpenAPI.enumeration(["Class", "SocialEvent"]),
                "category": OpenAPI.plainText(maxLength: 100, nullable: true),
                "policiesProcedures": OpenAPI.plainText(nullable: true),
                "venueId": ["type": ["string", "null"], "format": "uuid"],
                "imageUrl": OpenAPI.webURL.merging(["type": ["string", "null"]]), "currency": OpenAPI.currency,
                "status": OpenAPI.enumeration(["draft", "published", "cancelled", "archived"]),
                "organizers": [
                    "type": "array",
                    "items": OpenAPI.object(
                        [
                            "userId": OpenAPI.uuid,
                            "role": OpenAPI.enumeration(["Primary", "CoOrganizer", "Assistant"]),
                        ],
                        optional: ["role"]),
                ],
                "refundCutoffHours": ["type": ["integer", "null"], "minimum": 0, "maximum": 8760],
                "buyerPlacesLimit": [
                    "type": ["integer", "null"], "minimum": 0, "maximum": 10_000,
                    "description": "The event's own limit per buyer (0: none); null returns to the installation's",
                ],
                "addressPlacesLimit": [
                    "type": ["integer", "null"], "minimum": 0, "maximum": 10_000,
                    "description":
                        "The event's own limit per client address (0: none); null returns to the installation's",
                ],
                "addressPlacesShare": addressShare(nullable: true),
                "guestCheckout": [
                    "type": "boolean", "description": "Whether buyers without an account may hold and order",
                ],
            ],
            optional: [
                "title", "shortDescription", "fullDescription", "eventType", "category", "policiesProcedures",
                "venueId",
                "imageUrl", "currency", "status", "organizers", "refundCutoffHours", "buyerPlacesLimit",
                "addressPlacesLimit", "addressPlacesShare", "guestCheckout",
            ]),
        "SessionRequest": OpenAPI.object(
            [
                "sessionName": OpenAPI.plainText(minLength: 1, maxLength: 200, singleLine: true),
                "startsAt": OpenAPI.dateTime,
                "endsAt": OpenAPI.dateTime,
                "capacity": [
                    "type": "integer", "minimum": 1, "maximum": 500,
                    "description": "At most SESSION_CAPACITY_MAX (default 500)",
                ],
                "isActive": OpenAPI.boolean,
                "name": OpenAPI.plainText(minLength: 1, maxLength: 200, singleLine: true).merging([
                    "description":
                        "Seed 002's name for sessionName, accepted on purpose; sessionName wins when both are sent"
                ]),
            ],
            optional: ["isActive", "name"]),
        "SessionUpdate": OpenAPI.object(
            [
                "sessionName": OpenAPI.plainText(minLength: 1, maxLength: 200, singleLine: true),
                "startsAt": OpenAPI.dateTime,
                "endsAt": OpenAPI.dateTime,
                "capacity": [
                    "type": "integer", "minimum": 1, "maximum": 500,
                    "description": "At most SESSION_CAPACITY_MAX (default 500)",
                ],
                "isActive": OpenAPI.boolean,
                "name": OpenAPI.plainText(minLength: 1, maxLength: 200, singleLine: true).merging([
                    "description":
                        "Seed 002's name for sessionName, accepted on purpose; sessionName wins when both are sent"
                ]),
            ],
            optional: ["sessionName", "startsAt", "endsAt", "capacity", "isActive", "name"]),
        "TicketTypeRequest": OpenAPI.object(
            [
                "name": OpenAPI.plainText(minLength: 1, maxLength: 100, singleLine: true),
                "description": OpenAPI.plainText(maxLength: 2000),
                "includedSessions": ["type": "array", "items": OpenAPI.string, "minItems": 1],
                "price": ["type": "number", "minimum": 0, "exclusiveMaximum": 1_000_000_000_000],
                "priceMinor": ["type": "integer", "minimum": 0],
                "memberPrice": ["type": ["number", "null"], "minimum": 0, "exclusiveMaximum": 1_000_000_000_000],
                "memberPriceMinor": ["type": ["integer", "null"], "minimum": 0],
                "quantityLimit": ["type": ["integer", "null"], "minimum": 1],
                "maxQuantity": ["type": "integer", "minimum": 1, "maximum": 10],
                "salesStartDate": ["type": ["string", "null"], "format": "date-time"], "salesEndDate": OpenAPI.dateTime,
                "isActive": OpenAPI.boolean, "isHidden": OpenAPI.boolean, "sortOrder": OpenAPI.integer,
            ],
            optional: [
                "description", "price", "priceMinor", "memberPrice", "memberPriceMinor", "quantityLimit", "maxQuantity",
                "salesStartDate", "isActive", "isHidden", "sortOrder",
            ]
        ).merging(["anyOf": [["required": ["price"]], ["required": ["priceMinor"]]]]),
        "VenueUpdateRequest": OpenAPI.object(
            [
                "name": OpenAPI.plainText(minLength: 1, maxLength: 200, singleLine: true),
                "address": OpenAPI.plainText(maxLength: 500),
                "capacity": ["type": "integer", "minimum": 0, "maximum": 1_000_000],
            ],
            optional: ["name", "address", "capacity"]),
        "VenueRequest": OpenAPI.object(
            [
                "name": OpenAPI.plainText(minLength: 1, maxLength: 200, singleLine: true),
                "address": OpenAPI.plainText(maxLength: 500),
                "capacity": ["type": "integer", "minimum": 0, "maximum": 1_000_000],
            ],
            optional: ["address"]),
    ]
}
