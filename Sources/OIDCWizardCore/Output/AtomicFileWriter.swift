#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes an `OutputPlan` so that a reader only ever sees the old file or the complete new one.
///
/// For each file: a temporary file in the *same* directory (so the final rename cannot cross file systems),
/// created with `O_CREAT|O_EXCL|O_NOFOLLOW`, written, `fsync`ed, then moved into place. Without `force` the
/// move is `link()` + `unlink()`, which fails atomically if the target appeared in the meantime — no
/// check-then-write race can replace a file. With `force` it is `rename()`. A symbolic link at the target is
/// refused either way: writing through it could change a file anywhere. Every file is checked before any is
/// written, and if a later file fails, files this call created are removed again, so a failed run leaves no
/// half-set-up state and never a temporary file.
///
/// Temporary files are named `.oidc-wizard-tmp-<pid>-<random>-<name>`. A process killed with SIGKILL cannot
/// clean up after itself, so every write first removes such files in the directories it writes into whose
/// process is gone — a killed run leaves at most a hidden, recognisable file until the next run.
///
/// `write(_:expecting:)` replaces one file only if it still holds what the caller read (the `edit`
/// feature's guard against a file that changed between opening and saving).
public struct AtomicFileWriter: Sendable {
    /// The prefix of every temporary file this writer creates.
    public static let temporaryPrefix = ".oidc-wizard-tmp-"

    /// The output directory (created, with parents, if missing).
    public var directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// The full path of a planned file.
    public func path(of file: OutputFile) -> String { Self.join(directory, file.relativePath) }

    /// The planned files that already exist (as anything: file, directory, link) — for a confirmation step.
    public func existingFiles(in plan: OutputPlan) -> [OutputFile] {
        plan.files.filter { file in
            var info = stat()
            return lstat(path(of: file), &info) == 0
        }
    }

    /// Writes every file of `plan`; returns the full paths written. Throws the first problem found.
    @discardableResult
    public func write(_ plan: OutputPlan, force: Bool = false) throws(FileWriteError) -> [String] {
        for file in plan.files { try preflight(path(of: file), force: force) }
        var created: [String] = []
        var written: [String] = []
        for file in plan.files {
            let target = path(of: file)
            do {
                let replaced = try writeOne(file.contents, to: target, force: force)
                if !replaced { created.append(target) }
                written.append(target)
            } catch {
                for path in created { unlink(path) }
                throw error
            }
        }
        return written
    }

    /// Replaces `file` only if it still holds exactly what `previous` recorded when it was read (or, for a
    /// snapshot of a missing file, only if it still does not exist); returns the full path written.
    ///
    /// The comparison happens after the new contents are safely on disk and immediately before the
    /// rename, so the window in which another writer's change could still be lost is as small as POSIX
    /// allows without locks that other editors would not honour.
    @discardableResult
    public func write(_ file: OutputFile, expecting previous: FileSnapshot) throws(FileWriteError) -> String {
        let target = path(of: file)
        guard previous.isReadable else {
            throw FileWriteError(path: target, kind: .changedSinceRead, reason: "it could not be read before editing",
                                 advice: "Nothing was written; check that it is a regular file you can read, then try again.")
        }
        try preflight(target, force: previous.contents != nil)
        if previous.contents == nil {
            _ = try writeOne(file.contents, to: target, force: false)
        } else {
            _ = try writeOne(file.contents, to: target, force: true, expecting: previous)
        }
        return target
    }

    // MARK: Steps

