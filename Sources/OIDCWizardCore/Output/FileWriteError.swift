/// Why a file could not be written: the path, the reason in plain words, and what to do about it.
public struct FileWriteError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// The file exists and replacing it was not allowed (`--force`).
        case exists
        /// The target is a symbolic link; we never write through one.
        case symbolicLink
        /// The target (or a parent that should be a directory) is of the wrong kind.
        case wrongKind
        /// The file no longer holds what was read before editing (`AtomicFileWriter.write(_:expecting:)`).
        case changedSinceRead
        /// The operating system refused (permissions, read-only, disk full, …).
        case system(errno: Int32)
    }

    public var path: String
    public var kind: Kind
    public var reason: String
    public var advice: String

    public init(path: String, kind: Kind, reason: String, advice: String) {
        self.path = path
        self.kind = kind
        self.reason = reason
        self.advice = advice
    }

    /// `cannot write out/trust-policy.json: it exists already. Use --force to replace it, or choose another --out.`
    public var description: String { "cannot write \(path): \(reason). \(advice)" }
}
