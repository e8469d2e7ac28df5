public import FluentKit

/// Every schema change, in the order it is applied.
///
/// Rules: one change per file under `Migrations/`, named verb-first with its sequence number
/// (`M0001_CreateUsers`); appended here, never reordered; never edited once landed (write a new one);
/// each works on SQLite and PostgreSQL, or says in its comment why it branches.
public enum SchemaMigrations {
    public static let all: [any Migration] = [
        M0001_CreateUsers(),
        M0002_CreateRefreshTokens(),
        M0003_CreateOrganizations(),
        M0004_CreateMemberships(),
        M0005_CreateStaffAssignments(),
        M0006_CreateAuditLogs(),
        M0007_CreateRateLimitWindows(),
        M0008_CreateVenues(),
        M0009_CreateEvents(),
        M0010_CreateEventOrganizers(),
        M0011_CreateSessions(),
        M0012_CreateTicketTypes(),
        M0013_CreateTicketTypeSessions(),
        M0014_CreateHolds(),
        M0015_CreateOrders(),
        M0016_CreateOrderItems(),
        M0017_CreateTickets(),
        M0018_CreateOrderTransitions(),
        M0019_CreateOutbox(),
        M0020_CreateIdempotencyKeys(),
        M0021_AddEventRefundCutoff(),
        M0022_AddTicketSecrets(),
        M0023_AddEventDoorSettings(),
        M0024_CreateTicketRevocations(),
        M0025_CreateKioskTokens(),
        M0026_CreateCheckins(),
        M0027_CreateCheckinConflicts(),
        M0028_CreateInstallationSecrets(),
        M0029_AddOutboxDeliveryState(),
        M0030_AddOrganizationEmbedOrigins(),
        M0031_AddRefreshTokenSuccessor(),
        M0032_CreatePaymentEvents(),
        M0033_AddOrganizationLogo(),
        M0034_CreatePartnerKeys(),
        M0035_AddPlaceLimits(),
        M0036_AddRefreshTokenKind(),
        M0037_CreateGuestConfirmations(),
        M0038_CreatePaymentsAndRefunds(),
        M0039_CreatePasswordResets(),
        M0040_CreateSessionReminders(),
        M0041_AddEmailSettings(),
        M0042_CreateNewsletterAndBroadcasts(),
        M0043_AddPlacesByPeopleAndMailConsent(),
        M0044_AddTransitionSystemActor(),
        M0045_AddOutboxIndexedIDs(),
    ]
}
