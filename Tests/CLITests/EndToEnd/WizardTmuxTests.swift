import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The real binary in a real terminal (tmux), driven as a person would: type a setup, watch the preview and a
/// warning change live, resize, write with Ctrl-S and Enter, quit, and check the terminal was restored.
/// Skipped when tmux is missing, except under CI, where `.ci/run` installs it.
@Suite("oidc-wizard in tmux, end to end", .serialized)
struct WizardTmuxTests {
    /// One private tmux server per test, so nothing else on the machine is touched.
    struct Tmux {
        let tmux: String
        let socket = "oidc-wizard-test-\(UUID().uuidString.prefix(8))"
        let session = "wizard"

        /// Runs a tmux command with posix_spawn and waits for it. (Foundation's `Process` can wait forever here: the
        /// server `new-session` starts is a daemon that inherits whatever the client had open.) Output goes to
        /// `outputPath` when given, else to /dev/null.
        func run(_ arguments: [String], outputPath: String? = nil) throws {
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, outputPath ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            // Nothing else either: another suite's pipe to a child it is reading (Foundation's `Process`) may be open
            // at this moment, and the tmux server would keep it open until its pane's `sleep 60` ends — that
            // suite's read then waited a minute for the end of its output.
            _ = Self.closeFrom?(&actions, 3)
            let all = [tmux, "-L", socket, "-f", "/dev/null"] + arguments
            var argv: [UnsafeMutablePointer<CChar>?] = all.map { strdup($0) }
            argv.append(nil)
            defer { for pointer in argv { free(pointer) } }
            var pid = pid_t()
            let spawned = posix_spawn(&pid, tmux, &actions, nil, argv, environ)
            guard spawned == 0 else { throw CocoaError(.executableLoad) }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        }

