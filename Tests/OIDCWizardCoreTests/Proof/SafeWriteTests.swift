import Foundation
import Testing
@testable import OIDCWizardCore

/// What the atomic writer promises when the world is against it: never a partial file, never a temporary
/// file left behind, never an overwritten change, always the path and what to do.
@Suite("Safe writes under hostile conditions")
struct SafeWriteTests {
    func withDirectory(_ body: (URL) throws -> Void) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("safe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        try body(url)
    }

    func listing(_ path: String) -> [String] {
        ((FileManager.default.enumerator(atPath: path)?.allObjects as? [String]) ?? []).sorted()
    }

    func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    let policy = OutputFile(relativePath: "trust-policy.json", contents: "{\"new\": true}\n")

    // MARK: The file changing between open and save

    @Test("an unchanged file is replaced when saved with the snapshot taken at opening")
    func unchangedIsReplaced() throws {
        try withDirectory { dir in
            let path = dir.appendingPathComponent("trust-policy.json").path
            try "old\n".write(toFile: path, atomically: false, encoding: .utf8)
            let opened = FileSnapshot.take(of: path)
            #expect(opened.contents == Array("old\n".utf8))
            let written = try AtomicFileWriter(directory: dir.path).write(policy, expecting: opened)
            #expect(written == path)
            #expect(contents(path) == "{\"new\": true}\n")
            #expect(listing(dir.path) == ["trust-policy.json"])
        }
    }

