import Foundation

/// Starts the tests' child processes (python readers, the SMTP capture server, zbarimg) one at a time. Foundation's
/// `Process.run()` on Linux is not safe to call from several threads at once: a parallel run of the suite crashed
/// inside it (a bad pointer in `memmove`, in `CapturedMail.messages`) while other tests were starting processes.
public enum ProcessLaunch {
    private static let lock = NSLock()

    public static func run(_ process: Process) throws {
        lock.lock()
        defer { lock.unlock() }
        try process.run()
    }
}