    private func preflight(_ target: String, force: Bool) throws(FileWriteError) {
        var info = stat()
        guard lstat(target, &info) == 0 else { return }
        switch info.st_mode & S_IFMT {
        case S_IFLNK:
            throw FileWriteError(path: target, kind: .symbolicLink, reason: "it is a symbolic link",
                                 advice: "Remove the link or choose another directory with --out; this tool never writes through a link.")
        case S_IFDIR:
            throw FileWriteError(path: target, kind: .wrongKind, reason: "a directory is in the way",
                                 advice: "Move it away or choose another directory with --out.")
        case S_IFREG:
            if !force {
                throw FileWriteError(path: target, kind: .exists, reason: "it exists already",
                                     advice: "Use --force to replace it, or choose another directory with --out.")
            }
        default:
            throw FileWriteError(path: target, kind: .wrongKind, reason: "something other than a regular file is in the way",
                                 advice: "Move it away or choose another directory with --out.")
        }
    }

    /// Returns whether an existing file was replaced.
    private func writeOne(_ contents: String, to target: String, force: Bool,
                          expecting previous: FileSnapshot? = nil) throws(FileWriteError) -> Bool {
        let parent = Self.parent(of: target)
        try Self.makeDirectories(parent, for: target)
        Self.removeStaleTemporaryFiles(in: parent)
        let random = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        let temporary = Self.join(parent, "\(Self.temporaryPrefix)\(getpid())-\(random)-\(Self.lastComponent(of: target))")
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Self.systemError(target, errno, doing: "create a temporary file next to it") }
        var succeeded = false
        defer { if !succeeded { unlink(temporary) } }

        let bytes = Array(contents.utf8)
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { posixWrite(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(fd)
                throw Self.systemError(target, code, doing: "write")
            }
            offset += count
        }
        if fsync(fd) != 0 {
            let code = errno
            close(fd)
            throw Self.systemError(target, code, doing: "flush to disk")
        }
        if close(fd) != 0 { throw Self.systemError(target, errno, doing: "close") }

