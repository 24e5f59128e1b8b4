import Foundation
import Testing
@testable import OIDCWizardCore

@Suite("Atomic file writer")
struct AtomicFileWriterTests {
    let plan = OutputPlan(files: [
        OutputFile(relativePath: "trust-policy.json", contents: "{\"new\": true}\n"),
        OutputFile(relativePath: ".github/workflows/aws-oidc.yml", contents: "name: new\n"),
    ])

    func withDirectory(_ body: (URL) throws -> Void) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
            try? FileManager.default.removeItem(at: url)
        }
        try body(url)
    }

    /// Every file under `url`, relative, to prove no temporary file was left behind.
    func listing(_ url: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: url.path)
        return ((enumerator?.allObjects as? [String]) ?? []).sorted()
    }

    @Test("writes every file, creating missing parent directories")
    func writesAndCreatesParents() throws {
        try withDirectory { dir in
            let out = dir.appendingPathComponent("new/out")
            let written = try AtomicFileWriter(directory: out.path).write(plan)
            #expect(written == [out.path + "/trust-policy.json", out.path + "/.github/workflows/aws-oidc.yml"])
            #expect(try String(contentsOf: out.appendingPathComponent("trust-policy.json"), encoding: .utf8) == "{\"new\": true}\n")
            #expect(listing(out) == [".github", ".github/workflows", ".github/workflows/aws-oidc.yml", "trust-policy.json"])
        }
    }

    @Test("an existing file is never replaced without force, and nothing is written")
    func existingRefused() throws {
        try withDirectory { dir in
            try "old\n".write(to: dir.appendingPathComponent("trust-policy.json"), atomically: false, encoding: .utf8)
            let writer = AtomicFileWriter(directory: dir.path)
            #expect(writer.existingFiles(in: plan).map(\.relativePath) == ["trust-policy.json"])
            let error = #expect(throws: FileWriteError.self) { try writer.write(plan) }
            #expect(error?.kind == .exists)
            #expect(error?.path == dir.path + "/trust-policy.json")
            #expect(error?.description.contains("--force") == true)
            #expect(try String(contentsOf: dir.appendingPathComponent("trust-policy.json"), encoding: .utf8) == "old\n")
            #expect(listing(dir) == ["trust-policy.json"])
        }
    }

    @Test("force replaces an existing file atomically")
    func forceReplaces() throws {
        try withDirectory { dir in
            try "old\n".write(to: dir.appendingPathComponent("trust-policy.json"), atomically: false, encoding: .utf8)
            try AtomicFileWriter(directory: dir.path).write(plan, force: true)
            #expect(try String(contentsOf: dir.appendingPathComponent("trust-policy.json"), encoding: .utf8) == "{\"new\": true}\n")
            #expect(!listing(dir).contains { $0.contains(".tmp-") })
        }
    }

    @Test("a symbolic link at the target is refused, even with force, and its target is untouched")
    func symlinkRefused() throws {
        try withDirectory { dir in
            let victim = dir.appendingPathComponent("victim.txt")
            try "precious\n".write(to: victim, atomically: false, encoding: .utf8)
            try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("trust-policy.json").path,
                                                       withDestinationPath: victim.path)
            for force in [false, true] {
                let error = #expect(throws: FileWriteError.self) { try AtomicFileWriter(directory: dir.path).write(plan, force: force) }
                #expect(error?.kind == .symbolicLink)
            }
            #expect(try String(contentsOf: victim, encoding: .utf8) == "precious\n")
            #expect(listing(dir) == ["trust-policy.json", "victim.txt"])
        }
    }

    @Test("a directory at the target is refused")
    func directoryRefused() throws {
        try withDirectory { dir in
            try FileManager.default.createDirectory(at: dir.appendingPathComponent("trust-policy.json"), withIntermediateDirectories: true)
            let error = #expect(throws: FileWriteError.self) { try AtomicFileWriter(directory: dir.path).write(plan, force: true) }
            #expect(error?.kind == .wrongKind)
            #expect(error?.description.contains("a directory is in the way") == true)
        }
    }

    @Test("a read-only directory fails with the path and a hint, leaving no temporary file",
          .enabled(if: getuid() != 0, "root can write to read-only directories"))
    func readOnlyDirectory() throws {
        try withDirectory { dir in
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir.path)
            let error = #expect(throws: FileWriteError.self) { try AtomicFileWriter(directory: dir.path).write(plan) }
            #expect(error?.reason.contains("permission denied") == true)
            #expect(listing(dir).isEmpty)
        }
    }

    @Test("a file where a directory must be fails with the path, and files this call created are removed again")
    func fileInsteadOfDirectory() throws {
        try withDirectory { dir in
            try "x".write(to: dir.appendingPathComponent(".github"), atomically: false, encoding: .utf8)
            let error = #expect(throws: FileWriteError.self) { try AtomicFileWriter(directory: dir.path).write(plan) }
            #expect(error?.reason.contains("is a file, not a directory") == true)
            // The first file was created by this call and is removed again: no half-written set-up.
            #expect(listing(dir) == [".github"])
        }
    }

    @Test("a killed writer left as a zombie (not yet reaped) counts as gone, so its temporary file is cleaned up",
          .enabled(if: FileManager.default.fileExists(atPath: "/proc/self/stat")))
    func zombieIsNotALiveWriter() throws {
        #expect(!AtomicFileWriter.isZombie(getpid()))
        var pid: pid_t = 0
        var argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/true"), nil]
        defer { argv.forEach { free($0) } }
        #expect(posix_spawn(&pid, "/bin/true", nil, nil, &argv, nil) == 0)
        // Not reaped yet: once it has exited it is a zombie.
        var waited = 0
        while !AtomicFileWriter.isZombie(pid), waited < 500 {
            usleep(10_000)
            waited += 1
        }
        #expect(AtomicFileWriter.isZombie(pid))
        #expect(kill(pid, 0) == 0, "a zombie still answers kill(pid, 0)")
        #expect(!AtomicFileWriter.isLiveWriter(pid))
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }
}
