import Foundation
import Testing

/// `generate` writing into places that fight back, through the real binary: the message names the path
/// and what to do, exit 2, and never a partial file or a temporary file left behind.
@Suite("generate writes safely or not at all")
struct SafeWriteCLITests {
    static let base = ["generate", "--repo", "acme/app", "--account-id", "123456789012", "--role-name", "gh-deploy",
                       "--region", "eu-central-1"]

    /// Every entry under `path`, relative, hidden ones included.
    static func listing(_ path: String) -> [String] {
        ((FileManager.default.enumerator(atPath: path)?.allObjects as? [String]) ?? []).sorted()
    }

    static func oneLine(_ stderr: String) -> Bool {
        stderr.hasSuffix("\n") && !stderr.dropLast().contains("\n")
    }

    static let nobody = FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") && getuid() == 0

    @Test("a read-only directory (as an unprivileged user: root ignores permissions) fails with the path and advice",
          .enabled(if: nobody, "needs root and setpriv to run the binary as nobody"))
    func readOnlyDirectory() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir.path)
        let binary = CLI.binary.resolvingSymlinksInPath().path
        let run = try MeasuredRun.run("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", binary]
                                      + Self.base + ["--out", dir.path])
        #expect(run.status == 2, "\(run.summary)")
        #expect(run.stderr == "error: cannot write \(dir.path)/trust-policy.json: permission denied (could not create a temporary file next to it). Choose a directory you can write to with --out, or fix its permissions.\n")
        #expect(Self.listing(dir.path).isEmpty)
    }

    @Test("a missing parent directory is created, with its parents")
    func missingParent() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("a/b/c").path
        let result = try CLI.run(Self.base + ["--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.listing(out) == [".github", ".github/workflows", ".github/workflows/aws-oidc.yml", "trust-policy.json"])
    }

    @Test("a parent that is a file, a directory at the target, a link at the target: exit 2, path named, nothing written",
          arguments: ["parent is a file", "directory at target", "link at target", "link at target with --force", "dangling link at target"])
    func obstacles(_ obstacle: String) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let victim = dir.appendingPathComponent("victim.txt").path
        try "precious\n".write(toFile: victim, atomically: false, encoding: .utf8)
        let out = dir.appendingPathComponent("out").path
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        var force: [String] = []
        let expected: String
        switch obstacle {
        case "parent is a file":
            try "x".write(toFile: out + "/.github", atomically: false, encoding: .utf8)
            expected = "error: cannot write \(out)/.github/workflows/aws-oidc.yml: \(out)/.github is a file, not a directory. Move it away or choose another directory with --out.\n"
        case "directory at target":
            try FileManager.default.createDirectory(atPath: out + "/trust-policy.json", withIntermediateDirectories: false)
            expected = "error: cannot write \(out)/trust-policy.json: a directory is in the way. Move it away or choose another directory with --out.\n"
        case "dangling link at target":
            try FileManager.default.createSymbolicLink(atPath: out + "/trust-policy.json", withDestinationPath: dir.path + "/nowhere")
            expected = "error: cannot write \(out)/trust-policy.json: it is a symbolic link. Remove the link or choose another directory with --out; this tool never writes through a link.\n"
        default:
            try FileManager.default.createSymbolicLink(atPath: out + "/trust-policy.json", withDestinationPath: victim)
            if obstacle.hasSuffix("--force") { force = ["--force"] }
            expected = "error: cannot write \(out)/trust-policy.json: it is a symbolic link. Remove the link or choose another directory with --out; this tool never writes through a link.\n"
        }
        let before = Self.listing(dir.path)
        let result = try CLI.run(Self.base + ["--out", out] + force)
        #expect(result.status == 2)
        #expect(result.stderr == expected)
        #expect(result.stdout.isEmpty)
        #expect(Self.listing(dir.path) == before, "nothing created, nothing left behind")
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/nowhere"))
    }

    @Test("a full disk: exit 2, 'the disk is full', no partial file and no temporary file",
          .enabled(if: getuid() == 0, "mounting a tmpfs needs root"))
    func diskFull() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let mountPoint = dir.appendingPathComponent("small").path
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        // One 4 KiB page: room for the directories and the first file, not for the second.
        guard Self.system("/bin/mount", ["-t", "tmpfs", "-o", "size=4k", "tmpfs", mountPoint]) == 0 else {
            if OutsideTool.isCI { Issue.record("could not mount a tmpfs as root") }
            return
        }
        defer { Self.system("/bin/umount", [mountPoint]) }
        // Many branches make a policy and a workflow too large for the space left.
        let branches = (1...60).flatMap { ["--branch", "release/\($0)"] }
        let result = try CLI.run(Self.base + branches + ["--out", mountPoint])
        #expect(result.status == 2)
        #expect(result.stderr.contains(": the disk is full. Free some space or choose another directory with --out."), "\(result.stderr)")
        #expect(result.stderr.hasPrefix("error: cannot write \(mountPoint)/"))
        #expect(Self.oneLine(result.stderr))
        let files = Self.listing(mountPoint).filter { !["", ".github", ".github/workflows"].contains($0) }
        #expect(files.isEmpty, "a failed run leaves no file: \(files)")
    }

    @Test("SIGKILL at random moments while writing: each file is absent or complete, and the next run leaves no temporary file")
    func killedWhileWriting() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Two different setups written alternately with --force, so "old" and "new" differ and a file
        // mixing them (or cut short) would show.
        let variants = [(1...150).flatMap { ["--branch", "release/a\($0)"] }, (1...150).flatMap { ["--tag", "v\($0).*"] }]
        var expected: [[String: String]] = []
        for (index, variant) in variants.enumerated() {
            let reference = dir.appendingPathComponent("reference-\(index)").path
            let result = try CLI.run(Self.base + variant + ["--out", reference])
            #expect(result.status == 0, "\(result.stderr)")
            expected.append([
                "trust-policy.json": try String(contentsOfFile: reference + "/trust-policy.json", encoding: .utf8),
                ".github/workflows/aws-oidc.yml": try String(contentsOfFile: reference + "/.github/workflows/aws-oidc.yml", encoding: .utf8),
            ])
        }
        let out = dir.appendingPathComponent("out").path
        let binary = CLI.binary.path
        // How long one run takes here, so the kills spread over the whole run, writes included.
        let timing = try MeasuredRun.run(binary, Self.base + variants[0] + ["--out", dir.appendingPathComponent("timing").path])
        let span = max(timing.seconds, 0.02)
        var killedDuringRun = 0
        for round in 0..<40 {
            let delay = Double.random(in: 0...(span * 1.2))
            let run = try MeasuredRun.run(binary, Self.base + variants[round % 2] + ["--out", out, "--force"]) { pid in
                usleep(useconds_t(delay * 1_000_000))
                kill(-pid, SIGKILL)
            }
            if run.signal == SIGKILL { killedDuringRun += 1 }
            for file in ["trust-policy.json", ".github/workflows/aws-oidc.yml"] {
                let path = out + "/" + file
                guard let contents = try? String(contentsOfFile: path, encoding: .utf8) else {
                    #expect(!FileManager.default.fileExists(atPath: path), "\(file) exists but cannot be read")
                    continue
                }
                #expect(expected.contains { $0[file] == contents }, "round \(round): \(file) is partial or mixed (\(contents.utf8.count) bytes)")
            }
            let strays = Self.listing(out).filter {
                ![".github", ".github/workflows", "trust-policy.json", ".github/workflows/aws-oidc.yml"].contains($0)
                    && !($0 as NSString).lastPathComponent.hasPrefix(".oidc-wizard-tmp-")
            }
            #expect(strays.isEmpty, "only recognisable temporary files may survive a SIGKILL: \(strays)")
        }
        #expect(killedDuringRun > 0, "no kill landed while the program ran; the test proved nothing")
        // The next run cleans up what killed runs left.
        let result = try CLI.run(Self.base + variants[0] + ["--out", out, "--force"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.listing(out) == [".github", ".github/workflows", ".github/workflows/aws-oidc.yml", "trust-policy.json"])
    }

    @discardableResult
    static func system(_ tool: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
