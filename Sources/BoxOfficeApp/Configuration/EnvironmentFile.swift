public import Foundation

/// Reads a `.env` file of `KEY=value` lines, so local settings need not live in the shell.
/// Values already in the process environment win over the file.
public enum EnvironmentFile {
    public static func merged(
        over process: [String: String] = ProcessInfo.processInfo.environment,
        file path: String = ".env"
    ) -> [String: String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return process }
        return parse(text).merging(process) { _, fromProcess in fromProcess }
    }

    /// Blank lines and `#` comments are skipped; `export` prefixes and matching quotes are removed.
    static func parse(_ text: String) -> [String: String] {
        var values: [String: String] = [:]
        for rawLine in text.split(whereSeparator: \.isNewline) {
            var line = rawLine.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            if line.hasPrefix("export ") { line.removeFirst("export ".count) }
            guard let separator = line.firstIndex(of: "=") else { continue }
            let key = line[..<separator].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: separator)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            values[key] = value
        }
        return values
    }
}
