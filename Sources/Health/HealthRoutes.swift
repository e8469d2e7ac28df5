public import HTTPCore
public import Hummingbird

/// `/health` for people and dashboards; `/health/live` and `/health/ready` for orchestrators.
public struct HealthRoutes: Sendable {
    let service: HealthService

    public init(service: HealthService) {
        self.service = service
    }

    public func register(on router: some RouterMethods<AppRequestContext>) {
        router.get("/health") { _, _ in
            let report = await service.report()
            return EditedResponse(status: report.status == .unhealthy ? .serviceUnavailable : .ok, response: report)
        }
        router.get("/health/live") { _, _ in
            // Answering at all is the proof of life; it deliberately checks nothing else.
            ProbeReport(status: "alive", checks: [:])
        }
        router.get("/health/ready") { _, _ in
            let (ready, checks) = await service.readiness()
            return EditedResponse(
                status: ready ? .ok : .serviceUnavailable,
                response: ProbeReport(status: ready ? "ready" : "not_ready", checks: checks)
            )
        }
    }
}

extension HealthReport: ResponseEncodable {}
extension ProbeReport: ResponseEncodable {}
