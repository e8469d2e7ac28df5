// swift-tools-version:6.0
import PackageDescription

// Shared by every target: Swift 6 language mode plus the upcoming features that keep code explicit.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

// Test code is not a library API: plain imports keep it short.
let testSwiftSettings: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "BoxOffice",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "boxoffice", targets: ["boxoffice"])
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/async-kit.git", from: "1.22.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.8.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        // Already under Hummingbird: its HTTP parts (`HTTPRequestPart`) are what the connection's own handler sees.
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        // The HTTP client of the stack: the payment processor's API now; partners and S3 later.
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        // TLS for the SMTP client (STARTTLS and implicit TLS); already under AsyncHTTPClient. No SMTP package is among
        // the machine's, so the client itself is ours (Sources/Mail/SMTP*), on SwiftNIO.
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        // Mustache templates for every email (layout per organization, each message in HTML and plain text); logic-less,
        // so the wording lives in the catalog and the templates only place it. Pages will use it too.
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        // The runtime of the wire types that swift-openapi-generator makes from openapi.yaml (Sources/WireTypes;
        // the generator itself runs in scripts/generate-api-document, not in the build).
        .package(url: "https://github.com/apple/swift-openapi-runtime.git", from: "1.13.4"),
    ],
    targets: [
        // The executable only parses the command line and hands over to the composition root.
        .executableTarget(
            name: "boxoffice",
            dependencies: ["BoxOfficeApp"],
            swiftSettings: swiftSettings
        ),
        // Pure business vocabulary: no HTTP, no database.
        .target(name: "Domain", swiftSettings: swiftSettings),
        // The API's wire types, generated from openapi.yaml's schemas by scripts/generate-api-document (committed;
        // scripts/test checks they are what the document makes).
        .target(
            name: "WireTypes",
            dependencies: [
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                // Only for ResponseEncodable: a handler answers with a wire type as it is.
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        // QR code symbols as SVG and PNG, drawn in-process: no network, no system library.
        .target(name: "QRCode", swiftSettings: swiftSettings),
        // Our only bridge to FluentKit's Databases and Migrator, and the ordered migration list.
        .target(
            name: "Persistence",
            dependencies: [
                "Domain",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // What every HTTP feature shares: request context, error rendering, middleware, API document parts.
        .target(
            name: "HTTPCore",
            dependencies: [
                "Domain",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Who is asking: access tokens, the authentication middleware, and the authorizer over AccessPolicy.
        .target(
            name: "Identity",
            dependencies: [
                "Domain", "HTTPCore", "Persistence",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // Tickets' credentials: the installation's ticket key (each ticket's sealed secret, each event's sealed signing
        // key), signed tickets (Ed25519 per event) and the revocation list offline kiosks receive.
        .target(
            name: "Tickets",
            dependencies: [
                "Domain", "Persistence", "Identity",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // Shared counters for rate limits, kept in the database so every instance enforces the same limit.
        .target(
            name: "RateLimiting",
            dependencies: [
                "Domain", "HTTPCore", "Persistence",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Feature: the audit log, written in the transaction of each change, and its read API.
        .target(
            name: "Audit",
            dependencies: [
                "Domain", "HTTPCore", "Persistence", "Identity",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        // Feature: what mail says and looks like (the composer every mail worker uses, organizations' email settings,
        // previews), event reminders' settings, organizers' messages to sessions, the newsletter, mail to many.
        .target(
            name: "Messaging",
            dependencies: [
                "Domain", "HTTPCore", "Persistence", "Identity", "Audit", "Outbox", "Mail", "RateLimiting", "WireTypes",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        // Feature: accounts, sign-in and tokens, organizations and memberships.
        .target(
            name: "Accounts",
            dependencies: [
                "Domain", "HTTPCore", "Persistence", "Identity", "Audit", "RateLimiting", "Outbox", "Storage", "Mail",
                "WireTypes",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // Feature: events, sessions, ticket types, their availability, and venues.
        .target(
            name: "Catalog",
            dependencies: [
                "Domain", "HTTPCore", "Persistence", "Identity", "Audit", "Outbox", "WireTypes",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        // Side effects after commit: typed outbox messages, their delivery workers, and the change feed across instances.
        .target(
            name: "Outbox",
            dependencies: [
                "Domain", "Persistence",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Admin API of the outbox: what is owed, delivered and failed; a failed message queued again.
        .target(
            name: "OutboxAdmin",
            dependencies: [
                "Domain", "HTTPCore", "Persistence", "Identity", "Outbox", "Audit",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        // The mail seam: one message out, as MIME; the file transport of a laptop install; the templates and catalog;
        // `MailComposing`, what features compose and send their mail through (Messaging's `MailComposer` is the live one).
        .target(
            name: "Mail",
            dependencies: [
                "Domain",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOExtras", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The payment seam, named for it: the card processor behind `PaymentGateway`, Stripe's API as the live one,
        // webhook signatures.
        .target(
            name: "PaymentGateway",
            dependencies: [
                "Domain",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The blob seam: files in a folder or an S3-compatible bucket, signed URLs, and the route serving a folder's.
        .target(
            name: "Storage",
            dependencies: [
                "Domain", "HTTPCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // The web pages' surface: session cookies, CSRF protection, HTML error pages; the account pages.
        .target(
            name: "WebPages",
            dependencies: [
                "Domain", "HTTPCore", "Persistence", "Identity", "Accounts", "Orders", "Messaging", "WireTypes",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Feature: selling places: the lock order and the one decision of a sale, the place ledger every sale goes
        // through, the one lifecycle of orders, tickets and holds (the only writers of their status), holds and their
        // sweeper.
        .target(
            name: "Sales",
            dependencies: [
                "Domain", "HTTPCore", "Persistence", "Identity", "Outbox", "Tickets", "WireTypes",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Feature: checkout, orders and the changes people ask of them, tickets after checkout, registrations, the
        // buyer's mail about orders, reminders before sessions. What it asks of payments is `OrderPayments`, which the
        // composition root hands in: Orders never imports Payments. Its mail goes through `MailComposing` (Mail's) the
        // same way, so it never imports Messaging.
        .target(
            name: "Orders",
            dependencies: [
                "Domain", "HTTPCore", "Persistence", "Identity", "Sales", "Audit", "Outbox", "Mail", "Tickets",
                "WireTypes",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // Feature: the money of orders: card payments through the `PaymentGateway` seam, refunds, the processor's
        // webhooks, the reconciler, payment notices and the event cancellation cascade.
        .target(
            name: "Payments",
            dependencies: [
                "Domain", "HTTPCore", "Persistence", "Identity", "Sales", "Orders", "Audit", "Outbox", "Mail",
                "WireTypes", "PaymentGateway", "Tickets",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Feature: tickets at the door: QR codes, check-in, kiosks, offline kits and door numbers.
        .target(
            name: "Admission",
            dependencies: [
                "Domain", "HTTPCore", "Persistence", "Identity", "Audit", "QRCode", "Outbox", "Tickets", "WireTypes",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // Feature: liveness, readiness and the health report.
        .target(
            name: "Health",
            dependencies: ["Domain", "HTTPCore", "Persistence", .product(name: "Hummingbird", package: "hummingbird")],
            swiftSettings: swiftSettings
        ),
        // Feature: the OpenAPI document and its offline reader page.
        .target(
            name: "APIDocs",
            dependencies: ["HTTPCore", .product(name: "Hummingbird", package: "hummingbird")],
            swiftSettings: swiftSettings
        ),
        // Composition root: configuration, wiring, services and the commands.
        .target(
            name: "BoxOfficeApp",
            dependencies: [
                "Domain", "Persistence", "HTTPCore", "Health", "APIDocs", "Identity", "RateLimiting", "Audit",
                "Accounts", "Catalog", "Sales", "Orders", "Admission", "Outbox", "OutboxAdmin", "Mail",
                "PaymentGateway", "Payments", "Tickets",
                "Messaging",
                "Storage", "WebPages",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "AsyncKit", package: "async-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // One way to get an app under test, on SQLite and on PostgreSQL.
        .target(
            name: "TestSupport",
            dependencies: [
                "BoxOfficeApp", "Persistence", "HTTPCore", "Domain", "Accounts", "Catalog", "Outbox", "Mail",
                "WireTypes",
                "PaymentGateway", "Messaging",
                "Storage",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/TestSupport",
            swiftSettings: testSwiftSettings
        ),
        .testTarget(name: "DomainTests", dependencies: ["Domain"], swiftSettings: testSwiftSettings),
        .testTarget(
            name: "OutboxTests",
            dependencies: [
                "TestSupport", "Domain", "HTTPCore", "Outbox", "Persistence",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: testSwiftSettings
        ),
        .testTarget(
            name: "MailTests",
            dependencies: [
                "TestSupport", "BoxOfficeApp", "Domain", "HTTPCore", "Mail", "Messaging", "Orders", "Outbox",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: testSwiftSettings
        ),
        .testTarget(
            name: "PaymentGatewayTests",
            dependencies: [
                "TestSupport", "Domain", "HTTPCore", "PaymentGateway",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: testSwiftSettings
        ),
        .testTarget(
            name: "StorageTests",
            dependencies: [
                "TestSupport", "Accounts", "Domain", "HTTPCore", "Storage", "WireTypes",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: testSwiftSettings
        ),
        .testTarget(
            name: "MessagingTests",
            dependencies: [
                "TestSupport", "BoxOfficeApp", "Messaging", "Mail", "Orders", "Sales", "Accounts", "Domain",
                "HTTPCore", "Persistence", "Outbox",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // The golden files of every mail (MailGoldenTests) are read from the source tree, not bundled.
            exclude: ["Golden"],
            swiftSettings: testSwiftSettings
        ),
        .testTarget(name: "QRCodeTests", dependencies: ["QRCode", "TestSupport"], swiftSettings: testSwiftSettings),
        .testTarget(
            name: "HTTPCoreTests",
            dependencies: [
                "TestSupport", "BoxOfficeApp", "Domain", "HTTPCore",
                .product(name: "AsyncKit", package: "async-kit"),
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: testSwiftSettings
        ),
        .testTarget(
            name: "PersistenceTests",
            dependencies: [
                "TestSupport", "BoxOfficeApp", "Persistence",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: testSwiftSettings
        ),
        .testTarget(
            name: "HealthTests",
            dependencies: [
                "TestSupport", "BoxOfficeApp", "HTTPCore", "Health", "Persistence",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: testSwiftSettings
        ),
        .testTarget(
            name: "BoxOfficeAppTests",
            dependencies: [
                "TestSupport", "Accounts", "BoxOfficeApp", "Domain", "HTTPCore", "Mail", "Messaging", "Orders",
                "Outbox", "Persistence",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: testSwiftSettings
        ),
        .testTarget(
            name: "AccountsTests",
            dependencies: [
                "TestSupport", "BoxOfficeApp", "Accounts", "Catalog", "Orders", "Identity", "Audit", "RateLimiting",
                "HTTPCore", "Persistence", "WireTypes",
                "Domain",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: testSwiftSettings
        ),
        .testTarget(
            name: "CatalogTests",
            dependencies: [
                "TestSupport", "BoxOfficeApp", "Catalog", "Accounts", "HTTPCore", "Persistence", "Domain",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: testSwiftSettings
        ),
        .testTarget(
            name: "SalesTests",
            dependencies: [
                "TestSupport", "BoxOfficeApp", "Sales", "Catalog", "Accounts", "HTTPCore", "Persistence", "Domain",
                "WireTypes",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: testSwiftSettings
        ),
        .testTarget(
            name: "AdmissionTests",
            dependencies: [
                "TestSupport", "BoxOfficeApp", "Admission", "Orders", "Catalog", "Accounts", "HTTPCore", "Persistence",
                "WireTypes",
                "Domain", "QRCode",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: testSwiftSettings
        ),
        .testTarget(
            name: "OrdersTests",
            dependencies: [
                "TestSupport", "BoxOfficeApp", "Orders", "Messaging", "Sales", "Catalog", "Accounts", "HTTPCore",
                "WireTypes",
                "Persistence",
                "Domain",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: testSwiftSettings
        ),
        .testTarget(
            name: "PaymentsTests",
            dependencies: [
                "TestSupport", "BoxOfficeApp", "Payments", "PaymentGateway", "Orders", "Outbox", "Catalog", "Accounts",
                "HTTPCore", "Persistence", "Domain",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: testSwiftSettings
        ),
    ]
)
