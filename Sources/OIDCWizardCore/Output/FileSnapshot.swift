#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What a file held when it was read, so that saving can refuse to overwrite a change made in the
/// meantime (by an editor, `git checkout`, another run). Contents, not the modification time, are
/// compared: a time stamp has coarse resolution on some file systems and can be set back.
public struct FileSnapshot: Hashable, Sendable {
    /// The bytes read, or nil when the file did not exist (saving must then not replace anything).
    public var contents: [UInt8]?
    /// False when the file existed but could not be read as a regular file: such a snapshot matches nothing.
    public var isReadable: Bool

    public init(contents: [UInt8]?) {
        self.contents = contents
        self.isReadable = true
    }

    /// Whether `current` (taken just now) shows the file unchanged since this snapshot.
    public func matches(_ current: FileSnapshot) -> Bool {
        isReadable && current.isReadable && contents == current.contents
    }

    /// The snapshot of a file that does not exist yet.
    public static let missing = FileSnapshot(contents: nil)

    /// Reads `path` now. A missing file gives `.missing`; anything else that cannot be read as a regular
    /// file (a link, a directory, no permission) gives a snapshot that matches no file, so a save fails
    /// safely instead of guessing.
    public static func take(of path: String) -> FileSnapshot {
        var info = stat()
        guard lstat(path, &info) == 0 else { return errno == ENOENT ? .missing : unreadable }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return unreadable }
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return unreadable }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return unreadable
            }
            if count == 0 { break }
            bytes += buffer[..<count]
        }
        return FileSnapshot(contents: bytes)
    }

    /// A snapshot that could not be taken; it matches no file.
    private static var unreadable: FileSnapshot {
        var snapshot = FileSnapshot(contents: nil)
        snapshot.isReadable = false
        return snapshot
    }
}
