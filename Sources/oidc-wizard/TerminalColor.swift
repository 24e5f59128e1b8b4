import Foundation

/// Whether to colour output: only on a terminal, never when `NO_COLOR` is set (https://no-color.org)
/// or the terminal is `dumb`.
enum TerminalColor {
    static func enabled(for fd: Int32 = STDOUT_FILENO, environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return isatty(fd) == 1
    }
}
