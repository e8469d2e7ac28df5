public import HTTPCore

extension AccountsRoutes {
    public static let documentation: APIDocumentation = {
        let tokens = OpenAPI.json("Signed in", OpenAPI.ref("TokenResponse"))
        let limited = OpenAPI.error("Too many attempts (RATE_LIMITED, with Retry-After)")
        let invalid = OpenAPI.error("Invalid body; details.fields names each problem (VALIDATION_FAILED)")
        let unauthorized = OpenAPI.error("Missing, invalid or expired access token (UNAUTHORIZED)")
        func operation(
            _ id: String, _ summary: String, description: String? = nil, body: JSONValue? = nil,
            secured: Bool = false, _ responses: [String: JSONValue]
        ) -> JSONValue {
            OpenAPI.operation(
                id, tag: "Accounts", summary: summary, description: description,
                requestBody: body.map { OpenAPI.body($0) }, signedIn: secured, responses: responses)
        }
        return APIDocumentation(
            paths: [
                "/api/auth/register": [
                    "post": operation(
                        "register", "Create an account (always a member); its address is verified by mail",
                        description:
                            "Answers 202 whether or not the address already has an account, so nobody learns who is registered; the address's owner is told by mail what happened (a link to verify a new account's address, or word that somebody tried to register it again, with a reset link). The account signs in with /api/auth/login once its address is verified (until then it is refused like a wrong password). `username` is accepted as an alias of `email`. A `role` is refused as an unknown field: no body grants itself a role.",
                        body: OpenAPI.ref("RegisterRequest"),
                        ["202": OpenAPI.json("Accepted", OpenAPI.ref("Accepted")), "400": invalid, "429": limited])
                ],
                "/api/auth/login": [
                    "post": operation(
                        "login", "Sign in with email (or username) and password", body: OpenAPI.ref("LoginRequest"),
                        [
                            "200": tokens, "400": invalid,
                            "401": OpenAPI.error("Wrong email or password (INVALID_CREDENTIALS)"), "429": limited,
                        ])
                ],
                "/api/auth/refresh": [
                    "post": operation(
                        "refreshTokens", "Exchange a refresh token for a new pair",
                        description:
                            "The presented token is rotated out. Presenting an already-rotated token revokes the whole sign-in (REFRESH_TOKEN_REUSED).",
                        body: OpenAPI.ref("RefreshRequest"),
                        [
                            "200": tokens, "400": invalid,
                            "401": OpenAPI.error("Invalid, expired or reused refresh token"), "429": limited,
                        ])
                ],
                "/api/auth/logout": [
                    "post": operation(
                        "logout", "Revoke every refresh token of the signed-in user", secured: true,
                        ["204": ["description": "Signed out everywhere"], "401": unauthorized])
                ],
                "/api/auth/change-password": [
                    "post": operation(
                        "changePassword", "Change the password; every other sign-in is revoked",
                        body: OpenAPI.ref("ChangePasswordRequest"), secured: true,
                        [
                            "204": ["description": "Changed"], "400": invalid,
                            "401": OpenAPI.error("Not signed in, or current password wrong"),
                            "429": limited,
                        ])
                ],
                "/api/auth/forgot-password": [
                    "post": operation(
                        "forgotPassword", "Mail a link to reset the password",
                        description:
                            "Answers 202 whether or not the address has an account; when it has, a link valid for an hour and once is mailed to it.",
                        body: OpenAPI.ref("ForgotPasswordRequest"),
                        [
                            "202": OpenAPI.json("Accepted", OpenAPI.ref("Accepted")), "400": invalid, "429": limited,
                        ])
                ],
                "/api/auth/verify-email": [
                    "post": operation(
                        "verifyEmail",
                        "Verify the account's address with the token of the link mailed at sign-up and the password chosen at registration",
                        body: OpenAPI.ref("VerifyEmailRequest"),
                        [
                            "204": ["description": "Verified"], "400": invalid,
                            "422": OpenAPI.error(
                                "A token unknown, expired or used (INVALID_VERIFICATION_TOKEN), or not the account's password (VERIFICATION_PASSWORD_WRONG)"
                            ),
                            "429": limited,
                        ])
                ],
                "/api/auth/resend-verification": [
                    "post": operation(
                        "resendVerification", "Mail a new link to verify an account's address",
                        description:
                            "Answers 202 for any address; a link is sent only to an account waiting for verification.",
                        body: OpenAPI.ref("ForgotPasswordRequest"),
                        ["202": OpenAPI.json("Accepted", OpenAPI.ref("Accepted")), "400": invalid, "429": limited])
                ],
                "/api/auth/reset-password": [
                    "post": operation(
                        "resetPassword", "Set a new password with a mailed link's token; every sign-in is revoked",
                        body: OpenAPI.ref("ResetPasswordRequest"),
                        [
                            "204": ["description": "Changed"],
                            "400": invalid,
                            "422": OpenAPI.error("A token unknown, expired or used (INVALID_RESET_TOKEN)"),
                            "429": limited,
                        ])
                ],
                "/api/auth/me": [
                    "get": operation(
                        "getCurrentUser", "The signed-in user", secured: true,
                        ["200": OpenAPI.json("The user", OpenAPI.ref("User")), "401": unauthorized])
                ],
                "/api/user": [
                    "get": operation(
                        "getUser", "The signed-in user (alias of /api/auth/me)", secured: true,
                        ["200": OpenAPI.json("The user", OpenAPI.ref("User")), "401": unauthorized])
                ],
            ],
            schemas: [
                "User": OpenAPI.object([
                    "id": OpenAPI.uuid, "email": OpenAPI.string, "username": OpenAPI.string,
                    "displayName": OpenAPI.string,
                    "role": OpenAPI.enumeration(["admin", "member"]), "emailVerified": OpenAPI.boolean,
                    "createdAt": OpenAPI.dateTime,
                ]),
                "TokenResponse": OpenAPI.object([
                    "access_token": OpenAPI.string, "refresh_token": OpenAPI.string, "token_type": ["const": "Bearer"],
                    "expires_in": OpenAPI.integer, "user": OpenAPI.ref("User"),
                ]),
                "RegisterRequest": .object(
                    (OpenAPI.object(
                        [
                            "email": OpenAPI.email,
                            "username": OpenAPI.email.merging(
                                ["description": "Seed 003's name for email, accepted on purpose"]),
                            "password": ["type": "string", "minLength": 8, "maxLength": 128],
                            "displayName": OpenAPI.singleLine(minLength: 1, maxLength: 100),
                        ], optional: ["email", "username", "displayName"]
                    ).objectValue ?? [:]).merging(
                        // One of the two names of the address is required.
                        ["anyOf": [["required": ["email"]], ["required": ["username"]]]]
                    ) { _, new in new }),
                "LoginRequest": OpenAPI.object(
                    [
                        "email": ["type": "string", "minLength": 1], "username": ["type": "string", "minLength": 1],
                        "password": ["type": "string", "minLength": 1],
                    ],
                    optional: ["email", "username"]
                ).merging(["anyOf": [["required": ["email"]], ["required": ["username"]]]]),
                "RefreshRequest": OpenAPI.object(
                    [
                        "refresh_token": ["type": "string", "minLength": 1],
                        "refreshToken": ["type": "string", "minLength": 1],
                    ],
                    optional: ["refresh_token", "refreshToken"]
                ).merging(["anyOf": [["required": ["refresh_token"]], ["required": ["refreshToken"]]]]),
                "ChangePasswordRequest": OpenAPI.object([
                    "currentPassword": ["type": "string", "minLength": 1],
                    "newPassword": ["type": "string", "minLength": 8, "maxLength": 128],
                ]),
                "ForgotPasswordRequest": OpenAPI.object(["email": OpenAPI.email]),
                "ResetPasswordRequest": OpenAPI.object([
                    "token": ["type": "string", "minLength": 1, "maxLength": 200],
                    "newPassword": ["type": "string", "minLength": 8, "maxLength": 128],
                ]),
                "Accepted": OpenAPI.object(["message": OpenAPI.string]),
                "VerifyEmailRequest": OpenAPI.object([
                    "token": ["type": "string", "minLength": 1],
                    "password": [
                        "type": "string", "minLength": 1, "maxLength": 128,
                        "description": "The password chosen at registration: the mailbox alone does not vouch for it",
                    ],
                ]),
            ],
            tags: [["name": "Accounts", "description": "Sign-up, sign-in, tokens and passwords."]]
        )
    }()
}
