public import HTTPCore

extension HealthRoutes {
    public static let documentation: APIDocumentation = {
        let probe = OpenAPI.object([
            "status": OpenAPI.enumeration(["alive", "ready", "not_ready"]),
            "checks": ["type": "object", "additionalProperties": OpenAPI.string],
        ])
        let status = OpenAPI.enumeration(["healthy", "degraded", "unhealthy"])
        return APIDocumentation(
            paths: [
                "/health": [
                    "get": OpenAPI.operation(
                        "getHealth", tag: "Health", summary: "Health report",
                        description:
                            "Database connectivity and the state of optional subsystems. 503 when the database is unreachable.",
                        responses: [
                            "200": OpenAPI.json("Healthy or degraded", OpenAPI.ref("HealthReport")),
                            "503": OpenAPI.json("Unhealthy: the database does not answer", OpenAPI.ref("HealthReport")),
                        ]
                    )
                ],
                "/health/live": [
                    "get": OpenAPI.operation(
                        "getLiveness", tag: "Health", summary: "Liveness probe",
                        responses: ["200": OpenAPI.json("The process is serving", OpenAPI.ref("ProbeReport"))]
                    )
                ],
                "/health/ready": [
                    "get": OpenAPI.operation(
                        "getReadiness", tag: "Health", summary: "Readiness probe",
                        description: "Ready when the database answers and all migrations are applied.",
                        responses: [
                            "200": OpenAPI.json("Ready to take traffic", OpenAPI.ref("ProbeReport")),
                            "503": OpenAPI.json("Not ready", OpenAPI.ref("ProbeReport")),
                        ]
                    )
                ],
            ],
            schemas: [
                "HealthReport": OpenAPI.object([
                    "status": status,
                    "version": OpenAPI.string,
                    "database": OpenAPI.object([
                        "status": status,
                        "connected": OpenAPI.boolean,
                        "kind": OpenAPI.enumeration(["sqlite", "postgres"]),
                    ]),
                    "email": OpenAPI.enumeration(["file", "smtp"]),
                    "storage": OpenAPI.enumeration(["configured", "not_configured", "unavailable"]),
                    "connections": OpenAPI.object([
                        "open": OpenAPI.integer, "max": OpenAPI.integer, "maxPerPeer": OpenAPI.integer,
                        "clientsGone": OpenAPI.integer,
                    ]),
                ]),
                "ProbeReport": probe,
            ],
            tags: [["name": "Health", "description": "Liveness, readiness and the health report."]]
        )
    }()
}
