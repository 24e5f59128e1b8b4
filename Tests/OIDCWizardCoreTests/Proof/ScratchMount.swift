import Foundation

/// A small tmpfs mounted for one test (disk full, read-only file system) and unmounted after it. Needs
/// root (CI runs as root); `available` tells the tests to skip with that reason otherwise.
struct ScratchMount {
    let path: String

    /// Whether this machine lets us mount a tmpfs: tried once, for real.
    static let available: Bool = {
        guard getuid() == 0, let mount = try? ScratchMount(options: "size=16k") else { return false }
        mount.unmount()
        return true
    }()

    init(options: String) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("mount-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        guard Self.run("/bin/mount", ["-t", "tmpfs", "-o", options, "tmpfs", path]) == 0 else {
            try? FileManager.default.removeItem(atPath: path)
            throw MountFailed(path: path)
        }
    }

    func unmount() {
        _ = Self.run("/bin/umount", [path])
        try? FileManager.default.removeItem(atPath: path)
    }

    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    struct MountFailed: Error { var path: String }
}
