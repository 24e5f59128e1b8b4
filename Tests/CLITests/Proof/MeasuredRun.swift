import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One run of a program with what the hostile-input and safe-write proofs need to know beyond its output:
/// whether a signal ended it (a crash), how long it took and its peak memory.
///
/// The peak memory comes from GNU time (`/usr/bin/time`, Debian package `time`, installed by `.ci/run`),
/// not from our own `wait4`: `posix_spawn` starts the child inside the test process's address space
/// (vfork), and Linux carries that address space's high-water mark into the child's `ru_maxrss`, so a
/// direct child would report the test runner's size. time's own child starts from time's tiny process.
/// Without GNU time the memory is unknown (nil) and callers skip that one check (fail under CI).
struct MeasuredRun: Sendable {
    var status: Int32?
    /// The signal that ended the process (SIGSEGV, SIGABRT, SIGILL for a Swift trap, SIGKILL after a
    /// timeout), or nil when it exited.
    var signal: Int32?
    var stdout: String
    var stderr: String
    var seconds: Double
    var maxResidentMiB: Double?
    var timedOut: Bool

    static let gnuTime: String? = FileManager.default.isExecutableFile(atPath: "/usr/bin/time") ? "/usr/bin/time" : nil

    /// Spawns `executable` with `arguments` and a minimal environment; kills it after `timeout` seconds.
    /// `beforeWaiting` runs right after the spawn with the child's pid (to send it signals).
    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                    timeout: Double = 30,
                    beforeWaiting: ((pid_t) -> Void)? = nil) throws -> MeasuredRun {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("measured-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outPath = scratch.appendingPathComponent("stdout").path
        let errPath = scratch.appendingPathComponent("stderr").path
        let timePath = scratch.appendingPathComponent("time").path

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        var env = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "LANG": "C.UTF-8",
                   "TERM": "dumb", "NO_COLOR": "1"]
        env.merge(environment) { _, new in new }
        let command = gnuTime.map { [$0, "--quiet", "-o", timePath, "-f", "maxrss %M"] } ?? []
        let argv = (command + [executable] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }

        // A process group of its own, so a timeout kills the program and not only GNU time.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)

        let start = Date()
        var pid = pid_t()
        let spawned = posix_spawn(&pid, gnuTime ?? executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw SpawnError(executable: executable, code: spawned) }
        beforeWaiting?(pid)

        var rawStatus: Int32 = 0
                var timedOut = false
        while true {
            let result = waitpid(pid, &rawStatus, WNOHANG)
            if result == pid { break }
            if result < 0, errno != EINTR { throw SpawnError(executable: executable, code: errno) }
            if !timedOut, Date().timeIntervalSince(start) > timeout {
                timedOut = true
                kill(-pid, SIGKILL)
            }
            usleep(2_000)
        }
        let seconds = Date().timeIntervalSince(start)
        // WIFEXITED / WTERMSIG by hand: the C macros are not imported into Swift.
        var termSignal = rawStatus & 0x7F
        var status: Int32? = termSignal == 0 ? (rawStatus >> 8) & 0xFF : nil
        var maxResidentMiB: Double?
        if gnuTime != nil {
            // GNU time exits with the program's status; for a program ended by a signal it writes
            // "Command terminated by signal N" and exits 128+N.
            let report = (try? String(contentsOfFile: timePath, encoding: .utf8)) ?? ""
            if let range = report.range(of: "Command terminated by signal ") {
                termSignal = Int32(report[range.upperBound...].prefix { $0.isNumber }) ?? termSignal
                status = nil
            }
            if let range = report.range(of: "maxrss "), let kib = Double(report[range.upperBound...].prefix { $0.isNumber }) {
                maxResidentMiB = kib / 1024
            }
        }
        return MeasuredRun(
            status: status,
            signal: termSignal == 0 ? nil : termSignal,
            stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "",
            seconds: seconds,
            maxResidentMiB: maxResidentMiB,
            timedOut: timedOut)
    }

    /// One line for a failed expectation: how it ended, how long, how much memory, and its stderr.
    var summary: String {
        let end = signal.map { "signal \($0)" } ?? "exit \(status ?? -1)"
        return "\(end)\(timedOut ? " (timed out)" : ""), \(String(format: "%.2f", seconds)) s, "
            + "\(maxResidentMiB.map { String(format: "%.0f MiB", $0) } ?? "memory unknown"); stderr: \(stderr)"
    }
}

struct SpawnError: Error, CustomStringConvertible {
    var executable: String
    var code: Int32
    var description: String { "could not run \(executable): \(String(cString: strerror(code)))" }
}
