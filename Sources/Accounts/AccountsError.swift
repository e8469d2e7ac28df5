import Foundation
public import HTTPCore
public import HTTPTypes

/// Refusals of the accounts feature, each with a stable code.
public enum AccountsError: APIError, Equatable {
    /// Wrong email or password; deliberately the same whichever of the two was wrong.
    case invalidCredentials
    case invalidRefreshToken
    /// A refresh token that was already exchanged came back: the whole sign-in is revoked.
    case refreshTokenReused
    case currentPasswordWrong
    case slugTaken(String)
    case organizationNotFound
    case userNotFound(email: String)
    case memberNotFound
    case alreadyMember
    /// The change would leave the organization without an owner.
    case lastOwner
    case notStaff
    /// A password reset link that does not exist, expired, or was used.
    case invalidResetToken
    /// An email verification link that does not exist, expired, or was used.
    case invalidVerificationToken
    /// Confirming an address asks for the account's password: whoever registered it, not the mailbox alone.
    case verificationPasswordWrong

    public var code: String {
        switch self {
        case .invalidCredentials: "INVALID_CREDENTIALS"
        case .invalidRefreshToken: "INVALID_REFRESH_TOKEN"
        case .refreshTokenReused: "REFRESH_TOKEN_REUSED"
        case .currentPasswordWrong: "CURRENT_PASSWORD_WRONG"
        case .slugTaken: "SLUG_TAKEN"
        case .organizationNotFound: "ORGANIZATION_NOT_FOUND"
        case .userNotFound: "USER_NOT_FOUND"
        case .memberNotFound: "MEMBER_NOT_FOUND"
        case .alreadyMember: "ALREADY_MEMBER"
        case .lastOwner: "LAST_OWNER"
        case .notStaff: "NOT_STAFF"
        case .invalidResetToken: "INVALID_RESET_TOKEN"
        case .invalidVerificationToken: "INVALID_VERIFICATION_TOKEN"
        case .verificationPasswordWrong: "VERIFICATION_PASSWORD_WRONG"
        }
    }

    public var status: HTTPResponse.Status {
        switch self {
        case .invalidCredentials, .invalidRefreshToken, .refreshTokenReused, .currentPasswordWrong: .unauthorized
        case .slugTaken, .alreadyMember, .lastOwner, .notStaff: .conflict
        case .organizationNotFound, .userNotFound, .memberNotFound: .notFound
        case .invalidResetToken, .invalidVerificationToken, .verificationPasswordWrong: .unprocessableContent
        }
    }

    public var message: String {
        switch self {
        case .invalidCredentials:
            "The email or password is wrong, or the address is not verified yet (follow the link we mailed to it)."
        case .invalidRefreshToken: "The refresh token is invalid or expired; sign in again."
        case .refreshTokenReused:
            "This refresh token was already used. For safety, the whole sign-in was revoked; sign in again."
        case .currentPasswordWrong: "The current password is wrong."
        case .slugTaken(let slug): "The slug '\(slug)' is taken."
        case .organizationNotFound: "No such organization."
        case .userNotFound: "No account has this email; the person must sign up first."
        case .memberNotFound: "This person is not a member of the organization."
        case .alreadyMember: "This person is already a member."
        case .lastOwner: "An organization must keep at least one owner."
        case .notStaff: "Only staff members are assigned to events; organizers and owners see every event."
        case .invalidResetToken: "This reset link is unknown, expired or already used; ask for a new one."
        case .invalidVerificationToken:
            "This verification link is unknown, expired or already used; sign in and ask for a new one."
        case .verificationPasswordWrong:
            "This is not the password chosen at registration. If you did not register, say \"this wasn't me\" instead."
        }
    }

    public var details: [String: JSONValue] {
        switch self {
        case .slugTaken(let slug): ["slug": .string(slug)]
        case .userNotFound(let email): ["email": .string(email)]
        case .invalidResetToken, .invalidVerificationToken:
            ["fields": ["token": "is unknown, expired or already used"]]
        case .verificationPasswordWrong: ["fields": ["password": "is not the account's password"]]
        default: [:]
        }
    }
}