        var replaced = false
        if force {
            var info = stat()
            replaced = lstat(target, &info) == 0
            if replaced, (info.st_mode & S_IFMT) == S_IFLNK {
                throw FileWriteError(path: target, kind: .symbolicLink, reason: "it is a symbolic link",
                                     advice: "Remove the link or choose another directory with --out; this tool never writes through a link.")
            }
            if let previous, !previous.matches(FileSnapshot.take(of: target)) {
                throw FileWriteError(path: target, kind: .changedSinceRead,
                                     reason: "it changed on disk after it was read",
                                     advice: "Nothing was written; open it again to see the other change, then redo yours.")
            }
            if rename(temporary, target) != 0 { throw Self.systemError(target, errno, doing: "move into place") }
        } else {
            // link() refuses to replace anything that exists, atomically.
            if link(temporary, target) != 0 {
                let code = errno
                if code == EEXIST {
                    throw FileWriteError(path: target, kind: .exists, reason: "it appeared while writing",
                                         advice: "Use --force to replace it, or choose another directory with --out.")
                }
                guard code == EPERM || code == ENOTSUP || code == EOPNOTSUPP || code == EXDEV else {
                    throw Self.systemError(target, code, doing: "move into place")
                }
                // A file system without hard links: check and rename (a small window, but still atomic content).
                var info = stat()
                if lstat(target, &info) == 0 {
                    throw FileWriteError(path: target, kind: .exists, reason: "it appeared while writing",
                                         advice: "Use --force to replace it, or choose another directory with --out.")
                }
                if rename(temporary, target) != 0 { throw Self.systemError(target, errno, doing: "move into place") }
            } else {
                unlink(temporary)
            }
        }
        succeeded = true
        Self.syncDirectory(parent)
        return replaced
    }

    // MARK: Helpers

    /// `mkdir -p`, refusing to go through a non-directory.
    private static func makeDirectories(_ path: String, for target: String) throws(FileWriteError) {
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw FileWriteError(path: target, kind: .wrongKind, reason: "\(path) is a file, not a directory",
                                     advice: "Move it away or choose another directory with --out.")
            }
            return
        }
        let parentPath = parent(of: path)
        if parentPath != path { try makeDirectories(parentPath, for: target) }
        if mkdir(path, 0o755) != 0, errno != EEXIST {
            throw systemError(target, errno, doing: "create the directory \(path)")
        }
    }

    /// Removes `.oidc-wizard-tmp-<pid>-…` regular files in `directory` whose process no longer exists: the
    /// remains of a run killed while writing. Files of a live process (another run writing right now) and
    /// anything that is not a regular file are left alone.
    static func removeStaleTemporaryFiles(in directory: String) {
        guard let dir = opendir(directory) else { return }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name.hasPrefix(temporaryPrefix) else { continue }
            let rest = name.dropFirst(temporaryPrefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]), pid > 0 else { continue }
            guard !isLiveWriter(pid) else { continue }
            let path = join(directory, name)
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            unlink(path)
        }
    }

    /// Whether `pid` may still be writing its temporary file. PIDs are reused (Linux's default limit is
    /// 32768), so a live process only counts when it is this program: on Linux its `/proc/<pid>/comm` names
    /// it. Where `/proc` cannot tell, any live process counts, so a file is never pulled from under a writer.
    static func isLiveWriter(_ pid: pid_t) -> Bool {
        if kill(pid, 0) != 0, errno == ESRCH { return false }
        // A killed process stays a zombie until its parent reaps it; an orphan's new parent may take its time (the
        // first process of this machine's container took 1.5–2 s). A zombie answers `kill(pid, 0)` and keeps its
        // name, but writes nothing any more.
        if isZombie(pid) { return false }
        guard let comm = procLine(pid, "comm") else { return true }
        return String(decoding: comm, as: UTF8.self).hasPrefix("oidc-wizard")
    }

    /// Whether `/proc/<pid>/stat` shows the process as a zombie (`Z`) or dead (`X`); false where it cannot tell.
    static func isZombie(_ pid: pid_t) -> Bool {
        guard let line = procLine(pid, "stat") else { return false }
        // `<pid> (<comm>) <state> …`: the name may hold spaces and parentheses, so the state follows the last `)`.
        guard let close = line.lastIndex(of: UInt8(ascii: ")")), close + 2 < line.count else { return false }
        let state = line[close + 2]
        return state == UInt8(ascii: "Z") || state == UInt8(ascii: "X")
    }

    /// The first line of `/proc/<pid>/<file>` (at most 511 bytes), or nil where there is none to read.
    private static func procLine(_ pid: pid_t, _ file: String) -> [UInt8]? {
        guard let handle = fopen("/proc/\(pid)/\(file)", "r") else { return nil }
        defer { fclose(handle) }
        var buffer = [CChar](repeating: 0, count: 512)
        guard fgets(&buffer, Int32(buffer.count), handle) != nil else { return nil }
        return buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
    }

    private static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }

    static func systemError(_ path: String, _ code: Int32, doing action: String) -> FileWriteError {
        let advice: String
        let reason: String
        switch code {
        case EACCES, EPERM:
            reason = "permission denied (could not \(action))"
            advice = "Choose a directory you can write to with --out, or fix its permissions."
        case EROFS:
            reason = "the file system is read-only"
            advice = "Choose another directory with --out."
        case ENOSPC, EDQUOT:
            reason = "the disk is full"
            advice = "Free some space or choose another directory with --out."
        case ENOTDIR:
            reason = "a part of the path is a file, not a directory"
            advice = "Choose another directory with --out."
        case ENAMETOOLONG:
            reason = "the path is too long"
            advice = "Choose a shorter directory with --out."
        default:
            reason = "could not \(action): \(String(cString: strerror(code)))"
            advice = "Check the directory and try again, or choose another one with --out."
        }
        return FileWriteError(path: path, kind: .system(errno: code), reason: reason, advice: advice)
    }

    static func join(_ directory: String, _ relative: String) -> String {
        if directory.isEmpty || directory == "." { return relative }
        return directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    static func lastComponent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}

/// The system's `write(2)`, named apart from `AtomicFileWriter.write(_:force:)`.
private func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(fd, buffer, count)
}
