import Foundation
import HTTPCore
import Logging
import Persistence
import Testing

@testable import BoxOfficeApp

@Suite struct ConfigurationTests {
    @Test func nothingSetMeansTheEmbeddedDefault() throws {
        let config = try AppConfig.load(from: [:])
        #expect(config.mode == .development)
        #expect(config.host == "127.0.0.1")
        #expect(config.port == 8080)
        #expect(config.database.location == .sqlite(path: "./boxoffice.sqlite"))
        #expect(config.autoMigrate)
        #expect(config.http.maxBodyBytes == 1 << 20)
        #expect(config.logLevel == .info)
        #expect(config.jwtSecretIsEphemeral, "development makes up a secret, and says so")
        #expect(config.jwtSecret.utf8.count >= 32)
    }

    @Test func databaseURLSelectsPostgresWithoutAutoMigration() throws {
        let config = try AppConfig.load(from: ["DATABASE_URL": "postgres://app:pw@db.internal:5432/boxoffice"])
        #expect(config.database.location == .postgres(url: "postgres://app:pw@db.internal:5432/boxoffice"))
        #expect(!config.autoMigrate)
        #expect(try AppConfig.load(from: ["DATABASE_URL": "postgres://h/db", "AUTO_MIGRATE": "yes"]).autoMigrate)
    }

    @Test func everySettingIsRead() throws {
        let config = try AppConfig.load(from: [
            "APP_ENV": "production", "HOST": "0.0.0.0", "PORT": "9000", "SQLITE_PATH": "/var/lib/boxoffice/db.sqlite",
            "DATABASE_POOL_SIZE": "8", "JWT_SECRET": String(repeating: "s", count: 40), "LOG_LEVEL": "debug",
            "SQL_LOG_LEVEL": "trace", "MAX_BODY_SIZE": "2048", "HSTS_ENABLED": "true",
            "SMTP_URL": "smtps://u:p@mail:465",
            "STORAGE_DIR": "/srv/uploads", "CORS_ALLOWED_ORIGINS": "https://a.example, https://b.example:8443",
            "TICKET_SECRET_KEY": Data(repeating: 7, count: 32).base64EncodedString(), "HOLD_SWEEP_INTERVAL": "5",
        ])
        #expect(config.mode == .production)
        #expect(config.host == "0.0.0.0" && config.port == 9000)
        #expect(
            config.database
                == DatabaseSettings(
                    location: .sqlite(path: "/var/lib/boxoffice/db.sqlite"), connectionsPerEventLoop: 8,
                    sqlLogLevel: .trace))
        #expect(!config.jwtSecretIsEphemeral)
        #expect(config.logLevel == .debug && config.http.maxBodyBytes == 2048 && config.http.hstsEnabled)
        #expect(config.mail.smtpURL == "smtps://u:p@mail:465" && config.storage.directory == "/srv/uploads")
        #expect(config.http.corsAllowedOrigins == ["https://a.example", "https://b.example:8443"])
        #expect(config.admission.ticketSecretKey == Data(repeating: 7, count: 32) && config.sales.holdSweepSeconds == 5)
    }

    @Test func theIPv6PrefixLengthIsBounded() throws {
        #expect(try AppConfig.load(from: [:]).auth.ipv6PrefixLength == 64)
        #expect(try AppConfig.load(from: ["IPV6_PREFIX_LENGTH": "48"]).auth.ipv6PrefixLength == 48)
        #expect(throws: ConfigurationError.self) { try AppConfig.load(from: ["IPV6_PREFIX_LENGTH": "16"]) }
        #expect(throws: ConfigurationError.self) { try AppConfig.load(from: ["IPV6_PREFIX_LENGTH": "129"]) }
    }

    @Test func aTicketKeyMustBeThirtyTwoBytes() throws {
        #expect(
            try AppConfig.load(from: [:]).admission.ticketSecretKey == nil,
            "development keeps its own key in the database")
        #expect(throws: ConfigurationError.self) { try AppConfig.load(from: ["TICKET_SECRET_KEY": "c2hvcnQ="]) }
    }

    @Test func everyProblemIsListedAtOnce() {
        #expect {
            _ = try AppConfig.load(from: [
                "APP_ENV": "production", "PORT": "70000", "DATABASE_URL": "mysql://x/y", "LOG_LEVEL": "loud",
                "MAX_BODY_SIZE": "-1", "HSTS_ENABLED": "maybe", "CORS_ALLOWED_ORIGINS": "not a url",
                "SMTP_URL": "http://mail", "DATABASE_POOL_SIZE": "0",
            ])
        } throws: { error in
            let problems = (error as? ConfigurationError)?.problems ?? []
            let keys = [
                "PORT", "DATABASE_URL", "LOG_LEVEL", "MAX_BODY_SIZE", "HSTS_ENABLED", "CORS_ALLOWED_ORIGINS",
                "SMTP_URL", "DATABASE_POOL_SIZE", "JWT_SECRET", "TICKET_SECRET_KEY",
            ]
            return keys.allSatisfy { key in problems.contains { $0.hasPrefix(key + ":") } }
                && problems.count == keys.count
        }
    }

    @Test func aShortSecretIsRefusedInProductionOnly() throws {
        #expect(throws: ConfigurationError.self) {
            try AppConfig.load(from: ["APP_ENV": "production", "JWT_SECRET": "short"])
        }
        let development = try AppConfig.load(from: ["JWT_SECRET": "short"])
        #expect(development.jwtSecret == "short" && !development.jwtSecretIsEphemeral)
    }

    @Test func aDatabaseURLWithoutADatabaseIsRefused() {
        #expect(
            throws: ConfigurationError(problems: [
                "DATABASE_URL: names no database (the path after the host, such as /boxoffice)"
            ])
        ) {
            try AppConfig.load(from: ["DATABASE_URL": "postgres://user@host:5432"])
        }
    }

    @Test func theEnvironmentFileIsParsedAndTheProcessWins() {
        let parsed = EnvironmentFile.parse(
            """
            # comment
            PORT=9001
            export HOST = 0.0.0.0
            JWT_SECRET="quoted value with = sign"
            EMPTY=

            NOT A SETTING
            """)
        #expect(parsed == ["PORT": "9001", "HOST": "0.0.0.0", "JWT_SECRET": "quoted value with = sign", "EMPTY": ""])
    }
}

@Suite struct ISO8601InstantTests {
    @Test func datesAreWrittenAsWholeSecondUTC() throws {
        let formatter = Date.ISO8601FormatStyle()
        for text in ["2026-06-01T12:00:00Z", "1999-12-31T23:59:59Z", "2024-02-29T00:00:07Z", "1970-01-01T00:00:00Z"] {
            #expect(ISO8601Instant.string(try formatter.parse(text)) == text)
        }
        #expect(ISO8601Instant.string(Date(timeIntervalSince1970: 1.9)) == "1970-01-01T00:00:01Z")
    }
}
