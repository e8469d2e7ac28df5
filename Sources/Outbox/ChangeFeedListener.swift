import Foundation
public import Logging
import NIOPosix
public import Persistence
import PostgresKit
import PostgresNIO
public import ServiceLifecycle

/// PostgreSQL: listens to the change feed (`LISTEN boxoffice_changes`) on a connection of its own and publishes what
/// it hears into this process's `ChangeBroadcaster`, so that workers and subscribers learn of a change committed on any
/// instance at once. A notification sent while the connection is down is lost, so after every (re)connect it
/// publishes `Change.anything` and everyone looks again; it reconnects with a growing pause.
public struct ChangeFeedListener: Service {
    let url: String
    let store: DatabaseStore
    let logger: Logger

    public init(url: String, store: DatabaseStore, logger: Logger) {
        self.url = url
        self.store = store
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown { await self.loop() }
    }

    private func loop() async {
        var pause = Duration.milliseconds(250)
        while !Task.isCancelled {
            do {
                let connection = try await PostgresConnection.connect(
                    on: MultiThreadedEventLoopGroup.singleton.any(), configuration: try Self.configuration(url), id: 0,
                    logger: logger)
                pause = .milliseconds(250)
                do {
                    try await listen(on: connection)
                } catch {
                    if !Task.isCancelled {
                        logger.warning("change feed connection lost", metadata: ["error": "\(error)"])
                    }
                }
                try? await connection.close()
            } catch {
                logger.warning("change feed cannot connect", metadata: ["error": "\(error)"])
            }
            guard !Task.isCancelled else { break }
            try? await Task.sleep(for: pause)
            pause = min(pause * 2, .seconds(10))
        }
    }

    private func listen(on connection: PostgresConnection) async throws {
        let changes = store.changes
        try await connection.listen(on: ChangeFeedPayload.channel) { notifications in
            // Whatever was committed while nobody listened is looked for again.
            changes.publish([.anything])
            for try await notification in notifications {
                changes.publish([ChangeFeedPayload.decode(notification.payload)])
            }
        }
    }

    /// The connection settings of the pool's own URL, read the same way the pool reads it (TLS as its `sslmode` or
    /// `tlsmode` says; preferred when it says nothing), so the listener reaches every database the pool reaches.
    static func configuration(_ url: String) throws -> PostgresConnection.Configuration {
        try SQLPostgresConfiguration(url: url).coreConfiguration
    }
}
