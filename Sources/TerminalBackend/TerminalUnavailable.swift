/// Why the full-screen interface cannot start. The command line prints `description` on one line to stderr and exits
/// with `exitCode` (2: the invocation cannot work as given).
public struct TerminalUnavailable: Error, CustomStringConvertible, Sendable {
    /// What is missing, e.g. "standard input is not a terminal".
    public let reason: String

    public init(reason: String) {
        self.reason = reason
    }

    public static let exitCode: Int32 = 2

    public var description: String {
        "oidc-wizard: the interactive wizard needs a terminal, but \(reason). Run `oidc-wizard generate --help` to set up without one."
    }
}

/// The terminal went away while the interface was running (input closed), so the loop cannot continue.
public struct TerminalLost: Error, CustomStringConvertible, Sendable {
    public var description: String { "oidc-wizard: lost the terminal (its input closed); nothing more was done." }
}
