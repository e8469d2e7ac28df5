import Foundation

/// Runs zbarimg, installing Debian's zbar-tools first when it is missing; SVG goes through librsvg's rsvg-convert first,
/// since zbarimg reads raster images only.
public enum ZBar {
    public struct Failure: Error, CustomStringConvertible { public let description: String }

    public static func decode(_ image: Data, suffix: String) throws -> String {
        try ensureInstalled()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("qr-\(UUID().uuidString).\(suffix)")
        try image.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let (status, output) = try run(
            "/usr/bin/zbarimg", ["--raw", "-q", "-Sdisable", "-Sqrcode.enable", file.path], errors: false)
        guard status == 0 else { throw Failure(description: "zbarimg exited \(status): \(output)") }
        return output.hasSuffix("\n") ? String(output.dropLast()) : output
    }

    public static func rasterize(svg: String) throws -> Data {
        try ensureInstalled()
        let source = FileManager.default.temporaryDirectory.appendingPathComponent("qr-\(UUID().uuidString).svg")
        let target = source.deletingPathExtension().appendingPathExtension("png")
        try Data(svg.utf8).write(to: source)
        defer {
            try? FileManager.default.removeItem(at: source)
            try? FileManager.default.removeItem(at: target)
        }
        let (status, output) = try run("/usr/bin/rsvg-convert", ["-w", "400", source.path, "-o", target.path])
        guard status == 0 else { throw Failure(description: "rsvg-convert exited \(status): \(output)") }
        return try Data(contentsOf: target)
    }

    public static func ensureInstalled() throws { try installation.get() }

    /// Installed at most once per test process, however many tests ask at the same moment (dpkg takes one at a time).
    private static let installation: Result<Void, Failure> = {
        let fm = FileManager.default
        if fm.isExecutableFile(atPath: "/usr/bin/zbarimg"), fm.isExecutableFile(atPath: "/usr/bin/rsvg-convert") {
            return .success(())
        }
        do {
            let (status, output) = try run(
                "/bin/sh",
                [
                    "-c",
                    "(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq zbar-tools librsvg2-bin) 2>&1",
                ])
            return status == 0
                ? .success(())
                : .failure(Failure(description: "could not install zbar-tools and librsvg2-bin: \(output)"))
        } catch {
            return .failure(Failure(description: "could not run apt-get: \(error)"))
        }
    }()

    /// The command's output; with `errors: false` standard error is dropped (zbarimg writes D-Bus noise there).
    private static func run(_ path: String, _ arguments: [String], errors: Bool = true) throws -> (Int32, String) {
        let (status, data) = try ChildProcess.run(path, arguments, errors: errors)
        return (status, String(decoding: data, as: UTF8.self))
    }
}
