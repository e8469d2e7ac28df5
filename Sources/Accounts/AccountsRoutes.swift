public import Domain
import Foundation
public import HTTPCore
public import Hummingbird
import WireTypes

/// `/api/auth/*` and its alias `/api/user` (the signed-in user).
public struct AccountsRoutes: Sendable {
    let auth: AuthService
    let clientAddress: ClientAddress
    let clock: AppClock

    public init(auth: AuthService, clientAddress: ClientAddress, clock: AppClock) {
        self.auth = auth
        self.clientAddress = clientAddress
        self.clock = clock
    }

    public func register(on router: some RouterMethods<AppRequestContext>) {
        let users = router.group(context: UserRequestContext.self)
        router.post("/api/auth/register") { request, context in
            let body = try await request.decode(as: Components.Schemas.RegisterRequest.self, context: context)
            // `username` (some clients' name for the email) is the same address: sent beside `email`, it must be one too.
            if body.email != nil, let username = body.username, EmailAddress(username) == nil {
                throw HTTPFailure.validationFailed(FieldProblems("username", "is not a valid email address"))
            }
            try await auth.register(
                email: body.email ?? body.username ?? "", password: body.password, displayName: body.displayName,
                now: clock.now(), request: clientAddress.metadata(request, context))
            return EditedResponse(
                status: .accepted,
                response: Components.Schemas.Accepted(
                    message: "Check your inbox: we have sent a message to this address saying what to do next."))
        }
        router.post("/api/auth/login") { request, context in
            let body = try await request.decode(as: Components.Schemas.LoginRequest.self, context: context)
            return try await auth.login(
                identifier: body.email ?? body.username, password: body.password,
                now: clock.now(), request: clientAddress.metadata(request, context))
        }
        router.post("/api/auth/refresh") { request, context in
            let body = try await request.decode(as: Components.Schemas.RefreshRequest.self, context: context)
            return try await auth.refresh(
                token: body.refresh_token ?? body.refreshToken, now: clock.now(),
                request: clientAddress.metadata(request, context))
        }
        users.post("/api/auth/logout") { request, context in
            try await auth.logout(
                user: context.user, now: clock.now(), request: clientAddress.metadata(request, context))
            return HTTPResponse.Status.noContent
        }
        router.post("/api/auth/forgot-password") { request, context in
            let body = try await request.decode(as: Components.Schemas.ForgotPasswordRequest.self, context: context)
            try await auth.forgotPassword(
                email: body.email, now: clock.now(), request: clientAddress.metadata(request, context))
            return EditedResponse(
                status: .accepted,
                response: Components.Schemas.Accepted(
                    message: "If an account uses this address, a link to reset its password is on its way."))
        }
        router.post("/api/auth/verify-email") { request, context in
            let body = try await request.decode(as: Components.Schemas.VerifyEmailRequest.self, context: context)
            try await auth.verifyEmail(
                token: body.token, password: body.password, now: clock.now(),
                request: clientAddress.metadata(request, context))
            return HTTPResponse.Status.noContent
        }
        router.post("/api/auth/resend-verification") { request, context in
            let body = try await request.decode(as: Components.Schemas.ForgotPasswordRequest.self, context: context)
            try await auth.resendVerification(
                email: body.email, now: clock.now(), request: clientAddress.metadata(request, context))
            return EditedResponse(
                status: .accepted,
                response: Components.Schemas.Accepted(
                    message: "If this address has an account waiting for verification, a new link is on its way."))
        }
        router.post("/api/auth/reset-password") { request, context in
            let body = try await request.decode(as: Components.Schemas.ResetPasswordRequest.self, context: context)
            try await auth.resetPassword(
                token: body.token, newPassword: body.newPassword, now: clock.now(),
                request: clientAddress.metadata(request, context))
            return HTTPResponse.Status.noContent
        }
        users.post("/api/auth/change-password") { request, context in
            let user = context.user
            let body = try await request.decode(as: Components.Schemas.ChangePasswordRequest.self, context: context)
            try await auth.changePassword(
                user: user, current: body.currentPassword, new: body.newPassword,
                now: clock.now(), request: clientAddress.metadata(request, context))
            return HTTPResponse.Status.noContent
        }
        users.get("/api/auth/me") { _, context in try await auth.currentUser(context.user) }
        users.get("/api/user") { _, context in try await auth.currentUser(context.user) }
    }
}
