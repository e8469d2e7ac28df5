public import HTTPCore

extension AccountPages {
    public static let documentation: APIDocumentation = {
        let html: JSONValue = ["description": "An HTML page", "content": ["text/html": ["schema": OpenAPI.string]]]
        let redirect: JSONValue = ["description": "See Other: Location is the next page"]
        let forbidden: JSONValue = [
            "description": "The form's CSRF token does not match its cookie, or it came from another site (HTML)",
            "content": ["text/html": ["schema": OpenAPI.string]],
        ]
        func form(_ fields: [String: JSONValue], required: [String]) -> JSONValue {
            [
                "required": true,
                "content": [
                    "application/x-www-form-urlencoded": [
                        "schema": [
                            "type": "object", "properties": .object(fields),
                            "required": .array(required.map(JSONValue.string)),
                        ]
                    ]
                ],
            ]
        }
        func page(
            _ id: String, _ summary: String, description: String, body: JSONValue? = nil,
            _ responses: [String: JSONValue]
        ) -> JSONValue {
            OpenAPI.operation(
                id, tag: "Web pages", summary: summary, description: description, requestBody: body,
                responses: responses)
        }
        let csrf: JSONValue = ["type": "string", "description": "The page's CSRF token (also in the bx_csrf cookie)"]
        return APIDocumentation(
            paths: [
                "/account/sign-in": [
                    "get": page(
                        "signInPage", "The sign-in form", description: "Sets the bx_csrf cookie its form needs.",
                        ["200": html]),
                    "post": page(
                        "signInWithForm", "Sign in from the form",
                        description:
                            "On success a session cookie (bx_session: HttpOnly, SameSite=Lax, Secure with HSTS_ENABLED) and a redirect to `next` (a path of this site) or /account. The same limits as POST /api/auth/login.",
                        body: form(
                            [
                                "_csrf": csrf, "email": OpenAPI.string, "password": OpenAPI.string,
                                "next": OpenAPI.string,
                            ], required: ["_csrf", "email", "password"]),
                        [
                            "303": redirect, "400": html, "401": html, "403": forbidden,
                            "429": ["description": "Too many attempts (HTML)"],
                        ]),
                ],
                "/account": [
                    "get": page(
                        "accountPage", "The signed-in person's account and orders",
                        description: "Without a session cookie: a redirect to the sign-in page.",
                        ["200": html, "303": redirect])
                ],
                "/account/sign-out": [
                    "post": page(
                        "signOutWithForm", "Sign out: ends this browser's session only",
                        description: "Clears the session cookie.", body: form(["_csrf": csrf], required: ["_csrf"]),
                        ["303": redirect, "403": forbidden])
                ],
            ],
            tags: [["name": "Web pages", "description": "HTML pages for people in a browser (session cookies, CSRF)"]])
    }()
}

extension GuestConfirmationPages {
    public static let documentation: APIDocumentation = {
        let html: JSONValue = ["description": "An HTML page", "content": ["text/html": ["schema": OpenAPI.string]]]
        let gone: JSONValue = [
            "description": "The link is wrong, or the order is no longer waiting (released, cancelled, paid) (HTML)",
            "content": ["text/html": ["schema": OpenAPI.string]],
        ]
        return APIDocumentation(
            paths: [
                "/orders/confirm-email": [
                    "get": OpenAPI.operation(
                        "guestConfirmationPage", tag: "Web pages", summary: "The guest's email confirmation page",
                        description:
                            "The link mailed with a guest's offline order. Shows the order and a button; following the link alone confirms nothing.",
                        parameters: [["name": "token", "in": "query", "required": true, "schema": OpenAPI.string]],
                        responses: ["200": html, "404": gone]),
                    "post": OpenAPI.operation(
                        "confirmGuestEmail", tag: "Web pages", summary: "Confirm a guest's email",
                        description:
                            "The order then keeps its places until its payment deadline (its creation plus PAYMENT_WINDOW) instead of GUEST_CONFIRM_WINDOW.",
                        requestBody: [
                            "required": true,
                            "content": [
                                "application/x-www-form-urlencoded": [
                                    "schema": [
                                        "type": "object",
                                        "properties": ["_csrf": OpenAPI.string, "token": OpenAPI.string],
                                        "required": ["_csrf", "token"],
                                    ]
                                ]
                            ],
                        ],
                        responses: [
                            "200": html, "404": gone,
                            "403": ["description": "The form's CSRF token does not match its cookie (HTML)"],
                        ]),
                ]
            ])
    }()
}