    @Test("a file changed by someone else after opening is not overwritten: the other change survives")
    func changedIsRefused() throws {
        try withDirectory { dir in
            let path = dir.appendingPathComponent("trust-policy.json").path
            try "old\n".write(toFile: path, atomically: false, encoding: .utf8)
            let opened = FileSnapshot.take(of: path)
            try "their edit\n".write(toFile: path, atomically: false, encoding: .utf8)
            let error = #expect(throws: FileWriteError.self) {
                try AtomicFileWriter(directory: dir.path).write(policy, expecting: opened)
            }
            #expect(error?.kind == .changedSinceRead)
            #expect(error?.description == "cannot write \(path): it changed on disk after it was read. Nothing was written; open it again to see the other change, then redo yours.")
            #expect(contents(path) == "their edit\n")
            #expect(listing(dir.path) == ["trust-policy.json"])
        }
    }

    @Test("a file deleted after opening is not recreated behind the user's back")
    func deletedIsRefused() throws {
        try withDirectory { dir in
            let path = dir.appendingPathComponent("trust-policy.json").path
            try "old\n".write(toFile: path, atomically: false, encoding: .utf8)
            let opened = FileSnapshot.take(of: path)
            try FileManager.default.removeItem(atPath: path)
            let error = #expect(throws: FileWriteError.self) {
                try AtomicFileWriter(directory: dir.path).write(policy, expecting: opened)
            }
            #expect(error?.kind == .changedSinceRead)
            #expect(listing(dir.path).isEmpty)
        }
    }

    @Test("a new file saved with a 'missing' snapshot is refused if one appeared meanwhile")
    func appearedIsRefused() throws {
        try withDirectory { dir in
            let path = dir.appendingPathComponent("trust-policy.json").path
            let opened = FileSnapshot.take(of: path)
            #expect(opened == .missing)
            try "someone else's\n".write(toFile: path, atomically: false, encoding: .utf8)
            let error = #expect(throws: FileWriteError.self) {
                try AtomicFileWriter(directory: dir.path).write(policy, expecting: opened)
            }
            #expect(error?.kind == .exists)
            #expect(contents(path) == "someone else's\n")
        }
    }

    @Test("a symbolic link or directory cannot be snapshotted into a save")
    func unreadableSnapshotRefused() throws {
        try withDirectory { dir in
            let path = dir.appendingPathComponent("trust-policy.json").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            let opened = FileSnapshot.take(of: path)
            #expect(!opened.isReadable)
            #expect(!opened.matches(opened))
            let error = #expect(throws: FileWriteError.self) {
                try AtomicFileWriter(directory: dir.path).write(policy, expecting: opened)
            }
            #expect(error?.kind == .changedSinceRead)
        }
    }

    // MARK: Temporary files after SIGKILL

    @Test("temporary files of a killed run are removed by the next write; a live run's are left alone")
    func staleTemporaryFilesRemoved() throws {
        try withDirectory { dir in
            // A pid that cannot be alive: above the kernel's pid_max (at most 2^22).
            let dead = dir.appendingPathComponent(".oidc-wizard-tmp-99999999-1a2b-trust-policy.json").path
            let live = dir.appendingPathComponent(".oidc-wizard-tmp-\(getpid())-3c4d-trust-policy.json").path
            let foreign = dir.appendingPathComponent(".trust-policy.json.swp").path
            for path in [dead, live, foreign] { try "partial".write(toFile: path, atomically: false, encoding: .utf8) }
            try AtomicFileWriter(directory: dir.path).write(OutputPlan(files: [policy]))
            #expect(listing(dir.path) == [".oidc-wizard-tmp-\(getpid())-3c4d-trust-policy.json", ".trust-policy.json.swp", "trust-policy.json"])
        }
    }

    @Test("a stale name that is a directory or a link is not touched")
    func staleCleanupTouchesOnlyFiles() throws {
        try withDirectory { dir in
            let victim = dir.appendingPathComponent("victim").path
            try "precious".write(toFile: victim, atomically: false, encoding: .utf8)
            try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent(".oidc-wizard-tmp-99999999-aa-link").path,
                                                       withDestinationPath: victim)
            try FileManager.default.createDirectory(atPath: dir.appendingPathComponent(".oidc-wizard-tmp-99999999-bb-dir").path,
                                                    withIntermediateDirectories: false)
            try AtomicFileWriter(directory: dir.path).write(OutputPlan(files: [policy]))
            #expect(listing(dir.path) == [".oidc-wizard-tmp-99999999-aa-link", ".oidc-wizard-tmp-99999999-bb-dir", "trust-policy.json", "victim"])
            #expect(contents(victim) == "precious")
        }
    }

    // MARK: File systems that refuse

    @Test("disk full: the old file stays intact, no temporary file is left, and the message says so",
          .enabled(if: ScratchMount.available, "mounting a small tmpfs needs root"))
    func diskFull() throws {
        let mount = try ScratchMount(options: "size=64k")
        defer { mount.unmount() }
        let path = mount.path + "/trust-policy.json"
        try "old\n".write(toFile: path, atomically: false, encoding: .utf8)
        let big = OutputFile(relativePath: "trust-policy.json", contents: String(repeating: "x", count: 512 * 1024))
        for force in [false, true] {
            let error = #expect(throws: FileWriteError.self) {
                try AtomicFileWriter(directory: mount.path).write(OutputPlan(files: [big]), force: force)
            }
            if force {
                #expect(error?.reason == "the disk is full", "\(String(describing: error))")
                #expect(error?.description.hasPrefix("cannot write \(path): the disk is full. Free some space") == true)
            }
        }
        #expect(contents(path) == "old\n")
        #expect(listing(mount.path) == ["trust-policy.json"])
    }

    @Test("a read-only file system: nothing is created, and the message names the path",
          .enabled(if: ScratchMount.available, "mounting a read-only tmpfs needs root"))
    func readOnlyFileSystem() throws {
        let mount = try ScratchMount(options: "ro,size=16k")
        defer { mount.unmount() }
        let error = #expect(throws: FileWriteError.self) {
            try AtomicFileWriter(directory: mount.path + "/out").write(OutputPlan(files: [policy]))
        }
        #expect(error?.reason == "the file system is read-only")
        #expect(error?.description.hasPrefix("cannot write \(mount.path)/out/trust-policy.json: the file system is read-only. Choose another directory") == true)
        #expect(listing(mount.path).isEmpty)
    }
}
