import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs the tests' short commands (the python mail reader, zbarimg) through `posix_spawn` rather than Foundation's
/// `Process`: on Linux with Swift 6.3.1, `Process.run()` copies each `/proc/self/fd` entry's whole 256-byte name while
/// closing inherited descriptors and now and then reads past glibc's buffer into an unmapped page
/// (swift-corelibs-foundation pull request 5472, fixed after 6.3.1). A full run of this suite crashed there, in
/// `memmove` under `CapturedMail.messages`.
public enum ChildProcess {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Runs `path` with `arguments` to its end: its exit status and standard output (with standard error too when
    /// `errors` is true; dropped otherwise).
    public static func run(_ path: String, _ arguments: [String], errors: Bool = true) throws -> (
        status: Int32, output: Data
    ) {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw Failure(description: "pipe failed: errno \(errno)") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        if errors {
            posix_spawn_file_actions_adddup2(&actions, fds[1], 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, environ)
        close(fds[1])
        guard spawned == 0 else {
            close(fds[0])
            throw Failure(description: "could not start \(path): error \(spawned)")
        }
        var output = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(fds[0], &buffer, buffer.count)
            if count > 0 {
                output.append(contentsOf: buffer[0..<count])
            } else if count == 0 || errno != EINTR {
                break
            }
        }
        close(fds[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        // WIFEXITED / WEXITSTATUS, which Swift does not import: a normal exit has no signal bits.
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (exitStatus, output)
    }
}