extension PasswordResetPages {
    public static let documentation: APIDocumentation = {
        let html: JSONValue = ["description": "An HTML page", "content": ["text/html": ["schema": OpenAPI.string]]]
        return APIDocumentation(
            paths: [
                "/account/reset-password": [
                    "get": OpenAPI.operation(
                        "passwordResetPage", tag: "Web pages", summary: "The page of a password reset link",
                        description: "Asks for the new password; following the link alone spends nothing.",
                        parameters: [["name": "token", "in": "query", "required": false, "schema": OpenAPI.string]],
                        responses: ["200": html]),
                    "post": OpenAPI.operation(
                        "resetPasswordWithForm", tag: "Web pages", summary: "Set a new password with the link's token",
                        description: "Once, within the hour of the mail; every sign-in of the account is revoked.",
                        requestBody: [
                            "required": true,
                            "content": [
                                "application/x-www-form-urlencoded": [
                                    "schema": [
                                        "type": "object",
                                        "properties": [
                                            "_csrf": OpenAPI.string, "token": OpenAPI.string,
                                            "password": OpenAPI.string,
                                        ],
                                        "required": ["_csrf", "token", "password"],
                                    ]
                                ]
                            ],
                        ],
                        responses: [
                            "200": html,
                            "400": [
                                "description":
                                    "A password the rules refuse, or a link unknown, expired or used (HTML)"
                            ],
                            "403": ["description": "The form's CSRF token does not match its cookie (HTML)"],
                        ]),
                ]
            ])
    }()
}

/// The documentation of a page behind a mailed link: a GET with a button, a POST of the form.
private func linkPageDocumentation(
    _ path: String, get: String, post: String, summary: String, description: String, asksPassword: Bool = false
) -> [String: [String: JSONValue]] {
    var properties: [String: JSONValue] = ["_csrf": OpenAPI.string, "token": OpenAPI.string]
    var required: [JSONValue] = ["_csrf", "token"]
    if asksPassword {
        properties["password"] = ["type": "string", "minLength": 1, "maxLength": 128]
        required.append("password")
    }
    let html: JSONValue = ["description": "An HTML page", "content": ["text/html": ["schema": OpenAPI.string]]]
    return [
        path: [
            "get": OpenAPI.operation(
                get, tag: "Web pages", summary: "The page of the link: \(summary)",
                description: "Shows a button; following the link alone changes nothing.",
                parameters: [["name": "token", "in": "query", "required": false, "schema": OpenAPI.string]],
                responses: ["200": html]),
            "post": OpenAPI.operation(
                post, tag: "Web pages", summary: summary, description: description,
                requestBody: [
                    "required": true,
                    "content": [
                        "application/x-www-form-urlencoded": [
                            "schema": [
                                "type": "object",
                                "properties": .object(properties),
                                "required": .array(required),
                            ]
                        ]
                    ],
                ],
                responses: [
                    "200": html,
                    "400": ["description": "A link unknown, expired or used (HTML)"],
                    "403": ["description": "The form's CSRF token does not match its cookie (HTML)"],
                ].merging(
                    asksPassword
                        ? ["422": ["description": "Not the password chosen at registration (HTML)"]] : [:]
                ) { first, _ in first }),
        ]
    ]
}

extension EmailVerificationPages {
    public static let documentation = APIDocumentation(
        paths: linkPageDocumentation(
            "/account/verify-email", get: "verifyEmailPage", post: "verifyEmailWithForm",
            summary: "Verify the account's address",
            description: "Once, within a week of the mail, with the password chosen at registration.",
            asksPassword: true))
}

extension NotMePages {
    public static let documentation = APIDocumentation(
        paths: linkPageDocumentation(
            "/mail/not-me", get: "notMePage", post: "notMeWithForm",
            summary: "Never mail this address again",
            description:
                "The link at the foot of every message: the address gets no more mail from this installation, and an account registered with it and never verified is removed."
        )
        .merging(
            linkPageDocumentation(
                "/mail/not-me/undo", get: "notMeUndoPage", post: "notMeUndoWithForm",
                summary: "Take back a \"not me\"", description: "Mail may reach the address again.")
        ) { first, _ in first })
}

extension NewsletterPages {
    public static let documentation = APIDocumentation(
        paths: linkPageDocumentation(
            "/newsletter/confirm", get: "newsletterConfirmPage", post: "confirmNewsletterWithForm",
            summary: "Confirm a newsletter subscription", description: "Within a week of the mail."
        )
        .merging(
            linkPageDocumentation(
                "/newsletter/unsubscribe", get: "newsletterUnsubscribePage", post: "unsubscribeWithForm",
                summary: "Leave a newsletter", description: "The link of any of its messages; again is harmless.")
        ) { first, _ in first })
}