        /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), which Swift's Glibc module does not
        /// declare; nil where the C library lacks it.
        static let closeFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return nil }
            return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
        }()

        func capture() throws -> String {
            let path = NSTemporaryDirectory() + "/\(socket)-capture.txt"
            try run(["capture-pane", "-p", "-t", session], outputPath: path)
            defer { try? FileManager.default.removeItem(atPath: path) }
            return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        }

        func send(_ keys: String...) throws { try run(["send-keys", "-t", session] + keys) }

        /// The command prefix for a pane's program: a UTF-8 terminal of the pane's own size. tmux hands its panes
        /// the environment of the process that started its server — the tests' — and ncurses prefers LINES and
        /// COLUMNS there to the terminal's size: when the headless ncurses tests still set them in this process, a
        /// wizard started meanwhile drew "terminal too small" in a 12-column pane that was really 120 wide. A
        /// shell that exports them would do the same, so they are removed here.
        static let paneEnvironment = ["env", "-u", "LINES", "-u", "COLUMNS", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "TERM=xterm-256color"]

        func type(_ text: String) throws { try run(["send-keys", "-t", session, "-l", text]) }

        /// Polls the screen until `condition` holds (or fails after `seconds`, showing the last screen).
        @discardableResult
        func waitFor(_ what: String, seconds: Double = 15, _ condition: (String) -> Bool,
                     sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
            let deadline = Date().addingTimeInterval(seconds)
            var screen = ""
            while Date() < deadline {
                screen = try capture()
                if condition(screen) { return screen }
                Thread.sleep(forTimeInterval: 0.05)
            }
            Issue.record("timed out waiting for \(what); the screen was:\n\(screen)", sourceLocation: sourceLocation)
            throw CancellationError()
        }

        func kill() {
            try? run(["kill-server"])
            let directory = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
            try? FileManager.default.removeItem(atPath: "\(directory)/tmux-\(getuid())/\(socket)")
        }
    }

    static func tmuxOrSkip() -> String? {
        if let path = OutsideTool.path("tmux") { return path }
        if OutsideTool.isCI { Issue.record("tmux is not installed; .ci/run installs it") }
        return nil
    }

    @Test("Type a setup, see the preview and a CRITICAL finding change live, resize, write, quit, terminal restored")
    func wholeSession() throws {
        guard let path = Self.tmuxOrSkip() else { return }
        let tmux = Tmux(tmux: path)
        defer { tmux.kill() }
        let directory = try CLI.temporaryDirectory()
        let binary = CLI.binary.path
        // After the wizard: its exit status and the terminal modes, printed in the same pane.
        let script = "cd '\(directory.path)' && '\(binary)' --account-id 123456789012 --region eu-central-1 --role-name deploy --out out; "
            + "echo EXIT=$?; stty -a | tr -s ' ;\\n' '\\n\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo; sleep 60"
        try tmux.run(["new-session", "-d", "-x", "100", "-y", "30", "-s", tmux.session] + Tmux.paneEnvironment + ["sh", "-c", script])

        try tmux.waitFor("the owner field") { $0.contains("Owner") && $0.contains("1 GitHub") }
        try tmux.type("acme")
        try tmux.send("Tab")
        try tmux.type("app")
        try tmux.waitFor("the live policy preview") { $0.contains("repo:acme/app:ref:refs/heads/main") }

        // A wildcard owner: the critical finding appears; fixing the owner makes it disappear.
        try tmux.send("BTab")
        try tmux.send("C-u")
        try tmux.type("*")
        try tmux.waitFor("the CRITICAL finding") { $0.contains("CRITICAL") && $0.contains("repo:*/app") }
        try tmux.send("BSpace")
        try tmux.type("acme")
        try tmux.waitFor("the finding to go away") { !$0.contains("CRITICAL") && $0.contains("repo:acme/app") }

        // Readline's Alt keys, which terminals send as Esc and a letter: they move and delete a word in the field,
        // never go back a step (on this step Esc would ask whether to quit) or type the letter.
        try tmux.send("M-b")
        try tmux.type("x")
        try tmux.waitFor("Alt-B to move to the start of the owner") { $0.contains("repo:xacme/app") }
        try tmux.send("M-f")
        try tmux.type("z")
        try tmux.waitFor("Alt-F to move past the owner") { $0.contains("repo:xacmez/app") }
        try tmux.send("M-BSpace")
        try tmux.type("acme")
        try tmux.waitFor("Alt-Backspace to delete the owner") { $0.contains("repo:acme/app") && !$0.contains("xacme") && !$0.contains("Quit anyway") }

        // Wider: all three panels side by side with the form.
        try tmux.run(["resize-window", "-t", tmux.session, "-x", "130", "-y", "40"])
        try tmux.waitFor("the wide layout") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            let policy = lines.firstIndex { $0.contains("F2 Policy") }
            let findings = lines.firstIndex { $0.contains("F3 Findings") }
            return policy != nil && findings != nil && policy != findings && lines.count >= 40
        }
        // Too small, then back.
        try tmux.run(["resize-window", "-t", tmux.session, "-x", "70", "-y", "20"])
        try tmux.waitFor("the too-small screen") { $0.contains("Terminal too small") && $0.contains("80") }
        try tmux.run(["resize-window", "-t", tmux.session, "-x", "100", "-y", "30"])
        try tmux.waitFor("the wizard again") { $0.contains("Owner") && !$0.contains("Terminal too small") }

        // Write: Ctrl-S, Enter.
        try tmux.send("C-s")
        try tmux.waitFor("the write step") { $0.contains("trust-policy.json") && $0.contains("Enter") }
        try tmux.send("Enter")
        try tmux.waitFor("the summary") { $0.contains("Written:") }
        let policyURL = directory.appendingPathComponent("out/trust-policy.json")
        let policy = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: policyURL)) as? [String: Any])
        let statement = try #require((policy["Statement"] as? [[String: Any]])?.first)
        let condition = try #require(statement["Condition"] as? [String: [String: Any]])
        #expect(condition["StringEquals"]?["token.actions.githubusercontent.com:sub"] as? String == "repo:acme/app:ref:refs/heads/main")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("out/.github/workflows/aws-oidc.yml").path))

        // Quit: nothing to confirm after writing; the shell gets a sane terminal back.
        try tmux.send("C-c")
        let after = try tmux.waitFor("the shell after the wizard") { $0.contains("EXIT=") && $0.contains("icanon") }
        #expect(after.contains("EXIT=0"))
        #expect(after.contains("Then commit .github/workflows/aws-oidc.yml to acme/app"), "what was written and the next steps are printed once the screen is gone")
        #expect(after.contains(" icanon") || after.hasPrefix("icanon") || after.contains("\nicanon"), "canonical mode restored")
        #expect(!after.contains("-icanon"), "canonical mode restored")
        #expect(!after.contains("-echo "), "echo restored")
        #expect(!after.contains("1 GitHub"), "the alternate screen is gone")
    }
}

@Suite("oidc-wizard without a terminal")
struct WizardWithoutTerminalTests {
    @Test("No TTY: one line on stderr pointing at generate, exit 2")
    func noTerminal() throws {
        let result = try CLI.run(["--repo", "acme/app"], environment: ["TERM": "xterm-256color"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(result.stderr.contains("oidc-wizard generate"))
    }

    @Test("A bad option is still a usage error (exit 2), before any terminal is touched")
    func badOption() throws {
        let result = try CLI.run(["--no-such-option"])
        #expect(result.status == 2)
    }
}
