import BoxOfficeApp
import HTTPCore
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

@Suite struct APIDocumentTests {
    let document = BoxOffice.documentation

    @Test func theServedDocumentIsOpenAPI31() async throws {
        try await withApp { app in
            let response = try await app.client.send(.get, "/openapi.json")
            #expect(response.status == .ok)
            let served = try response.json()
            #expect(served == document)
            #expect(served["openapi"] == "3.1.0")
            #expect(served["info"]?["version"] == .string(BoxOffice.version))
        }
    }

    /// Every route the server answers is documented, and every documented operation is served.
    @Test func documentAndRoutesAgree() async throws {
        let config = AppConfig(jwtSecret: String(repeating: "k", count: 32))
        let boxOffice = try await BoxOffice(config: config)
        let served = Set(
            boxOffice.router().routes.map { "\($0.method.rawValue) \(Self.openAPIPath($0.path.description))" })
        await boxOffice.store.shutdown()

        var documented = Set<String>()
        for (path, item) in document["paths"]?.objectValue ?? [:] {
            for method in item.objectValue?.keys ?? [:].keys {
                documented.insert("\(method.uppercased()) \(path)")
            }
        }
        #expect(
            served.subtracting(documented).isEmpty,
            "served but not documented: \(served.subtracting(documented).sorted())")
        #expect(
            documented.subtracting(served).isEmpty,
            "documented but not served: \(documented.subtracting(served).sorted())")
    }

    @Test func operationsHaveUniqueIDsAndTags() {
        var ids: [String] = []
        for (_, item) in document["paths"]?.objectValue ?? [:] {
            for (_, operation) in item.objectValue ?? [:] {
                ids.append(operation["operationId"]?.stringValue ?? "")
                #expect(operation["tags"]?.arrayValue?.isEmpty == false)
                #expect(operation["responses"]?.objectValue?.isEmpty == false)
            }
        }
        #expect(!ids.contains(""))
        #expect(Set(ids).count == ids.count)
    }

    @Test(arguments: TestDatabase.all)
    func realResponsesMatchTheirSchemas(_ database: TestDatabase) async throws {
        let validator = OpenAPIValidator(document: document)
        try await withApp(database) { app in
            for path in ["/health", "/health/live", "/health/ready", "/openapi.json"] {
                let response = try await app.client.send(.get, path)
                let problems = validator.validateResponse(
                    try response.json(), method: "GET", path: path, status: Int(response.status.code))
                #expect(problems.isEmpty, "\(path): \(problems)")
            }
        }
    }

    @Test func theValidatorCanFail() {
        // Guards the guard: a response that breaks the schema must be reported.
        let validator = OpenAPIValidator(document: document)
        let broken: JSONValue = ["status": "fine", "version": 1, "database": ["connected": "yes"]]
        let problems = validator.validateResponse(broken, method: "GET", path: "/health", status: 200)
        #expect(problems.count >= 4, "\(problems)")
    }

    @Test func theReferencePageWorksOffline() async throws {
        try await withApp { app in
            let page = try await app.client.send(.get, "/docs")
            #expect(page.status == .ok)
            #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(page.text.contains("/docs/docs.js"))
            for asset in ["/docs", "/docs/docs.js", "/docs/docs.css"] {
                let body = try await app.client.send(.get, asset).text
                #expect(
                    !body.contains("http://") && !body.contains("https://"), "\(asset) must not load anything remote")
            }
            let script = try await app.client.send(.get, "/docs/docs.js")
            #expect(script.text.contains("fetch(\"/openapi.json\")"))
            #expect(script.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
        }
    }

    /// Hummingbird writes parameters as `:id` or `{id}`; OpenAPI always as `{id}`.
    static func openAPIPath(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.hasPrefix(":") ? "{\(segment.dropFirst())}" : String(segment)
        }.joined(separator: "/")
    }
}
