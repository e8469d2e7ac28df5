import ArgumentParser

/// `boxoffice routes`: lists every route the server answers, one `METHOD /path` a line.
struct RoutesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "routes", abstract: "List the HTTP routes.")

    func run() async throws {
        let boxOffice = try await BoxOffice(config: try CommandStartup.configuration())
        let lines = boxOffice.router().routes.map {
            "\($0.method.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)) \($0.path)"
        }
        for line in lines.sorted(by: {
            $0.dropFirst(8) == $1.dropFirst(8) ? $0 < $1 : $0.dropFirst(8) < $1.dropFirst(8)
        }) {
            print(line)
        }
        await boxOffice.store.shutdown()
    }
}
