import Foundation
import Synchronization

/// Temporary directories the tests make, removed when the test process exits. Swift Testing has no per-test
/// teardown, and a test that stops part-way (a failed `#require`, a thrown error) skips its own clean-up; without
/// this, every `swift test` left dozens of directories of written policies and workflows in the temporary folder.
public enum Scratch {
    /// The directories made so far; nil until the first (when the removal at exit is registered).
    private static let made = Mutex<[String]?>(nil)

    /// A new, empty directory `prefix-<UUID>` in the temporary folder, removed at exit.
    public static func directory(_ prefix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        made.withLock { paths in
            if paths == nil {
                paths = []
                atexit { Scratch.removeAll() }
            }
            paths?.append(url.path)
        }
        return url
    }

    private static func removeAll() {
        for path in made.withLock({ $0 ?? [] }) { try? FileManager.default.removeItem(atPath: path) }
    }
}
