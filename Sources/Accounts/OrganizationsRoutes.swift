public import Domain
import Foundation
public import HTTPCore
public import Hummingbird
import WireTypes

/// `/api/organizations/*`: organizations, members, roles and staff assignments.
public struct OrganizationsRoutes: Sendable {
    let service: OrganizationService
    let logos: OrganizationLogos
    let partnerKeys: PartnerKeyService
    let clientAddress: ClientAddress
    let clock: AppClock

    public init(
        service: OrganizationService, logos: OrganizationLogos, partnerKeys: PartnerKeyService,
        clientAddress: ClientAddress, clock: AppClock
    ) {
        self.service = service
        self.logos = logos
        self.partnerKeys = partnerKeys
        self.clientAddress = clientAddress
        self.clock = clock
    }

    public func register(on router: some RouterMethods<AppRequestContext>) {
        let users = router.group(context: UserRequestContext.self)
        users.post("/api/organizations") { request, context in
            let body = try await request.decode(as: Components.Schemas.CreateOrganizationRequest.self, context: context)
            let organization = try await service.create(
                name: body.name, slug: body.slug, by: context.identity, now: clock.now(),
                request: clientAddress.metadata(request, context))
            return EditedResponse(status: .created, response: organization)
        }
        users.get("/api/organizations") { _, context in
            Components.Schemas.OrganizationList(organizations: try await service.listMine(context.user))
        }
        users.get("/api/organizations/:organizationId") { _, context in
            return try await service.get(try context.pathUUID("organizationId"), by: context.identity)
        }
        users.get("/api/organizations/:organizationId/embedding") { _, context in
            try await service.embedding(of: try context.pathUUID("organizationId"), by: context.identity)
        }
        users.put("/api/organizations/:organizationId/embedding") { request, context in
            let body = try await request.decode(as: Components.Schemas.EmbeddingRequest.self, context: context)
            return try await service.setEmbedding(
                of: try context.pathUUID("organizationId"), allowedOrigins: body.allowedOrigins, by: context.identity,
                now: clock.now(),
                request: clientAddress.metadata(request, context))
        }
        // The logo: the body is the image itself (PNG, JPEG or WebP), not JSON.
        users.put("/api/organizations/:organizationId/logo") { request, context in
            let bytes = try await request.body.collect(upTo: OrganizationLogos.maxBytes)
            return try await logos.upload(
                to: try context.pathUUID("organizationId"), bytes: Array(buffer: bytes),
                contentType: request.headers[.contentType], by: context.identity, now: clock.now(),
                request: clientAddress.metadata(request, context))
        }
        users.delete("/api/organizations/:organizationId/logo") { request, context in
            try await logos.remove(
                from: try context.pathUUID("organizationId"), by: context.identity, now: clock.now(),
                request: clientAddress.metadata(request, context))
            return Response(status: .noContent)
        }
        // Public: a redirect to a short-lived link to the bytes (the folder store's own, or the bucket's).
        router.get("/api/organizations/:organizationId/logo") { _, context in
            let link = try await logos.link(of: try context.pathUUID("organizationId"), now: clock.now())
            return Response(
                status: .found, headers: [.location: link, .cacheControl: "public, max-age=600"])
        }
        users.post("/api/organizations/:organizationId/partner-keys") { request, context in
            let body = try await request.decode(as: Components.Schemas.CreatePartnerKeyRequest.self, context: context)
            let created = try await partnerKeys.create(
                in: try context.pathUUID("organizationId"), name: body.name, by: context.identity, now: clock.now(),
                request: clientAddress.metadata(request, context))
            return EditedResponse(status: .created, response: created)
        }
        users.get("/api/organizations/:organizationId/partner-keys") { _, context in
            Components.Schemas.PartnerKeyList(
                partnerKeys: try await partnerKeys.list(
                    in: try context.pathUUID("organizationId"), by: context.identity))
        }
        users.delete("/api/organizations/:organizationId/partner-keys/:keyId") { request, context in
            try await partnerKeys.revoke(
                try context.pathUUID("keyId"), in: try context.pathUUID("organizationId"), by: context.identity,
                now: clock.now(), request: clientAddress.metadata(request, context))
            return Response(status: .noContent)
        }
        users.get("/api/organizations/:organizationId/members") { _, context in
            let id = try context.pathUUID("organizationId")
            return Components.Schemas.MemberList(members: try await service.members(of: id, by: context.identity))
        }
        users.post("/api/organizations/:organizationId/members") { request, context in
            let id = try context.pathUUID("organizationId")
            let body = try await request.decode(as: Components.Schemas.AddMemberRequest.self, context: context)
            let member = try await service.addMember(
                to: id, email: body.email, role: try OrganizationRole(named: body.role.rawValue),
                by: context.identity, now: clock.now(),
                request: clientAddress.metadata(request, context))
            return EditedResponse(status: .created, response: member)
        }
        users.put("/api/organizations/:organizationId/members/:userId") { request, context in
            let id = try context.pathUUID("organizationId")
            let userID = try context.pathUUID("userId")
            let body = try await request.decode(as: Components.Schemas.ChangeRoleRequest.self, context: context)
            return try await service.changeRole(
                in: id, of: userID, to: try OrganizationRole(named: body.role.rawValue), by: context.identity,
                now: clock.now(),
                request: clientAddress.metadata(request, context))
        }
        users.delete("/api/organizations/:organizationId/members/:userId") { request, context in
            let id = try context.pathUUID("organizationId")
            let userID = try context.pathUUID("userId")
            try await service.removeMember(
                from: id, userID: userID, by: context.identity, now: clock.now(),
                request: clientAddress.metadata(request, context))
            return HTTPResponse.Status.noContent
        }
        users.put("/api/organizations/:organizationId/members/:userId/events") { request, context in
            let id = try context.pathUUID("organizationId")
            let userID = try context.pathUUID("userId")
            let body = try await request.decode(as: Components.Schemas.AssignEventsRequest.self, context: context)
            return try await service.assignEvents(
                in: id, userID: userID, eventIDs: try WireValue.uuids(body.eventIds, field: "eventIds"),
                by: context.identity, now: clock.now(),
                request: clientAddress.metadata(request, context))
        }
    }
}
