public import HTTPCore

extension OrganizationsRoutes {
    public static let documentation: APIDocumentation = {
        let organizationID: JSONValue = [
            "name": "organizationId", "in": "path", "required": true, "schema": OpenAPI.uuid,
        ]
        let userID: JSONValue = ["name": "userId", "in": "path", "required": true, "schema": OpenAPI.uuid]
        let common: [String: JSONValue] = [
            "401": OpenAPI.error("Not signed in (UNAUTHORIZED)"),
            "403": OpenAPI.error("Signed in but not allowed (FORBIDDEN); see docs/permissions.md"),
        ]
        func operation(
            _ id: String, _ summary: String, description: String? = nil, parameters: [JSONValue] = [],
            body: JSONValue? = nil, _ responses: [String: JSONValue]
        ) -> JSONValue {
            OpenAPI.operation(
                id, tag: "Organizations", summary: summary, description: description,
                parameters: parameters, requestBody: body.map { OpenAPI.body($0) }, signedIn: true,
                responses: responses.merging(common) { mine, _ in mine })
        }
        let invalid = OpenAPI.error("Invalid body or path (VALIDATION_FAILED)")
        /// An upload's body is the image itself.
        func withImageBody(_ operation: JSONValue) -> JSONValue {
            guard case .object(var fields) = operation else { return operation }
            let image: JSONValue = ["schema": ["type": "string", "contentEncoding": "binary"]]
            fields["requestBody"] = [
                "required": true, "content": ["image/png": image, "image/jpeg": image, "image/webp": image],
            ]
            return .object(fields)
        }
        let notFound = OpenAPI.error("No such organization or member")
        let member = OpenAPI.json("The member", OpenAPI.ref("Member"))
        return APIDocumentation(
            paths: [
                "/api/organizations": [
                    "post": operation(
                        "createOrganization", "Create an organization; the creator becomes its owner",
                        description: "Without a slug, one is made from the name.",
                        body: OpenAPI.ref("CreateOrganizationRequest"),
                        [
                            "201": OpenAPI.json("Created", OpenAPI.ref("Organization")), "400": invalid,
                            "409": OpenAPI.error("Slug taken (SLUG_TAKEN)"),
                        ]),
                    "get": operation(
                        "listMyOrganizations", "The organizations I belong to, with my role",
                        [
                            "200": OpenAPI.json(
                                "Organizations",
                                OpenAPI.object([
                                    "organizations": ["type": "array", "items": OpenAPI.ref("Organization")]
                                ]))
                        ]),
                ],
                "/api/organizations/{organizationId}": [
                    "get": operation(
                        "getOrganization", "One organization (members and admins)", parameters: [organizationID],
                        [
                            "200": OpenAPI.json("The organization", OpenAPI.ref("Organization")), "400": invalid,
                            "404": notFound,
                        ])
                ],
                "/api/organizations/{organizationId}/embedding": [
                    "get": operation(
                        "getEmbedding", "The sites allowed to frame the organization's embeds (members and admins)",
                        parameters: [organizationID],
                        [
                            "200": OpenAPI.json("The allowed origins", OpenAPI.ref("Embedding")), "400": invalid,
                            "404": notFound,
                        ]),
                    "put": operation(
                        "setEmbedding",
                        "Replace the sites allowed to frame the organization's embeds (owners and admins)",
                        description:
                            "Each an origin (https://host[:port]; http only for localhost), 20 at most; an empty list allows none. Embeds answer with Content-Security-Policy: frame-ancestors naming them.",
                        parameters: [organizationID], body: OpenAPI.ref("EmbeddingRequest"),
                        [
                            "200": OpenAPI.json("The allowed origins", OpenAPI.ref("Embedding")), "400": invalid,
                            "404": notFound,
                        ]),
                ],
                "/api/organizations/{organizationId}/logo": [
                    "get": OpenAPI.operation(
                        "getOrganizationLogo", tag: "Organizations", summary: "The organization's logo (anyone)",
                        description:
                            "A redirect to a link to the image that works for an hour: this server's /files/… for a folder store, the bucket's presigned URL for S3.",
                        parameters: [organizationID],
                        responses: [
                            "302": ["description": "Found: Location is the image's link"], "400": invalid,
                            "404": OpenAPI.error("No such organization, or it has no logo"),
                        ]),
                    "put": withImageBody(
                        operation(
                            "setOrganizationLogo", "Upload the organization's logo (owners and admins)",
                            description:
                                "The body is the image itself: PNG, JPEG or WebP, recognised by its first bytes, at most 1 MiB. Replaces the previous logo.",
                            parameters: [organizationID], body: nil,
                            [
                                "200": OpenAPI.json("The organization, with its logoUrl", OpenAPI.ref("Organization")),
                                "400": OpenAPI.error("Not a PNG, JPEG or WebP image, or Content-Type says otherwise"),
                                "404": notFound, "413": OpenAPI.error("Larger than 1 MiB"),
                                "503": OpenAPI.error("The installation keeps no files (STORAGE_DIR or S3_* unset)"),
                            ])),
                    "delete": operation(
                        "removeOrganizationLogo", "Remove the organization's logo (owners and admins)",
                        parameters: [organizationID],
                        ["204": ["description": "Removed"], "400": invalid, "404": notFound]),
                ],
                "/api/organizations/{organizationId}/partner-keys": [
                    "post": operation(
                        "createPartnerKey", "Make a key for a partner app (owners and admins)",
                        description:
                            "The key is in the answer this once; the partner app sends it as `Authorization: Bearer pk_…` to /api/partner/….",
                        parameters: [organizationID], body: OpenAPI.ref("CreatePartnerKeyRequest"),
                        [
                            "201": OpenAPI.json("The key, shown once", OpenAPI.ref("PartnerKeyCreated")),
                            "400": invalid, "404": notFound,
                        ]),
                    "get": operation(
                        "listPartnerKeys", "The organization's partner keys, without the keys (owners and admins)",
                        parameters: [organizationID],
                        [
                            "200": OpenAPI.json(
                                "Partner keys",
                                OpenAPI.object([
                                    "partnerKeys": ["type": "array", "items": OpenAPI.ref("PartnerKey")]
                                ])),
                            "400": invalid, "404": notFound,
                        ]),
                ],
                "/api/organizations/{organizationId}/partner-keys/{keyId}": [
                    "delete": operation(
                        "revokePartnerKey", "Revoke a partner key: it stops working at once (owners and admins)",
                        parameters: [
                            organizationID,
                            ["name": "keyId", "in": "path", "required": true, "schema": OpenAPI.uuid],
                        ],
                        ["204": ["description": "Revoked"], "400": invalid, "404": notFound])
                ],
                "/api/organizations/{organizationId}/members": [
                    "get": operation(
                        "listMembers", "Members with roles and staff events (owners, organizers, admins)",
                        parameters: [organizationID],
                        [
                            "200": OpenAPI.json(
                                "Members",
                                OpenAPI.object(["members": ["type": "array", "items": OpenAPI.ref("Member")]])),
                            "400": invalid, "404": notFound,
                        ]),
                    "post": operation(
                        "addMember", "Add an existing account as a member (owners, admins)",
                        parameters: [organizationID],
                        body: OpenAPI.ref("AddMemberRequest"),
                        [
                            "201": member, "400": invalid, "404": notFound,
                            "409": OpenAPI.error("Already a member (ALREADY_MEMBER)"),
                        ]),
                ],
                "/api/organizations/{organizationId}/members/{userId}": [
                    "put": operation(
                        "changeMemberRole", "Change a member's role (owners, admins)",
                        description:
                            "The last owner cannot be demoted (LAST_OWNER). Leaving the staff role clears event assignments.",
                        parameters: [organizationID, userID], body: OpenAPI.ref("ChangeRoleRequest"),
                        [
                            "200": member, "400": invalid, "404": notFound,
                            "409": OpenAPI.error("Would leave no owner (LAST_OWNER)"),
                        ]),
                    "delete": operation(
                        "removeMember", "Remove a member (owners, admins)",
                        description: "The last owner cannot be removed (LAST_OWNER).",
                        parameters: [organizationID, userID],
                        [
                            "204": ["description": "Removed"], "400": invalid, "404": notFound,
                            "409": OpenAPI.error("Would leave no owner (LAST_OWNER)"),
                        ]),
                ],
                "/api/organizations/{organizationId}/members/{userId}/events": [
                    "put": operation(
                        "assignStaffEvents", "Set the events a staff member works at (organizers, owners, admins)",
                        parameters: [organizationID, userID], body: OpenAPI.ref("AssignEventsRequest"),
                        [
                            "200": member, "400": invalid, "404": notFound,
                            "409": OpenAPI.error("The member is not staff (NOT_STAFF)"),
                        ])
                ],
            ],
            schemas: [
                "Embedding": OpenAPI.object(["allowedOrigins": ["type": "array", "items": OpenAPI.string]]),
                "EmbeddingRequest": OpenAPI.object([
                    "allowedOrigins": ["type": "array", "items": OpenAPI.origin, "maxItems": 20]
                ]),
                "Organization": OpenAPI.object(
                    [
                        "id": OpenAPI.uuid, "name": OpenAPI.string, "slug": OpenAPI.string,
                        "role": OpenAPI.enumeration(["owner", "organizer", "staff", "viewer"]),
                        "createdAt": OpenAPI.dateTime,
                        "logoUrl": [
                            "type": "string", "description": "GET it for the logo (a redirect to a short-lived link)",
                        ],
                    ],
                    optional: ["role", "logoUrl"]),
                "CreatePartnerKeyRequest": OpenAPI.object(
                    ["name": OpenAPI.singleLine(minLength: 1, maxLength: 100)]),
                "PartnerKey": OpenAPI.object(
                    [
                        "id": OpenAPI.uuid, "name": OpenAPI.string, "keyPrefix": OpenAPI.string,
                        "createdAt": OpenAPI.dateTime, "revokedAt": ["type": "string", "format": "date-time"],
                    ],
                    optional: ["revokedAt"]),
                "PartnerKeyCreated": OpenAPI.object(["key": OpenAPI.string, "partnerKey": OpenAPI.ref("PartnerKey")]),
                "Member": OpenAPI.object([
                    "userId": OpenAPI.uuid, "email": OpenAPI.string, "displayName": OpenAPI.string,
                    "role": OpenAPI.enumeration(["owner", "organizer", "staff", "viewer"]),
                    "assignedEventIds": ["type": "array", "items": OpenAPI.uuid], "joinedAt": OpenAPI.dateTime,
                ]),
                "CreateOrganizationRequest": OpenAPI.object(
                    [
                        "name": OpenAPI.singleLine(minLength: 2, maxLength: 100),
                        "slug": ["type": "string", "pattern": "^[a-z0-9][a-z0-9-]{1,58}[a-z0-9]$"],
                    ],
                    optional: ["slug"]),
                "AddMemberRequest": OpenAPI.object([
                    "email": OpenAPI.email, "role": OpenAPI.enumeration(["owner", "organizer", "staff", "viewer"]),
                ]),
                "ChangeRoleRequest": OpenAPI.object([
                    "role": OpenAPI.enumeration(["owner", "organizer", "staff", "viewer"])
                ]),
                "AssignEventsRequest": OpenAPI.object(["eventIds": ["type": "array", "items": OpenAPI.uuid]]),
            ],
            tags: [["name": "Organizations", "description": "Organizations, members, roles and staff assignments."]]
        )
    }()
}
